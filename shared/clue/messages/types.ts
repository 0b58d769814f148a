// CLUE protocol messages (RFC 8847 §5), as TypeScript values.
import type { CaptureEncoding, ClueInfo } from '../model/types';

/** RFC 8847 §5: the common part of every message (clueMessageType). */
export interface MessageBase {
  /** The "v" attribute: major.minor (RFC 8847 §5, §5.1). */
  version: string;
  clueId?: string;
  /** Per sender, incremented by one for every message it sends (RFC 8847 §5). */
  sequenceNr: number;
}

/** RFC 8847 §5.1, §8 extension description: <extension><name/><schemaRef/><version/></extension>. */
export interface Extension {
  name: string;
  schemaRef: string;
  version: string;
}

/** RFC 8847 §5.1 OPTIONS, sent by the CLUE channel initiator. */
export interface OptionsMessage extends MessageBase {
  type: 'options';
  mediaProvider: boolean;
  mediaConsumer: boolean;
  /** Highest minor version for each supported major version; absent: only "v" (and lower minors). */
  supportedVersions?: string[];
  supportedExtensions?: Extension[];
}

/**
 * Responses (clueResponseType, RFC 8847 §5 Figure 2) carry a code and, optionally, a reason string
 * (§5.7). A received code may be one Table 1 does not list: its first digit tells its class.
 */
export interface ResponseBase extends MessageBase {
  responseCode: number;
  reasonString?: string;
}

/** RFC 8847 §5.2 OPTIONS RESPONSE. */
export interface OptionsResponseMessage extends ResponseBase {
  type: 'optionsResponse';
  mediaProvider?: boolean;
  mediaConsumer?: boolean;
  /** The version chosen for the session. */
  selectedVersion?: string;
  commonExtensions?: Extension[];
}

/** RFC 8847 §5.3 ADVERTISEMENT. */
export interface AdvertisementMessage extends MessageBase {
  type: 'advertisement';
  info: ClueInfo;
}

/** RFC 8847 §5.4 'ack' (advAcknowledgementMessageType): acknowledges an ADVERTISEMENT; an error code is a NACK. */
export interface AckMessage extends ResponseBase {
  type: 'ack';
  advSequenceNr: number;
}

/** RFC 8847 §5.5 CONFIGURE; `ack` (a 2xx success code, successResponseCodeType) piggybacks the acknowledgement of that ADV. */
export interface ConfigureMessage extends MessageBase {
  type: 'configure';
  advSequenceNr: number;
  ack?: number;
  /** Empty: the consumer wants no capture (the <captureEncodings> element is omitted). */
  captureEncodings: CaptureEncoding[];
}

/** RFC 8847 §5.6 CONFIGURE RESPONSE. */
export interface ConfigureResponseMessage extends ResponseBase {
  type: 'configureResponse';
  confSequenceNr: number;
}

export type ClueMessage =
  | OptionsMessage
  | OptionsResponseMessage
  | AdvertisementMessage
  | AckMessage
  | ConfigureMessage
  | ConfigureResponseMessage;

export type MessageType = ClueMessage['type'];
export const MESSAGE_TYPES: readonly MessageType[] = ['options', 'optionsResponse', 'advertisement', 'ack', 'configure', 'configureResponse'];
export const isResponse = (m: ClueMessage): m is OptionsResponseMessage | AckMessage | ConfigureResponseMessage =>
  m.type === 'optionsResponse' || m.type === 'ack' || m.type === 'configureResponse';

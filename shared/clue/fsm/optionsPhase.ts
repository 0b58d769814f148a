// The OPTIONS exchange as pure decisions (RFC 8847 §5.1-5.2): what the channel initiator offers,
// how the responder answers, and whether the initiator accepts the answer. The participant state
// machine applies the outcome.
import { isSuccess, type ErrorCode } from '../errors';
import { CLUE_VERSION, negotiateVersion, offeredVersions, parseVersion } from '../messages/version';
import type { Extension, OptionsMessage, OptionsResponseMessage } from '../messages/types';

export interface LocalCapabilities {
  provider: boolean;
  consumer: boolean;
  /** Highest minor version per major version. */
  versions: readonly string[];
  extensions: readonly Extension[];
}

/** The session the exchange set up: version, which local machines run, common extensions. */
export interface Session {
  version: string;
  provider: boolean;
  consumer: boolean;
  extensions: Extension[];
}

export type OptionsOutcome = { ok: true; session: Session } | { ok: false; code: ErrorCode; reason: string };

/** RFC 8847 §5.1: "v" is the largest minor version of the smallest major version offered. */
export function optionsVersionAttr(versions: readonly string[]): string {
  const low = versions.map(parseVersion).filter((v) => v !== undefined).sort((a, b) => a.major - b.major)[0];
  return low ? `${low.major}.${low.minor}` : CLUE_VERSION;
}

/** Extensions both sides listed (same name and schema), at the lower version (RFC 8847 §5.2). */
export function commonExtensions(mine: readonly Extension[], theirs: readonly Extension[]): Extension[] {
  const out: Extension[] = [];
  for (const m of mine) {
    const t = theirs.find((x) => x.name === m.name && x.schemaRef === m.schemaRef);
    if (t) out.push({ ...m, version: negotiateVersion([t.version], [m.version]) ?? m.version });
  }
  return out;
}

/** The responder's decision on an OPTIONS: 401 without a common version, 303 when no media can flow. */
export function answerOptions(msg: OptionsMessage, local: LocalCapabilities): OptionsOutcome {
  const version = negotiateVersion(offeredVersions(msg), local.versions);
  if (!version) return { ok: false, code: 401, reason: `none of ${offeredVersions(msg).join(', ')} is supported (${local.versions.join(', ')})` };
  const provider = local.provider && msg.mediaConsumer;
  const consumer = local.consumer && msg.mediaProvider;
  if (!provider && !consumer) return { ok: false, code: 303, reason: 'no media can flow: no provider faces a consumer' };
  return { ok: true, session: { version, provider, consumer, extensions: commonExtensions(local.extensions, msg.supportedExtensions ?? []) } };
}

/** The initiator's decision on the OPTIONS RESPONSE. */
export function acceptOptionsResponse(msg: OptionsResponseMessage, local: LocalCapabilities): OptionsOutcome {
  // RFC 8847 §5.2, §6: any code outside 200-299 is an OPTIONS phase failure.
  if (!isSuccess(msg.responseCode)) return { ok: false, code: 400, reason: `OPTIONS refused: ${msg.responseCode}${msg.reasonString ? ` ${msg.reasonString}` : ''}` };
  const version = msg.selectedVersion ?? msg.version;
  if (negotiateVersion([version], local.versions) !== version) return { ok: false, code: 401, reason: `the responder chose version ${version}, which was not offered` };
  const provider = local.provider && msg.mediaConsumer === true;
  const consumer = local.consumer && msg.mediaProvider === true;
  if (!provider && !consumer) return { ok: false, code: 303, reason: 'no media can flow: no provider faces a consumer' };
  return { ok: true, session: { version, provider, consumer, extensions: commonExtensions(local.extensions, msg.commonExtensions ?? []) } };
}

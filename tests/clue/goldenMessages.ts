// The valid fixtures of tests/fixtures/clue/valid/, as values: `npx tsx tests/clue/makeFixtures.ts`
// writes them with the encoder, and codec.test.ts checks that the files still equal what the
// encoder writes and that each file reads back to the same value.
import { advertisementFromRoom, encodeClueInfo, encodeMessage, ENCODINGS_EXTENSION, type ClueInfo, type ClueMessage } from '../../shared/clue';
import { defaultRoom, richInfo, threeScreenRoom } from './helpers';

function roomInfo(which: 'three' | 'default'): ClueInfo {
  const r = advertisementFromRoom(which === 'three' ? threeScreenRoom() : defaultRoom());
  if (!r.ok) throw new Error(r.problem);
  return r.info;
}

export function goldenMessages(): Record<string, ClueMessage> {
  const base = { version: '1.0', clueId: 'Boardroom three' };
  return {
    'options.xml': { ...base, type: 'options', sequenceNr: 51, mediaProvider: true, mediaConsumer: true, supportedVersions: ['1.0', '2.3'], supportedExtensions: [ENCODINGS_EXTENSION] },
    'optionsResponse.xml': { ...base, clueId: 'Far room', type: 'optionsResponse', sequenceNr: 900, responseCode: 200, reasonString: 'Success', mediaProvider: true, mediaConsumer: true, selectedVersion: '1.0', commonExtensions: [ENCODINGS_EXTENSION] },
    'advertisement-three-camera.xml': { ...base, type: 'advertisement', sequenceNr: 52, info: roomInfo('three') },
    'advertisement-default-room.xml': { ...base, clueId: 'Telescene room', type: 'advertisement', sequenceNr: 7, info: { ...roomInfo('default'), encodings: [] } },
    'advertisement-rich.xml': { ...base, clueId: 'Napoli', type: 'advertisement', sequenceNr: 11, info: richInfo() },
    'ack.xml': { ...base, clueId: 'Far room', type: 'ack', sequenceNr: 901, responseCode: 200, reasonString: 'Success', advSequenceNr: 52 },
    'ack-error.xml': { ...base, clueId: 'Far room', type: 'ack', sequenceNr: 901, responseCode: 403, reasonString: 'Invalid identifier: captureSceneIDREF CS9 names no capture scene', advSequenceNr: 52 },
    'configure.xml': { ...base, clueId: 'Far room', type: 'configure', sequenceNr: 902, advSequenceNr: 52, captureEncodings: [
      { id: 'CE1', captureID: 'VC0', encodingID: 'ENC_V0' },
      { id: 'CE2', captureID: 'VC1', encodingID: 'ENC_V1' },
      { id: 'CE3', captureID: 'VC2', encodingID: 'ENC_V2' },
      { id: 'CE4', captureID: 'ACM', encodingID: 'ENC_A0' },
    ] },
    'configure-with-ack.xml': { ...base, clueId: 'Far room', type: 'configure', sequenceNr: 902, advSequenceNr: 52, ack: 200, captureEncodings: [
      { id: 'CE1', captureID: 'VCS', encodingID: 'ENC_V0', configuredContent: { mediaCaptureIDs: ['VC0', 'VC2'], sceneViewIDs: [] } },
      { id: 'CE2', captureID: 'VCP', encodingID: 'ENC_V1' },
    ] },
    'configure-nothing.xml': { ...base, clueId: 'Far room', type: 'configure', sequenceNr: 903, advSequenceNr: 52, captureEncodings: [] },
    'configureResponse.xml': { ...base, type: 'configureResponse', sequenceNr: 53, responseCode: 200, reasonString: 'Success', confSequenceNr: 902 },
  };
}

export function goldenFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, m] of Object.entries(goldenMessages())) out[name] = encodeMessage(m);
  out['clueInfo-rich.xml'] = encodeClueInfo('NapoliRoom', richInfo());
  return out;
}

// One call that reads a CLUE message or <clueInfo> document and lists everything wrong with it:
// syntax and values (the decoder's ParseError), the advertisement's own coherence, and for a
// CONFIGURE, its fit to the advertisement it names when that advertisement is given.
// Used by `telescene clue check` and the fixture tests.
import { ParseError, type Problem } from './errors';
import { decodeClueInfo, decodeMessage } from './messages/decode';
import type { ClueMessage } from './messages/types';
import type { ClueInfo } from './model/types';
import { checkAdvertisement } from './semantics/advertisement';
import { checkConfigure } from './semantics/configure';
import { indexAdvertisement } from './semantics/index';

export interface CheckResult {
  /** "options", "advertisement"... or "clueInfo"; undefined when the text could not be read. */
  kind?: string;
  message?: ClueMessage;
  info?: ClueInfo;
  problems: Problem[];
}

const isClueInfoDoc = (xml: string): boolean => /<(?:[A-Za-z_][\w.-]*:)?clueInfo[\s>]/.test(xml.slice(0, 2048));

export function checkClueText(xml: string, advertisementXml?: string): CheckResult {
  try {
    if (isClueInfoDoc(xml)) {
      const { info } = decodeClueInfo(xml);
      return { kind: 'clueInfo', info, problems: checkAdvertisement(info) };
    }
    const message = decodeMessage(xml);
    const result: CheckResult = { kind: message.type, message, problems: [] };
    if (message.type === 'advertisement') {
      result.info = message.info;
      result.problems = checkAdvertisement(message.info);
    } else if (message.type === 'configure' && advertisementXml !== undefined) {
      const adv = checkClueText(advertisementXml);
      if (!adv.info) result.problems = adv.problems.map((p) => ({ ...p, reason: `advertisement: ${p.reason}` }));
      else {
        if (adv.message?.type === 'advertisement' && adv.message.sequenceNr !== message.advSequenceNr) {
          result.problems.push({ code: 404, reason: `CONFIGURE names advertisement ${message.advSequenceNr}, the advertisement given is ${adv.message.sequenceNr}` });
        }
        result.problems.push(...checkConfigure(message.captureEncodings, indexAdvertisement(adv.info)));
      }
    }
    return result;
  } catch (err) {
    if (err instanceof ParseError) return { problems: [err.toProblem()] };
    return { problems: [{ code: 301, reason: `unreadable: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}

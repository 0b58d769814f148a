// Semantic checks of a CONFIGURE against the advertisement it names (RFC 8847 §5.5; RFC 8845 §8-§10):
// only advertised captures and encodings, each encoding from the capture's encoding group and used
// once, captures from one simultaneous set, group bandwidth respected, subset choice only where
// the MCC allows it. (The stale-advertisement case, 404, is the provider state machine's.)
import type { Problem } from '../errors';
import type { CaptureEncoding } from '../model/types';
import { constituents, simultaneousViolations, type AdvIndex } from './index';

export interface ConfigureCheckOptions {
  /** Bits per second the consumer asked for on each encoding (from SDP), to check group limits. */
  bandwidth?: Readonly<Record<string, number>>;
}

export function checkConfigure(list: readonly CaptureEncoding[], idx: AdvIndex, opts: ConfigureCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const p = (code: 303 | 403 | 405, reason: string, path: string): void => void problems.push({ code, reason, path });
  const ceIDs = new Set<string>();
  const usedEncodings = new Map<string, string>();
  const groupLoad = new Map<string, number>();
  for (const ce of list) {
    const at = `captureEncoding ${ce.id}`;
    if (ceIDs.has(ce.id)) p(303, `captureEncoding ID ${ce.id} is used twice`, at);
    ceIDs.add(ce.id);
    const capture = idx.captures.get(ce.captureID);
    if (!capture) {
      p(403, `capture ${ce.captureID} was not advertised`, at);
      continue;
    }
    const group = idx.groupOfEncoding.get(ce.encodingID);
    if (!group) p(403, `encoding ${ce.encodingID} was not advertised`, at);
    else if (capture.encGroupID !== group.encodingGroupID) {
      p(303, `encoding ${ce.encodingID} is in ${group.encodingGroupID}, capture ${ce.captureID} can only use ${capture.encGroupID ?? 'no encoding group'}`, at);
    }
    const prev = usedEncodings.get(ce.encodingID);
    if (prev !== undefined) p(303, `encoding ${ce.encodingID} already carries capture ${prev}`, at);
    else usedEncodings.set(ce.encodingID, ce.captureID);
    const bps = opts.bandwidth?.[ce.encodingID];
    if (group && bps !== undefined) {
      const max = idx.encodings.get(ce.encodingID)?.maxBandwidth;
      if (max !== undefined && bps > max) p(303, `${bps} b/s exceeds encoding ${ce.encodingID}'s ${max} b/s`, at);
      groupLoad.set(group.encodingGroupID, (groupLoad.get(group.encodingGroupID) ?? 0) + bps);
    }
    if (ce.configuredContent) {
      // RFC 8846 §22.3, §11.9 / RFC 8845 §7.2.1.4: a subset of an MCC's constituents, only if allowed.
      if (!capture.multiple) p(303, `configuredContent given for ${ce.captureID}, which is not an MCC`, at);
      else if (capture.multiple.allowSubsetChoice !== true) p(405, `MCC ${ce.captureID} does not allow a subset choice`, at);
      else {
        const allowed = new Set(constituents(idx, capture));
        for (const id of ce.configuredContent.mediaCaptureIDs) if (!allowed.has(id)) p(403, `${id} is not a constituent of MCC ${ce.captureID}`, at);
        for (const sv of ce.configuredContent.sceneViewIDs) {
          const members = idx.sceneViews.get(sv)?.mediaCaptureIDs;
          if (!members) p(403, `scene view ${sv} was not advertised`, at);
          else if (!members.some((id) => allowed.has(id))) p(303, `scene view ${sv} holds no constituent of MCC ${ce.captureID}`, at);
        }
      }
    }
  }
  for (const [groupID, load] of groupLoad) {
    const max = idx.groups.get(groupID)?.maxGroupBandwidth ?? Infinity;
    if (load > max) p(303, `configured ${load} b/s exceed encoding group ${groupID}'s ${max} b/s`, `encodingGroup ${groupID}`);
  }
  const chosen = [...new Set(list.map((ce) => ce.captureID).filter((id) => idx.captures.has(id)))];
  for (const type of simultaneousViolations(idx, chosen)) p(303, `the ${type} captures chosen are not in one simultaneous set`, 'captureEncodings');
  return problems;
}

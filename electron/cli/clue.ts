// `telescene clue ...`: the CLUE core from the command line (RFC 8846/8847).
//   clue advertise [--room FILE]      print the ADVERTISEMENT for a room configuration
//                                     (shared/config DEFAULT_ROOM when no file is given)
//   clue check FILE [--adv FILE]      parse and validate a CLUE message (or <clueInfo> document);
//                                     a CONFIGURE is checked against the ADVERTISEMENT given
// Exit codes: 0 fine, 1 problems found (printed one a line with their RFC 8847 response code), 2 usage.
import { readFileSync } from 'node:fs';
import { stderr, stdout } from 'node:process';
import { advertisementFromRoom, checkClueText, CLUE_VERSION, encodeMessage, formatProblem } from '../../shared/clue';
import { checkRoomConfig, DEFAULT_ROOM } from '../../shared/config';
import { readRoomConfigFile } from '../core/config/roomConfigStore';

const USAGE = 'usage: telescene clue advertise [--room FILE]\n       telescene clue check FILE [--adv ADVERTISEMENT_FILE]\n';
const MAX_FILE = 4 << 20;

function option(args: string[], name: string): string | undefined | null {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v === undefined || v.startsWith('--') ? null : v;
}

function readText(path: string): string {
  const buf = readFileSync(path);
  if (buf.length > MAX_FILE) throw new Error(`${path} is larger than ${MAX_FILE} bytes`);
  return buf.toString('utf8');
}

function advertise(args: string[]): number {
  const roomFile = option(args, '--room');
  if (roomFile === null || args.length) {
    stderr.write(USAGE);
    return 2;
  }
  const loaded = roomFile === undefined ? checkRoomConfig(DEFAULT_ROOM) : readRoomConfigFile(roomFile);
  if (!loaded.ok) {
    for (const p of loaded.problems) stderr.write(`${roomFile ?? 'DEFAULT_ROOM'}: ${p}\n`);
    return 1;
  }
  const adv = advertisementFromRoom(loaded.config);
  if (!adv.ok) {
    stderr.write(`telescene clue: ${adv.problem}\n`);
    return 1;
  }
  stdout.write(encodeMessage({ type: 'advertisement', version: CLUE_VERSION, clueId: loaded.config.room.name, sequenceNr: 1, info: adv.info }));
  return 0;
}

function check(args: string[]): number {
  const advFile = option(args, '--adv');
  const [file, ...rest] = args;
  if (advFile === null || file === undefined || rest.length) {
    stderr.write(USAGE);
    return 2;
  }
  const result = checkClueText(readText(file), advFile === undefined ? undefined : readText(advFile));
  for (const p of result.problems) stdout.write(`${file}: ${formatProblem(p)}\n`);
  if (!result.problems.length) stdout.write(`${file}: valid ${result.kind ?? 'message'}${result.kind === 'configure' && advFile === undefined ? ' (not checked against an advertisement: give --adv)' : ''}\n`);
  return result.problems.length ? 1 : 0;
}

export default async function clue(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'advertise') return advertise(rest);
    if (sub === 'check') return check(rest);
  } catch (err) {
    stderr.write(`telescene clue: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  stderr.write(USAGE);
  return sub === undefined || sub === '--help' ? 0 : 2;
}

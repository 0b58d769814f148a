// `telescene srtp protect|unprotect --profile NAME --key HEX --salt HEX [--rtcp] [--encrypt-ext IDS]`
// Reads one hex packet per line on stdin and writes one hex packet, or `error: REASON`, per line on
// stdout. One SrtpSession serves the whole run, so ROC, replay window and SRTCP index carry from line
// to line, as on the wire. Exit status: 0 when every line passed, 1 when some did not, 2 on bad usage.
import { createInterface } from 'node:readline';
import { stdin, stdout, stderr } from 'node:process';
import { parseArgs } from 'node:util';
import { isSrtpProfile, PROFILE_PARAMS, SRTP_PROFILES, SrtpError, SrtpSession, type SrtpProfile } from '../core/srtp';

const USAGE = `usage: telescene srtp protect|unprotect --profile NAME --key HEX --salt HEX [--rtcp] [--encrypt-ext IDS]
  --profile      ${SRTP_PROFILES.join(' | ')}
  --key, --salt  master key and master salt, in hex
  --rtcp         the packets are (S)RTCP compound packets
  --encrypt-ext  comma-separated RTP header extension ids negotiated as encrypted (RFC 6904)
  --replay-window N   replay window in packets (default 128)
stdin: one hex packet per line; stdout: one hex packet or "error: REASON" per line.
`;

class UsageError extends Error {}

interface Options {
  mode: 'protect' | 'unprotect';
  profile: SrtpProfile;
  key: Uint8Array;
  salt: Uint8Array;
  rtcp: boolean;
  encryptExt: number[];
  replayWindow: number;
}

function parseHex(label: string, text: string | undefined): Uint8Array {
  if (!text || text.length % 2 || /[^0-9a-fA-F]/.test(text)) throw new UsageError(`${label} must be hex`);
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

export function parseSrtpArgs(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      key: { type: 'string' },
      salt: { type: 'string' },
      rtcp: { type: 'boolean', default: false },
      'encrypt-ext': { type: 'string' },
      'replay-window': { type: 'string' },
    },
  });
  const mode = positionals[0];
  if ((mode !== 'protect' && mode !== 'unprotect') || positionals.length !== 1) throw new UsageError('say protect or unprotect');
  const profile = values.profile;
  if (!profile || !isSrtpProfile(profile)) throw new UsageError(`unknown profile "${profile ?? ''}"`);
  const p = PROFILE_PARAMS[profile];
  const key = parseHex('--key', values.key);
  const salt = parseHex('--salt', values.salt);
  if (key.length !== p.masterKeyLength) throw new UsageError(`${profile} needs a ${p.masterKeyLength}-octet key`);
  if (salt.length !== p.masterSaltLength) throw new UsageError(`${profile} needs a ${p.masterSaltLength}-octet salt`);
  const encryptExt = (values['encrypt-ext'] ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const id = Number(s);
      if (!Number.isInteger(id) || id < 1 || id > 255) throw new UsageError(`bad header extension id "${s}"`);
      return id;
    });
  const replayWindow = Number(values['replay-window'] ?? 128);
  if (!Number.isInteger(replayWindow) || replayWindow < 128) throw new UsageError('--replay-window must be an integer >= 128');
  return { mode, profile, key, salt, rtcp: values.rtcp ?? false, encryptExt, replayWindow };
}

/** Processes one input line with the session; returns the output line. */
export function srtpLine(session: SrtpSession, o: Pick<Options, 'mode' | 'rtcp'>, line: string): { text: string; ok: boolean } {
  const t = line.trim();
  if (t.length % 2 || /[^0-9a-fA-F]/.test(t)) return { text: 'error: malformed', ok: false };
  const packet = Uint8Array.from(Buffer.from(t, 'hex'));
  if (o.mode === 'unprotect') {
    const r = o.rtcp ? session.unprotectRtcp(packet) : session.unprotectRtp(packet);
    return r.ok ? { text: Buffer.from(r.packet).toString('hex'), ok: true } : { text: `error: ${r.reason}`, ok: false };
  }
  try {
    const out = o.rtcp ? session.protectRtcp(packet) : session.protectRtp(packet);
    return { text: Buffer.from(out).toString('hex'), ok: true };
  } catch (err) {
    if (err instanceof SrtpError) return { text: `error: ${err.reason}`, ok: false };
    throw err;
  }
}

export default async function srtpCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length === 0) {
    stdout.write(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  let o: Options;
  try {
    o = parseSrtpArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError) && !(err instanceof TypeError)) throw err;
    stderr.write(`telescene srtp: ${err.message}\n${USAGE}`);
    return 2;
  }
  const session = new SrtpSession({
    keys: { profile: o.profile, masterKey: o.key, masterSalt: o.salt },
    encryptedHeaderExtensionIds: o.encryptExt,
    replayWindow: o.replayWindow,
  });
  let failed = 0;
  for await (const line of createInterface({ input: stdin, crlfDelay: Infinity })) {
    const r = srtpLine(session, o, line);
    if (!r.ok) failed++;
    if (!stdout.write(`${r.text}\n`)) await new Promise((resolve) => stdout.once('drain', resolve));
  }
  return failed ? 1 : 0;
}

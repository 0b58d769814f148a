// The XML the endpoint emits validates against the RFC 8846 and RFC 8847 schemas
// (tests/fixtures/clue/schema, written out from the RFCs) with xmllint.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { advertisementFromRoom, encodeMessage, type ClueMessage } from '../../shared/clue';
import { goldenFiles } from './goldenMessages';
import { link, roomSide } from './harness';
import { defaultRoom, ManualClock, pump, threeScreenRoom } from './helpers';

const schema = 'tests/fixtures/clue/schema/clue-protocol.xsd';
const work = mkdtempSync(join(tmpdir(), 'clue-xsd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function xmllint(files: string[]): { ok: boolean; output: string } {
  try {
    const out = execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output: out };
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('emitted XML against the RFC schemas (xmllint)', () => {
  it('every golden message and document validates', () => {
    const files = Object.entries(goldenFiles()).map(([name, xml]) => {
      const path = join(work, name);
      writeFileSync(path, xml);
      return path;
    });
    const r = xmllint(files);
    expect(r.output).not.toContain('fails to validate');
    expect(r.ok, r.output).toBe(true);
  });

  it('the advertisements of both sample rooms validate, with and without the encodings extension', () => {
    const files: string[] = [];
    for (const [name, room] of [['default', defaultRoom()], ['three', threeScreenRoom()]] as const) {
      const r = advertisementFromRoom(room);
      if (!r.ok) throw new Error(r.problem);
      for (const withEnc of [true, false]) {
        const m: ClueMessage = { type: 'advertisement', version: '1.0', sequenceNr: 3, info: withEnc ? r.info : { ...r.info, encodings: [] } };
        const path = join(work, `${name}-${withEnc}.xml`);
        writeFileSync(path, encodeMessage(m));
        files.push(path);
      }
    }
    const r = xmllint(files);
    expect(r.ok, r.output).toBe(true);
  });

  it('every message two participants exchange, errors included, validates', () => {
    const clock = new ManualClock();
    const a = roomSide(clock, threeScreenRoom(), true);
    const b = roomSide(clock, defaultRoom(), false);
    link(a, b);
    a.p.channelOpen();
    b.p.channelOpen();
    pump(a, b);
    const second = advertisementFromRoom({ ...threeScreenRoom(), presentation: null });
    if (second.ok) a.p.advertise(second.info);
    pump(a, b);
    b.p.receive('<configure xmlns="urn:ietf:params:xml:ns:clue-protocol" protocol="CLUE" v="1.0"><sequenceNr>999</sequenceNr><advSequenceNr>1</advSequenceNr></configure>');
    expect(b.ch.sent.at(-1)).toContain('<responseCode>402</responseCode>');
    const sent = [...a.ch.sent, ...b.ch.sent];
    expect(new Set(sent.map((x) => /<([A-Za-z]+) xmlns=/.exec(x)?.[1])).size).toBe(6);
    const files = sent.map((xml, i) => {
      const path = join(work, `exchange-${i}.xml`);
      writeFileSync(path, xml);
      return path;
    });
    const r = xmllint(files);
    expect(r.ok, r.output).toBe(true);
  });

  it('xmllint does reject a message the schema forbids (the check has teeth)', () => {
    const bad = join(work, 'bad.xml');
    writeFileSync(bad, goldenFiles()['ack.xml']?.replace('<advSequenceNr>52</advSequenceNr>', '') ?? '');
    const r = xmllint([bad]);
    expect(r.ok).toBe(false);
    expect(r.output).toContain('fails to validate');
    expect(readdirSync(work).length).toBeGreaterThan(1);
  });
});

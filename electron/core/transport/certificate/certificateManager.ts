// The device's DTLS identity: one ECDSA P-256 certificate (RFC 8827 §6.5 / RFC 8849 §7), used by
// every call, replaced on a schedule. A call keeps the certificate it started with; calls set up
// after a rotation use the new one. Optionally persisted (mode 0600) so that a restart keeps it.
import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CipherContext, HashAlgorithm, NamedCurveAlgorithm, SignatureAlgorithm } from 'werift';
import { createLogger } from '../../log';
import { fingerprintOf, type Fingerprint } from './fingerprint';

export interface DtlsCertificate {
  certPem: string;
  keyPem: string;
  der: Uint8Array;
  fingerprint: Fingerprint;
  /** Wall-clock ms when it was made. */
  createdAt: number;
}

export interface CertificateManagerOptions {
  /** Replace the certificate once it is this old (default 7 days). */
  rotateAfterMs?: number;
  /** Wall clock (ms since epoch); injected for tests. */
  now?: () => number;
  /** JSON file to keep the identity across restarts; absent = in memory only. */
  storePath?: string;
}

const log = createLogger('transport').child('certificate');
export const DEFAULT_ROTATE_AFTER_MS = 7 * 24 * 3600 * 1000;

/** Makes a self-signed ECDSA P-256 / SHA-256 certificate (werift's generator, checked by node:crypto). */
export async function createDtlsCertificate(now = Date.now()): Promise<DtlsCertificate> {
  const { certPem, keyPem } = await CipherContext.createSelfSignedCertificateWithKey(
    { hash: HashAlgorithm.sha256_4, signature: SignatureAlgorithm.ecdsa_3 },
    NamedCurveAlgorithm.secp256r1_23,
  );
  return fromPem(certPem, keyPem, now);
}

function fromPem(certPem: string, keyPem: string, createdAt: number): DtlsCertificate {
  const x509 = new X509Certificate(certPem);
  const details = x509.publicKey.asymmetricKeyDetails;
  if (x509.publicKey.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') throw new Error('DTLS certificate must be ECDSA P-256');
  const der = new Uint8Array(x509.raw);
  return { certPem, keyPem, der, fingerprint: fingerprintOf(der), createdAt };
}

export class CertificateManager {
  private cert?: DtlsCertificate;
  private pending?: Promise<DtlsCertificate>;
  private readonly rotateAfter: number;
  private readonly now: () => number;

  constructor(private readonly opts: CertificateManagerOptions = {}) {
    this.rotateAfter = opts.rotateAfterMs ?? DEFAULT_ROTATE_AFTER_MS;
    this.now = opts.now ?? Date.now;
    if (opts.storePath) this.cert = this.load(opts.storePath);
  }

  /** The certificate for a new call: the current one, or a fresh one if it is due for rotation. */
  async current(): Promise<DtlsCertificate> {
    const c = this.cert;
    if (c && this.now() - c.createdAt < this.rotateAfter) return c;
    return this.rotate();
  }

  /** Replaces the certificate now (also on a schedule through current()). */
  async rotate(): Promise<DtlsCertificate> {
    this.pending ??= createDtlsCertificate(this.now()).then((c) => {
      this.cert = c;
      this.pending = undefined;
      log.info('dtls certificate rotated', { fingerprint: c.fingerprint.value.slice(0, 23) });
      if (this.opts.storePath) this.save(this.opts.storePath, c);
      return c;
    });
    return this.pending;
  }

  /**
   * Rotates ahead of time on `after` (a Clock's timer), so that a call rarely waits for a new key;
   * returns a function that stops the schedule.
   */
  schedule(after: (ms: number, fn: () => void) => { cancel(): void }): () => void {
    let timer: { cancel(): void } | undefined;
    let stopped = false;
    const arm = (): void => {
      const age = this.cert ? this.now() - this.cert.createdAt : this.rotateAfter;
      timer = after(Math.max(0, this.rotateAfter - age), () => {
        if (stopped) return;
        void this.rotate().then(arm, (e: unknown) => log.warn('dtls certificate rotation failed', { reason: String(e) }));
      });
    };
    arm();
    return () => {
      stopped = true;
      timer?.cancel();
    };
  }

  private load(path: string): DtlsCertificate | undefined {
    try {
      const j = JSON.parse(readFileSync(path, 'utf8')) as { certPem?: unknown; keyPem?: unknown; createdAt?: unknown };
      if (typeof j.certPem !== 'string' || typeof j.keyPem !== 'string' || typeof j.createdAt !== 'number') throw new Error('missing fields');
      return fromPem(j.certPem, j.keyPem, j.createdAt);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') log.warn('stored dtls certificate refused; making a new one', { reason: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  private save(path: string, c: DtlsCertificate): void {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, JSON.stringify({ certPem: c.certPem, keyPem: c.keyPem, createdAt: c.createdAt }), { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, path);
    } catch (e) {
      log.warn('could not store dtls certificate', { reason: e instanceof Error ? e.message : String(e) });
    }
  }
}

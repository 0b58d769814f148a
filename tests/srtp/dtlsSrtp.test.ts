// DTLS-SRTP keying (RFC 5764 §4.1.2, §4.2) and profile choice (preference AEAD_AES_128_GCM >
// AES_CM_128_HMAC_SHA1_80 > _32; never NULL).
import { describe, expect, it } from 'vitest';
import {
  chooseSrtpProfile,
  DTLS_SRTP_PROFILE_IDS,
  offeredSrtpProfileIds,
  SrtpSession,
  srtpKeyingMaterialLength,
  srtpKeysFromExporter,
  srtpProfileFromId,
} from '../../electron/core/srtp';
import { rtp } from './packets';

describe('RFC 5764 §4.2 keying material split', () => {
  it('has 2 * (key + salt) octets per profile', () => {
    expect(srtpKeyingMaterialLength('AES_CM_128_HMAC_SHA1_80')).toBe(60);
    expect(srtpKeyingMaterialLength('AES_CM_128_HMAC_SHA1_32')).toBe(60);
    expect(srtpKeyingMaterialLength('AEAD_AES_128_GCM')).toBe(56);
    expect(srtpKeyingMaterialLength('AEAD_AES_256_GCM')).toBe(88);
  });

  it('splits client key | server key | client salt | server salt by role', () => {
    const km = Uint8Array.from({ length: 60 }, (_, i) => i);
    const c = srtpKeysFromExporter('AES_CM_128_HMAC_SHA1_80', km, 'client');
    const s = srtpKeysFromExporter('AES_CM_128_HMAC_SHA1_80', km, 'server');
    expect([...c.local.masterKey]).toEqual([...km.subarray(0, 16)]);
    expect([...c.remote.masterKey]).toEqual([...km.subarray(16, 32)]);
    expect([...c.local.masterSalt]).toEqual([...km.subarray(32, 46)]);
    expect([...c.remote.masterSalt]).toEqual([...km.subarray(46, 60)]);
    expect(s.local).toEqual(c.remote);
    expect(s.remote).toEqual(c.local);
  });

  it('gives two ends keys that interoperate: the client sends, the server receives', () => {
    const km = Uint8Array.from({ length: 56 }, (_, i) => (i * 37) & 0xff);
    const client = srtpKeysFromExporter('AEAD_AES_128_GCM', km, 'client');
    const server = srtpKeysFromExporter('AEAD_AES_128_GCM', km, 'server');
    const tx = new SrtpSession({ keys: client.local });
    const rx = new SrtpSession({ keys: server.remote });
    expect(rx.unprotectRtp(tx.protectRtp(rtp({ seq: 9 }))).ok).toBe(true);
    const wrong = new SrtpSession({ keys: server.local });
    expect(wrong.unprotectRtp(tx.protectRtp(rtp({ seq: 10 }))).ok).toBe(false);
  });

  it('copies the keys out of a Buffer, so zeroing the exporter output leaves them intact', () => {
    const km = Buffer.from(Uint8Array.from({ length: 60 }, (_, i) => i + 1));
    const keys = srtpKeysFromExporter('AES_CM_128_HMAC_SHA1_80', km, 'client');
    km.fill(0);
    expect([...keys.local.masterKey]).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect([...keys.remote.masterSalt]).toEqual(Array.from({ length: 14 }, (_, i) => i + 47));
  });

  it('refuses keying material of the wrong length', () => {
    expect(() => srtpKeysFromExporter('AEAD_AES_128_GCM', new Uint8Array(60), 'client')).toThrow(RangeError);
  });
});

describe('DTLS-SRTP profile choice', () => {
  it('prefers AEAD_AES_128_GCM, then AES_CM_128_HMAC_SHA1_80, then _32', () => {
    expect(chooseSrtpProfile([0x0001, 0x0002, 0x0007])).toBe('AEAD_AES_128_GCM');
    expect(chooseSrtpProfile([0x0002, 0x0001])).toBe('AES_CM_128_HMAC_SHA1_80');
    expect(chooseSrtpProfile([0x0002])).toBe('AES_CM_128_HMAC_SHA1_32');
  });

  it('never picks a NULL profile and returns null when nothing is acceptable', () => {
    expect(chooseSrtpProfile([0x0005, 0x0006])).toBeNull();
    expect(chooseSrtpProfile([])).toBeNull();
    expect(chooseSrtpProfile([0xffff, 0x0008])).toBeNull();
  });

  it('offers its preference list and maps ids back to names', () => {
    expect(offeredSrtpProfileIds()).toEqual([0x0007, 0x0001, 0x0002]);
    expect(srtpProfileFromId(DTLS_SRTP_PROFILE_IDS.AEAD_AES_256_GCM)).toBe('AEAD_AES_256_GCM');
    expect(srtpProfileFromId(0x0005)).toBeNull();
  });
});

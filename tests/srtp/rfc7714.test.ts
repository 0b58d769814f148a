// RFC 7714 §16 (SRTP) and §17 (SRTCP) test vectors for AEAD_AES_128_GCM and AEAD_AES_256_GCM. The RFC
// gives session keys and salts directly ("Quid pro quo"), so these drive the GCM transform itself.
import { describe, expect, it } from 'vitest';
import { GcmTransform } from '../../electron/core/srtp/gcmTransform';
import type { DirectionKeys } from '../../electron/core/srtp/kdf';
import { hex, toHex } from './hex';

const SALT = hex('517569642070726f2071756f');
const KEY_128 = hex('000102030405060708090a0b0c0d0e0f');
const KEY_256 = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const RTP = hex('8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976 69736120 696e2070 61727465 73207472 6573');
const RTCP = hex(
  '81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef',
);
const SRTCP_INDEX = 0x5d4;

const transform = (key: Uint8Array): GcmTransform => {
  const k: DirectionKeys = { encryptionKey: key, salt: SALT, authKey: new Uint8Array(0) };
  return new GcmTransform(k, k);
};

function protectRtp(t: GcmTransform): string {
  const out = new Uint8Array(RTP.length + 16);
  out.set(RTP);
  t.protectRtp(out, 12, RTP.length, 0x5501a0b2, 0xf17b);
  return toHex(out);
}

function protectRtcp(t: GcmTransform): string {
  const out = new Uint8Array(RTCP.length + 20);
  out.set(RTCP);
  t.protectRtcp(out, RTCP.length, 0x4d617273, SRTCP_INDEX);
  return toHex(out);
}

const cases = [
  {
    name: 'AEAD_AES_128_GCM',
    key: KEY_128,
    srtp:
      '8040f17b8041f8d35501a0b2' +
      'f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833' +
      '899d7f27beb16a9152cf765ee4390cce',
    srtcp:
      '81c8000d4d617273' +
      '63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275b' +
      'c84aa45896cf4d2fc5abf87245d9eade' +
      '800005d4',
  },
  {
    name: 'AEAD_AES_256_GCM',
    key: KEY_256,
    srtp:
      '8040f17b8041f8d35501a0b2' +
      '32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b' +
      '7aa3db36dfffd6b0f9bb7878d7a76c13',
    srtcp:
      '81c8000d4d617273' +
      'd50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1110555be8415f658c61de0476f1b6fad' +
      '1d1eb30c4446839f57ff6f6cb26ac3be' +
      '800005d4',
  },
];

describe.each(cases)('RFC 7714 $name', ({ key, srtp, srtcp }) => {
  it('§16: encrypts the RTP packet to the SRTP vector', () => {
    expect(protectRtp(transform(key))).toBe(srtp);
  });

  it('§16: decrypts the SRTP vector back to the RTP packet', () => {
    const p = hex(srtp);
    const plain = transform(key).unprotectRtp(p, 12, p.length, 0x5501a0b2, 0xf17b);
    expect(plain && toHex(plain)).toBe(toHex(RTP));
  });

  it('§17: encrypts the RTCP packet to the SRTCP vector (E = 1, index 0x5d4)', () => {
    expect(protectRtcp(transform(key))).toBe(srtcp);
  });

  it('§17: decrypts the SRTCP vector back to the RTCP packet', () => {
    const p = hex(srtcp);
    const plain = transform(key).unprotectRtcp(p, p.length, 0x4d617273, SRTCP_INDEX, true);
    expect(plain && toHex(plain)).toBe(toHex(RTCP));
  });

  it('§16: rejects the vector with a changed tag or a wrong packet index', () => {
    const p = hex(srtp);
    p[p.length - 1]! ^= 0x01;
    expect(transform(key).unprotectRtp(p, 12, p.length, 0x5501a0b2, 0xf17b)).toBeNull();
    const q = hex(srtp);
    expect(transform(key).unprotectRtp(q, 12, q.length, 0x5501a0b2, 0x1f17b)).toBeNull();
  });
});

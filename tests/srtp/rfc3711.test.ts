// RFC 3711 Appendix B test vectors: B.2 (AES-CM keystream) and B.3 (key derivation), plus the SRTP
// packet format of §3.1 checked end to end with those derived keys.
import { describe, expect, it } from 'vitest';
import { AesCtrKeystream } from '../../electron/core/srtp/aesCm';
import { deriveSessionKey, deriveSessionKeys, KDF_LABEL } from '../../electron/core/srtp/kdf';
import { hex, toHex } from './hex';

describe('RFC 3711 Appendix B.2: AES-CM test vectors', () => {
  // Session key 2B7E1516..., salt F0F1...FD (shifted: ...FD0000), ROC 0, SEQ 0, SSRC 0.
  const ks = new AesCtrKeystream(hex('2B7E151628AED2A6ABF7158809CF4F3C'));
  const iv = hex('F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000');
  const stream = ks.keystream(iv, 0xff02 * 16);
  const block = (n: number): string => toHex(stream.subarray(n * 16, n * 16 + 16)).toUpperCase();

  it('produces the first three keystream blocks', () => {
    expect(block(0x0000)).toBe('E03EAD0935C95E80E166B16DD92B4EB4');
    expect(block(0x0001)).toBe('D23513162B02D0F72A43A2FE4A5F97AB');
    expect(block(0x0002)).toBe('41E95B3BB0A2E8DD477901E4FCA894C0');
  });

  it('produces the blocks at counters FEFF, FF00 and FF01', () => {
    expect(block(0xfeff)).toBe('EC8CDF7398607CB0F2D21675EA9EA1E4');
    expect(block(0xff00)).toBe('362B7C3C6773516318A077D7FC5073AE');
    expect(block(0xff01)).toBe('6A2CC3787889374FBEB4C81B17BA6C44');
  });

  it('refuses more than 2^16 blocks for one IV (§4.1.1)', () => {
    expect(() => ks.keystream(iv, 16 * 65536 + 1)).toThrow(RangeError);
  });
});

describe('RFC 3711 Appendix B.3: key derivation test vectors', () => {
  const masterKey = hex('E1F97A0D3E018BE0D64FA32C06DE4139');
  const masterSalt = hex('0EC675AD498AFEEBB6960B3AABE6');

  it('derives the cipher key (label 0x00)', () => {
    expect(toHex(deriveSessionKey(masterKey, masterSalt, KDF_LABEL.rtpEncryption, 16)).toUpperCase()).toBe(
      'C61E7A93744F39EE10734AFE3FF7A087',
    );
  });

  it('derives the cipher salt (label 0x02)', () => {
    expect(toHex(deriveSessionKey(masterKey, masterSalt, KDF_LABEL.rtpSalt, 14)).toUpperCase()).toBe(
      '30CBBC08863D8C85D49DB34A9AE1',
    );
  });

  it('derives the 160-bit auth key (label 0x01) and the longer key stream behind it', () => {
    expect(toHex(deriveSessionKey(masterKey, masterSalt, KDF_LABEL.rtpAuthentication, 20)).toUpperCase()).toBe(
      'CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4',
    );
    expect(toHex(deriveSessionKey(masterKey, masterSalt, KDF_LABEL.rtpAuthentication, 94)).toUpperCase()).toBe(
      'CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE' +
        'E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25' +
        '6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2',
    );
  });

  it('feeds the same derivation into a session (AES_CM_128_HMAC_SHA1_80)', () => {
    const sk = deriveSessionKeys({ profile: 'AES_CM_128_HMAC_SHA1_80', masterKey, masterSalt });
    expect(toHex(sk.rtp.encryptionKey).toUpperCase()).toBe('C61E7A93744F39EE10734AFE3FF7A087');
    expect(toHex(sk.rtp.salt).toUpperCase()).toBe('30CBBC08863D8C85D49DB34A9AE1');
    expect(toHex(sk.rtp.authKey).toUpperCase()).toBe('CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4');
    // SRTCP labels (0x03..0x05) give different keys from the same master.
    expect(toHex(sk.rtcp.encryptionKey)).not.toBe(toHex(sk.rtp.encryptionKey));
    expect(sk.rtcp.authKey).toHaveLength(20);
  });

  it('rejects master keys and salts of the wrong length for the profile', () => {
    expect(() => deriveSessionKeys({ profile: 'AES_CM_128_HMAC_SHA1_80', masterKey: masterKey.subarray(0, 15), masterSalt })).toThrow(RangeError);
    expect(() => deriveSessionKeys({ profile: 'AEAD_AES_128_GCM', masterKey, masterSalt })).toThrow(RangeError);
  });
});

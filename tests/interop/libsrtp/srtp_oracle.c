/* libsrtp2 oracle for the Telescene SRTP interop tests: the same line protocol as
 * `telescene srtp`, over ONE libsrtp session that keeps its state (ROC, replay window, SRTCP index)
 * from line to line.
 *   usage: srtp_oracle protect|unprotect PROFILE_ID KEYHEX [rtcp] [rtcp-auth-only] [ext=ID,ID,...]
 *   PROFILE_ID: DTLS-SRTP id (1 = AES_CM_128_HMAC_SHA1_80, 2 = _32, 7 = AEAD_AES_128_GCM, 8 = AEAD_AES_256_GCM)
 *   KEYHEX: master key || master salt
 *   rtcp-auth-only: SRTCP authenticated but not encrypted (E = 0, RFC 3711 §3.4)
 *   stdin: one hex packet per line; stdout: one hex packet, or "error: CODE" (libsrtp status), per line.
 * build: gcc -O2 -o srtp_oracle srtp_oracle.c $(pkg-config --cflags --libs libsrtp2) */
#include <srtp2/srtp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PKT 20000

static int unhex(const char *h, unsigned char *out, int max) {
  int n = 0;
  while (h[0] && h[1] && h[0] != '\n' && h[0] != '\r') {
    unsigned int v;
    if (n >= max || sscanf(h, "%2x", &v) != 1) return -1;
    out[n++] = (unsigned char)v;
    h += 2;
  }
  return n;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: srtp_oracle protect|unprotect PROFILE_ID KEYHEX [rtcp] [ext=ID,...]\n");
    return 2;
  }
  int protect = strcmp(argv[1], "protect") == 0;
  int profile = atoi(argv[2]);
  int rtcp = 0, rtcp_auth_only = 0, ids[256], nids = 0;
  for (int i = 4; i < argc; i++) {
    if (strcmp(argv[i], "rtcp") == 0) rtcp = 1;
    else if (strcmp(argv[i], "rtcp-auth-only") == 0) rtcp_auth_only = 1;
    else if (strncmp(argv[i], "ext=", 4) == 0) {
      for (char *t = strtok(argv[i] + 4, ","); t && nids < 256; t = strtok(NULL, ",")) ids[nids++] = atoi(t);
    }
  }
  static unsigned char key[64];
  if (unhex(argv[3], key, sizeof key) < 0) { fprintf(stderr, "bad key hex\n"); return 2; }
  if (srtp_init()) { fprintf(stderr, "srtp_init failed\n"); return 1; }
  srtp_policy_t p;
  memset(&p, 0, sizeof p);
  if (srtp_crypto_policy_set_from_profile_for_rtp(&p.rtp, (srtp_profile_t)profile) ||
      srtp_crypto_policy_set_from_profile_for_rtcp(&p.rtcp, (srtp_profile_t)profile)) {
    fprintf(stderr, "unsupported profile %d\n", profile);
    return 2;
  }
  if (rtcp_auth_only) p.rtcp.sec_serv = sec_serv_auth;
  p.key = key;
  p.window_size = 128;
  p.allow_repeat_tx = 0;
  p.ssrc.type = protect ? ssrc_any_outbound : ssrc_any_inbound;
  if (nids) { p.enc_xtn_hdr = ids; p.enc_xtn_hdr_count = nids; }
  srtp_t s;
  if (srtp_create(&s, &p)) { fprintf(stderr, "srtp_create failed\n"); return 1; }
  static char line[2 * MAX_PKT + 16];
  static unsigned char pkt[MAX_PKT + 64];
  while (fgets(line, sizeof line, stdin)) {
    int len = unhex(line, pkt, MAX_PKT);
    if (len < 0) { printf("error: hex\n"); fflush(stdout); continue; }
    srtp_err_status_t st;
    if (rtcp) st = protect ? srtp_protect_rtcp(s, pkt, &len) : srtp_unprotect_rtcp(s, pkt, &len);
    else st = protect ? srtp_protect(s, pkt, &len) : srtp_unprotect(s, pkt, &len);
    if (st) printf("error: %d\n", (int)st);
    else {
      for (int i = 0; i < len; i++) printf("%02x", pkt[i]);
      printf("\n");
    }
    fflush(stdout);
  }
  srtp_dealloc(s);
  srtp_shutdown();
  return 0;
}

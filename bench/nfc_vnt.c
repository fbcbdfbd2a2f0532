/* nfc_vnt.c -- libvnt's normalization alone, for `make bench`: reads IN in
 * 1 MiB blocks (cut where vnt_safe_cut says), normalizes each to NFC (or the
 * form given) and writes the result to OUT (default /dev/null).
 *   nfc_vnt IN [FORM [OUT]]      FORM: NFC NFD NFKC NFKD */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vnt.h"

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: nfc_vnt IN [FORM [OUT]]\n"); return 2; }
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  if (argc > 2) {
    const char *f = argv[2];
    o.form = !strcmp(f, "NFD") ? VNT_NFD : !strcmp(f, "NFKC") ? VNT_NFKC : !strcmp(f, "NFKD") ? VNT_NFKD : VNT_NFC;
  }
  FILE *in = fopen(argv[1], "rb");
  FILE *out = fopen(argc > 3 ? argv[3] : "/dev/null", "wb");
  if (!in || !out) { perror("nfc_vnt"); return 2; }
  size_t cap = 1 << 20, have = 0;
  char *buf = malloc(cap);
  vnt_buf res = VNT_BUF_INIT;
  for (;;) {
    if (have == cap) { cap *= 2; buf = realloc(buf, cap); }
    size_t n = fread(buf + have, 1, cap - have, in);
    have += n;
    int eof = n == 0;
    size_t cut = eof ? have : vnt_safe_cut(buf, have);
    if (cut > 0) {
      vnt_status st;
      vnt_buf_reset(&res);
      int rc = vnt_normalize(buf, cut, &o, &res, &st);
      if (rc < 0) { fprintf(stderr, "nfc_vnt: %s at byte %zu\n", vnt_strerror(rc), st.offset); return 1; }
      if (rc == VNT_SAME) fwrite(buf, 1, cut, out);
      else fwrite(res.data, 1, res.len, out);
      memmove(buf, buf + cut, have - cut);
      have -= cut;
    }
    if (eof) break;
  }
  fclose(out);
  fclose(in);
  free(buf);
  vnt_buf_free(&res);
  return 0;
}

/* nfc_icu.c -- baseline for `make bench`: ICU's normalizer through its C
 * API, one line at a time: UTF-8 -> UTF-16, unorm2_normalize (NFC or NFD),
 * UTF-16 -> UTF-8.  Needs Debian's libicu-dev.
 *   nfc_icu IN [NFC|NFD [OUT]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static UChar *grow(UChar *p, int32_t *cap, int32_t need) {
  if (need <= *cap) return p;
  *cap = need * 2;
  p = realloc(p, (size_t)*cap * sizeof *p);
  if (!p) { fprintf(stderr, "nfc_icu: out of memory\n"); exit(1); }
  return p;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: nfc_icu IN [NFC|NFD [OUT]]\n"); return 2; }
  UErrorCode e = U_ZERO_ERROR;
  const UNormalizer2 *nz = (argc > 2 && strcmp(argv[2], "NFD") == 0) ? unorm2_getNFDInstance(&e)
                                                                    : unorm2_getNFCInstance(&e);
  FILE *in = fopen(argv[1], "rb"), *out = fopen(argc > 3 ? argv[3] : "/dev/null", "wb");
  if (U_FAILURE(e) || !in || !out) { fprintf(stderr, "nfc_icu: cannot start\n"); return 2; }
  char *line = NULL, *u8 = NULL;
  size_t cap = 0;
  int32_t c16 = 0, cn = 0, c8 = 0, n16, nn, n8;
  UChar *s16 = NULL, *norm = NULL;
  ssize_t n;
  while ((n = getline(&line, &cap, in)) > 0) {
    e = U_ZERO_ERROR;
    s16 = grow(s16, &c16, (int32_t)n + 1);
    u_strFromUTF8(s16, c16, &n16, line, (int32_t)n, &e);
    norm = grow(norm, &cn, n16 * 3 + 1);
    nn = unorm2_normalize(nz, s16, n16, norm, cn, &e);
    if (c8 < nn * 3 + 1) { c8 = nn * 3 + 1; u8 = realloc(u8, (size_t)c8); }
    u_strToUTF8(u8, c8, &n8, norm, nn, &e);
    if (U_FAILURE(e)) { fprintf(stderr, "nfc_icu: %s\n", u_errorName(e)); return 1; }
    fwrite(u8, 1, (size_t)n8, out);
  }
  free(line); free(u8); free(s16); free(norm);
  fclose(in);
  fclose(out);
  return 0;
}

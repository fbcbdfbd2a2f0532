/* nfc_utf8proc.c -- baseline for `make bench`: utf8proc's own NFC, one line
 * at a time (utf8proc_NFC takes NUL-terminated strings).
 *   nfc_utf8proc IN [OUT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: nfc_utf8proc IN [OUT]\n"); return 2; }
  FILE *in = fopen(argv[1], "rb"), *out = fopen(argc > 2 ? argv[2] : "/dev/null", "wb");
  if (!in || !out) { perror("nfc_utf8proc"); return 2; }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, in)) > 0) {
    int nl = line[n - 1] == '\n';
    if (nl) line[n - 1] = '\0';
    utf8proc_uint8_t *r = utf8proc_NFC((const utf8proc_uint8_t *)line);
    if (r == NULL) { fprintf(stderr, "nfc_utf8proc: invalid input\n"); return 1; }
    fputs((const char *)r, out);
    if (nl) fputc('\n', out);
    free(r);
  }
  free(line);
  fclose(in);
  fclose(out);
  return 0;
}

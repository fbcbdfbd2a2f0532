/* tones.c -- a C program on libvnt: each argument (or each line of standard
 * input) in NFC with the tone marks placed by the 2018 rules (hoà, thuỷ),
 * then its sentences and the number of syllables in each.
 *
 *   cc tones.c $(pkg-config --cflags --libs vnt) -o tones
 *   ./tones "Hòa bình. Thủy điện lớn nhất."
 */
#include <stdio.h>
#include <string.h>

#include <vnt.h>

static int one(const char *s, size_t len) {
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  o.tones = VNT_TONES_NEW;
  vnt_buf out;
  vnt_status st = {0, 0};
  vnt_buf_init(&out);
  int rc = vnt_normalize(s, len, &o, &out, &st);
  if (rc < 0) {
    fprintf(stderr, "tones: %s at byte %zu\n", vnt_strerror(rc), st.offset);
    vnt_buf_free(&out);
    return 1;
  }
  const char *t = rc == VNT_SAME ? s : out.data;
  size_t n = rc == VNT_SAME ? len : out.len;
  printf("%.*s\n", (int)n, t);
  vnt_span sp;
  size_t pos = 0;
  while (vnt_sentence_next(t, n, pos, NULL, &sp) > 0) {
    size_t syl = 0, tp = sp.start;
    vnt_span tok;
    while (tp < sp.end && vnt_token_next(t, sp.end, tp, &tok) > 0) {
      if (tok.kind == VNT_TOK_WORD) syl++;
      tp = tok.end;
    }
    printf("  %zu syllables: %.*s\n", syl, (int)(sp.end - sp.start), t + sp.start);
    pos = sp.end;
  }
  vnt_buf_free(&out);
  return 0;
}

int main(int argc, char **argv) {
  int bad = 0;
  if (argc > 1) {
    for (int i = 1; i < argc; i++) bad |= one(argv[i], strlen(argv[i]));
  } else {
    char line[65536];
    while (fgets(line, sizeof line, stdin)) bad |= one(line, strcspn(line, "\n"));
  }
  return bad;
}

/* Sentences, tokens, graphemes, syllables on any valid text: spans in
 * bounds, in order, not overlapping, each call making progress; what lies
 * between tokens has no letter or digit (tokens and gaps give back the
 * text); between sentences only blanks. */
#include "fuzz.h"
#include "vnt_internal.h"

static int blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vnt_buf in;
  fuzz_valid(data, size, &in);
  const char *s = in.data ? in.data : "";
  size_t len = in.len;
  vnt_span sp;
  size_t pos = 0, last = 0;
  while (vnt_token_next(s, len, pos, &sp)) {
    CHECK(sp.start >= pos && sp.start < sp.end && sp.end <= len);
    for (size_t i = last; i < sp.start; i++) {
      unsigned char c = (unsigned char)s[i];
      CHECK(!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
    }
    CHECK(vnt_token_kind_name(sp.kind) != NULL);
    last = pos = sp.end;
  }
  for (size_t i = last; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    CHECK(!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
  }
  {
    size_t p1 = 0, p2 = 0, k;
    vnt_span batch[37];
    while ((k = vnt__token_batch(s, len, &p2, batch, 1 + len % 37, 0)) > 0)
      for (size_t i = 0; i < k; i++) {
        CHECK(vnt_token_next(s, len, p1, &sp));
        CHECK(sp.start == batch[i].start && sp.end == batch[i].end && sp.kind == batch[i].kind);
        p1 = sp.end;
      }
    CHECK(!vnt_token_next(s, len, p1, &sp));
    /* words only: the word tokens of the same, in order */
    p1 = p2 = 0;
    while ((k = vnt__token_batch(s, len, &p2, batch, 1 + len % 29, 1)) > 0)
      for (size_t i = 0; i < k; i++) {
        do { CHECK(vnt_token_next(s, len, p1, &sp)); p1 = sp.end; }
        while (sp.kind != VNT_TOK_WORD && sp.kind != VNT_TOK_ABBREV);
        CHECK(sp.start == batch[i].start && sp.end == batch[i].end && sp.kind == batch[i].kind);
      }
    while (vnt_token_next(s, len, p1, &sp)) { CHECK(sp.kind != VNT_TOK_WORD && sp.kind != VNT_TOK_ABBREV); p1 = sp.end; }
    for (size_t at = 0; at + 66 <= len; at++) {
      uint64_t a[VNT_WORD_MASKS], b[VNT_WORD_MASKS];
      vnt__word_masks_scalar((const unsigned char *)s + at, b);
      vnt__word_masks((const unsigned char *)s + at, a);
      CHECK(memcmp(a, b, sizeof a) == 0);
      for (int level = 1; level <= 2; level++)
        if (vnt__word_masks_with(level, (const unsigned char *)s + at, a)) CHECK(memcmp(a, b, sizeof a) == 0);
    }
  }
  pos = 0;
  while (vnt_sentence_next(s, len, pos, NULL, &sp)) {
    CHECK(sp.start >= pos && sp.start < sp.end && sp.end <= len);
    for (size_t i = pos; i < sp.start; i++) {   /* blanks and control characters only */
      unsigned char c = (unsigned char)s[i];
      CHECK(blank(c) || c >= 0x80 || c < 32 || c == 127);
    }
    pos = sp.end;
  }
  pos = 0;
  while (pos < len) {
    size_t e = vnt_grapheme_next(s, len, pos);
    CHECK(e > pos && e <= len);
    pos = e;
  }
  if (len < 64) (void)vnt_syllable_valid(s, len);
  vnt_buf_free(&in);
  return 0;
}

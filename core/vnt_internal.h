/* vnt_internal.h -- what the core's files share and the public header hides. */
#ifndef VNT_INTERNAL_H
#define VNT_INTERNAL_H

#include "vnt.h"

/* The strict decoder behind vnt_utf8_decode, inlined into the hot loops. */
/* Per Unicode 15 table 3-7 (well-formed byte sequences): the allowed range of
 * the second byte depends on the first, which is how overlongs (E0 80..9F,
 * F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..,
 * F5..FF) are rejected without decoding. */
static inline int vnt__utf8_decode(const unsigned char *s, size_t len, int32_t *cp) {
  unsigned c = s[0];
  *cp = -1;
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if (c < 0xC2) return -1;               /* stray continuation or overlong lead C0/C1 */
  if (c < 0xE0) {
    if (len < 2 || (s[1] & 0xC0) != 0x80) return -1;
    *cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
    return 2;
  }
  if (c < 0xF0) {
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    if (len < 2 || s[1] < lo || s[1] > hi) return -1;
    if (len < 3 || (s[2] & 0xC0) != 0x80) return -2;
    *cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F));
    return 3;
  }
  if (c < 0xF5) {
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    if (len < 2 || s[1] < lo || s[1] > hi) return -1;
    if (len < 3 || (s[2] & 0xC0) != 0x80) return -2;
    if (len < 4 || (s[3] & 0xC0) != 0x80) return -3;
    *cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F));
    return 4;
  }
  return -1;
}


/* A growable array of code points that starts on the stack (LPeg's habit:
 * most segments are a few code points long and never touch malloc). */
typedef struct vnt_cps {
  int32_t *cp;
  size_t n, cap;
  int32_t stack[64];
} vnt_cps;

void vnt__cps_init(vnt_cps *c);
void vnt__cps_free(vnt_cps *c);
int vnt__cps_reserve(vnt_cps *c, size_t extra);
int vnt__cps_decompose(vnt_cps *c, int32_t cp, int compat);
int vnt__cps_order(vnt_cps *c);
void vnt__cps_compose(vnt_cps *c);
int vnt__cps_encode(const vnt_cps *c, vnt_buf *out);

/* The form pass: validate (or repair) and bring s into form f.
 * VNT_SAME: unchanged, nothing appended; VNT_OK: result appended. */
int vnt__form_pass(const char *s, size_t len, vnt_form f, int repair,
                   vnt_buf *out, vnt_status *st);

/* simd.c: the end of the longest prefix of s[i..len) that is valid UTF-8
 * and, if nfc, made only of code points in the simple NFC-YES set (see
 * simd.c); i must start a code point.  Returns i when it cannot help. */
size_t vnt__simple_prefix(const unsigned char *s, size_t i, size_t len, int nfc);
/* simd.c: the first position at or after i, where the vector path can
 * tell, that is not a byte of a word run: ASCII letter or digit, lead C3
 * (less x and /), C4..C9, CC, CD, E1 B8..BB, or a continuation byte.  It
 * stops early (at most 32 bytes before len, or at once without AVX2); the
 * caller goes on with its scalar loop from there. */
size_t vnt__run_end(const unsigned char *s, size_t i, size_t len);
/* simd.c: masks of the 64 bytes at s (s[64] and s[65] are read too), bit j
 * for s[j]: m[0] a word-run byte that is not a digit (the set of
 * vnt__run_end less 0-9), m[1] ASCII white space (space, \t \n \v \f \r),
 * m[2] a byte >= 0x80, m[3] a-z, m[4] A-Z, m[5] white space or one of
 * , ; ( ) " ! ? [ ], m[6] the start of a lower-case letter: a-z or a
 * precomposed Vietnamese one (those vnt__viet_case maps to themselves in
 * lower case), m[7] 0-9.  The _scalar one is the reference. */
#define VNT_WORD_MASKS 8
void vnt__word_masks(const unsigned char *s, uint64_t m[VNT_WORD_MASKS]);
void vnt__word_masks_scalar(const unsigned char *s, uint64_t m[VNT_WORD_MASKS]);
/* count.c: texts from this length on count normalized unigrams as written
 * first, then normalize each distinct token once. */
#define VNT__RAW_FIRST ((size_t)1 << 16)
/* For the tests: the masks by one implementation, 0 scalar, 1 AVX2, 2
 * AVX-512 BW+VBMI (vnt__word_masks takes the widest the CPU has); 0 returned
 * when this CPU lacks it, 1 when m was filled. */
int vnt__word_masks_with(int level, const unsigned char *s, uint64_t m[VNT_WORD_MASKS]);
/* segment.c: the next tokens from *pos, exactly those vnt_token_next gives
 * one by one, up to cap of them (cap >= 1) into out; *pos moves past the
 * last.  Returns how many, 0 at the end of the text.  Plain words (lower
 * case, or a capital before lower case, between white space and common
 * punctuation), plain numbers and punctuation are found from the masks
 * above, 64 bytes at a time; everything else by vnt_token_next.  With
 * words_only, only the word and abbreviation tokens are given (0 is still
 * returned only at the end of the text). */
size_t vnt__token_batch(const char *s, size_t len, size_t *pos, vnt_span *out, size_t cap, int words_only);

/* viet.c: tones, case, diacritics, spaces, punctuation on valid UTF-8. */
int vnt__needs_transform(const vnt_norm_opts *o);
int vnt__transform(const char *s, size_t len, const vnt_norm_opts *o, vnt_buf *out);
/* The key of one syllable made of ASCII letters and precomposed Vietnamese
 * letters: lower case, NFC, tone in the new style, appended to out.
 * VNT_EINVAL (nothing appended) for anything else: use vnt_normalize. */
int vnt__syllable_key(const char *s, size_t n, vnt_buf *out);
/* The lower (upper = 0) or upper case of the precomposed Vietnamese letter
 * at w (n bytes there), written to out in as many bytes, its length
 * returned; 0 when it is not one of the letters this knows (ASCII is not:
 * À..Þ and à..þ, Ă Đ Ĩ Ũ Ơ Ư and their small letters, U+1EA0..U+1EF9).
 * Inline: the tokenizer asks it of every word that starts with such a letter.
 * Only the last byte of a letter differs between its cases. */
static inline size_t vnt__viet_case(const unsigned char *w, size_t n, int upper, unsigned char *out) {
  unsigned a = w[0], b = n > 1 ? w[1] : 0;
  if (a == 0xC3 && n >= 2) {   /* U+00C0..U+00FE less x / and the letters with no pair here */
    if (b >= 0x80 && b <= 0x9E && b != 0x97) { out[0] = 0xC3; out[1] = (unsigned char)(upper ? b : b + 0x20); return 2; }
    if (b >= 0xA0 && b <= 0xBE && b != 0xB7) { out[0] = 0xC3; out[1] = (unsigned char)(upper ? b - 0x20 : b); return 2; }
    return 0;
  }
  if ((a == 0xC4 && (b == 0x82 || b == 0x83 || b == 0x90 || b == 0x91 || b == 0xA8 || b == 0xA9)) ||
      (a == 0xC5 && (b == 0xA8 || b == 0xA9)) || (a == 0xC6 && (b == 0xA0 || b == 0xA1))) {
    out[0] = (unsigned char)a;   /* Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ơ ơ: upper case even */
    out[1] = (unsigned char)(upper ? (b & ~1u) : (b | 1u));
    return 2;
  }
  if (a == 0xC6 && (b == 0xAF || b == 0xB0)) { out[0] = 0xC6; out[1] = upper ? 0xAF : 0xB0; return 2; }   /* Ư ư */
  if (a == 0xE1 && n >= 3 && ((b == 0xBA && w[2] >= 0xA0 && w[2] <= 0xBF) || (b == 0xBB && w[2] >= 0x80 && w[2] <= 0xB9))) {
    out[0] = 0xE1;   /* U+1EA0..U+1EF9: upper case even */
    out[1] = (unsigned char)b;
    out[2] = (unsigned char)(upper ? (w[2] & ~1u) : (w[2] | 1u));
    return 3;
  }
  return 0;
}
/* The generated tables of viet.c: the parts of a precomposed Vietnamese
 * letter (upper << 15 | base << 8 | quality << 4 | tone, 0 if none), and
 * the letter for vowel (index in "aeiouy"), case, quality and tone (0 if none). */
unsigned vnt__viet_letter(int32_t cp);
int32_t vnt__viet_compose(int vowel, int upper, int q, int t);

#endif

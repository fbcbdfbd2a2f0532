/* simd.c -- the vectorized front of the normalization fast path.
 *
 * vnt__simple_prefix() runs over text 32 bytes at a time and stops at the
 * first block that is not valid UTF-8 or (when `nfc` is set) that holds a
 * code point outside a small set known to be NFC quick-check YES starters:
 * ASCII, U+0080..U+02FF (lead bytes C2..CB: Latin-1, Latin Extended A/B, ă
 * đ ơ ư), U+1E80..U+1EFF (E1 BA, E1 BB: the precomposed Vietnamese letters)
 * and U+2002..U+203F (E2 80 82..: spaces, dashes, curly quotes, ellipsis).  That
 * covers Vietnamese news text almost entirely; anything else goes back to
 * the scalar quick check, one block at a time.
 *
 * The UTF-8 validation is the lookup algorithm of Keiser and Lemire,
 * "Validating UTF-8 In Less Than One Instruction Per Byte" (Software: Practice
 * and Experience, 2021): three 16-entry tables indexed by nibbles of each
 * byte and the byte before it flag every error class, and a check on the
 * bytes two and three back catches missing or extra continuation bytes.
 * tests/c/test_core.c compares it with the scalar decoder on random and
 * crafted input.  Built for AVX2 and chosen at run time; elsewhere the
 * scalar path does all the work.
 *
 * vnt__word_masks() (the byte classes of the tokenizer's batches) has an
 * AVX-512 version too (BW, and VBMI for a 128-byte table lookup of the
 * ASCII classes), taken when the CPU has it (VNT_NO_AVX512=1 in the
 * environment declines it); the tests compare every version this CPU runs
 * with the scalar reference. */
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "vnt_internal.h"

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>

#define TOO_SHORT (1 << 0)
#define TOO_LONG (1 << 1)
#define OVERLONG_3 (1 << 2)
#define TOO_LARGE (1 << 3)
#define SURROGATE (1 << 4)
#define OVERLONG_2 (1 << 5)
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)
#define TWO_CONTS (1 << 7)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

#define T16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
  _mm256_setr_epi8(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, \
                   a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)

__attribute__((target("avx2")))
static inline __m256i prev_n(__m256i in, __m256i prev, int n) {
  /* the input shifted right by n bytes, the previous block's last bytes entering */
  __m256i t = _mm256_permute2x128_si256(prev, in, 0x21);
  switch (n) {
    case 1: return _mm256_alignr_epi8(in, t, 15);
    case 2: return _mm256_alignr_epi8(in, t, 14);
    default: return _mm256_alignr_epi8(in, t, 13);
  }
}

__attribute__((target("avx2")))
static inline __m256i hi_nibble(__m256i x) {
  return _mm256_and_si256(_mm256_srli_epi16(x, 4), _mm256_set1_epi8(0x0F));
}

/* Error bits of block `in` given the block before it. */
__attribute__((target("avx2")))
static inline __m256i utf8_errors(__m256i in, __m256i prev) {
  const __m256i t1 = T16(TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
                         TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
                         TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
                         TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
  const __m256i t2 = T16(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
                         CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000,
                         CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                         CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                         CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                         CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
                         CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);
  const __m256i t3 = T16(TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
                         TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
                         TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
                         TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
                         TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
                         TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
  __m256i p1 = prev_n(in, prev, 1);
  __m256i sc = _mm256_and_si256(
      _mm256_and_si256(_mm256_shuffle_epi8(t1, hi_nibble(p1)),
                       _mm256_shuffle_epi8(t2, _mm256_and_si256(p1, _mm256_set1_epi8(0x0F)))),
      _mm256_shuffle_epi8(t3, hi_nibble(in)));
  /* a byte two back >= E0, or three back >= F0, needs a continuation here */
  __m256i p2 = prev_n(in, prev, 2), p3 = prev_n(in, prev, 3);
  __m256i third = _mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
  __m256i fourth = _mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
  __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
  return _mm256_xor_si256(must23, sc);
}

/* Bytes that start a code point outside the simple NFC set. */
__attribute__((target("avx2")))
static inline __m256i not_simple(__m256i in, __m256i prev) {
  /* x >= 0xCC (unsigned) <=> max(x, 0xCC) == x */
  __m256i big = _mm256_cmpeq_epi8(_mm256_max_epu8(in, _mm256_set1_epi8((char)0xCC)), in);
  __m256i p1 = prev_n(in, prev, 1);
  /* E1 BA.., E1 BB.., E2 80.. are fine: drop the lead when its follower fits */
  __m256i e1 = _mm256_cmpeq_epi8(p1, _mm256_set1_epi8((char)0xE1));
  __m256i e2 = _mm256_cmpeq_epi8(p1, _mm256_set1_epi8((char)0xE2));
  __m256i ba_bb = _mm256_cmpeq_epi8(_mm256_and_si256(in, _mm256_set1_epi8((char)0xFE)), _mm256_set1_epi8((char)0xBA));
  __m256i x80 = _mm256_cmpeq_epi8(in, _mm256_set1_epi8((char)0x80));
  __m256i ok_follow = _mm256_or_si256(_mm256_and_si256(e1, ba_bb), _mm256_and_si256(e2, x80));
  /* a lead E1/E2 is judged at its follower: mark the follower when it does not fit */
  __m256i lead12 = _mm256_or_si256(_mm256_cmpeq_epi8(in, _mm256_set1_epi8((char)0xE1)),
                                   _mm256_cmpeq_epi8(in, _mm256_set1_epi8((char)0xE2)));
  __m256i bad_follow = _mm256_andnot_si256(ok_follow, _mm256_or_si256(e1, e2));
  /* U+2000 and U+2001 (E2 80 80, E2 80 81) are singletons that NFC replaces */
  __m256i p2 = prev_n(in, prev, 2);
  __m256i le81 = _mm256_cmpeq_epi8(_mm256_min_epu8(in, _mm256_set1_epi8((char)0x81)), in);
  __m256i bad_third = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(p2, _mm256_set1_epi8((char)0xE2)),
                                                        _mm256_cmpeq_epi8(p1, _mm256_set1_epi8((char)0x80))), le81);
  return _mm256_or_si256(_mm256_or_si256(_mm256_andnot_si256(lead12, big), bad_follow), bad_third);
}

__attribute__((target("avx2")))
static size_t prefix_avx2(const unsigned char *s, size_t i, size_t len, int nfc) {
  const size_t start = i;
  /* i starts a code point, so what came before it is, as far as the checks
   * on the bytes one to three back are concerned, plain ASCII. */
  __m256i prev = _mm256_setzero_si256();
  while (i + 32 <= len) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
    if (_mm256_movemask_epi8(in) == 0) {
      /* all ASCII: only an unfinished sequence from before can be wrong */
      __m256i inc = _mm256_subs_epu8(prev, _mm256_setr_epi8(
          -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
          -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1)));
      if (!_mm256_testz_si256(inc, inc)) break;
      prev = in;
      i += 32;
      continue;
    }
    __m256i err = utf8_errors(in, prev);
    if (nfc) err = _mm256_or_si256(err, not_simple(in, prev));
    if (!_mm256_testz_si256(err, err)) break;
    prev = in;
    i += 32;
  }
  /* Stop on a code point start, and hand the last code point before the
   * stop back to the scalar loop: a sequence that straddles the stop, or
   * that the next block would have found cut short, is then checked there. */
  if (i > start && s[i - 1] >= 0x80) {
    size_t j = i - 1;
    while (j > start && i - j < 4 && (s[j] & 0xC0) == 0x80) j--;
    i = j;
  }
  return i;
}

static int have_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

/* x - lo <= hi - lo, unsigned, per byte */
__attribute__((target("avx2")))
static inline __m256i in_range(__m256i x, unsigned char lo, unsigned char hi) {
  __m256i t = _mm256_sub_epi8(x, _mm256_set1_epi8((char)lo));
  return _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8((char)(hi - lo))), t);
}

/* The non-ASCII bytes of a word run, x the bytes, nx the bytes after them:
 * continuation bytes, leads C4..C9 and CC, CD, C3 before a continuation
 * byte other than 97 (x) and B7 (/), E1 before B8..BB (U+1E00..U+1EFF). */
__attribute__((target("avx2"), always_inline))
static inline __m256i viet_run_bytes(__m256i x, __m256i nx) {
  __m256i run = _mm256_or_si256(in_range(x, 0x80, 0xBF), in_range(x, 0xC4, 0xC9));
  run = _mm256_or_si256(run, in_range(x, 0xCC, 0xCD));
  __m256i c3 = _mm256_and_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8((char)0xC3)), in_range(nx, 0x80, 0xBF));
  c3 = _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpeq_epi8(nx, _mm256_set1_epi8((char)0x97)),
                                           _mm256_cmpeq_epi8(nx, _mm256_set1_epi8((char)0xB7))), c3);
  __m256i e1 = _mm256_and_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8((char)0xE1)), in_range(nx, 0xB8, 0xBB));
  return _mm256_or_si256(run, _mm256_or_si256(c3, e1));
}

/* The word-run bytes of vnt__run_end, 32 at a time: one mask, one count of
 * trailing zeros, no branch per byte. */
__attribute__((target("avx2")))
static size_t run_end_avx2(const unsigned char *s, size_t i, size_t len) {
  while (i + 33 <= len) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
    __m256i nx = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 1));
    __m256i run = _mm256_or_si256(in_range(x, '0', '9'), in_range(_mm256_or_si256(x, _mm256_set1_epi8(0x20)), 'a', 'z'));
    run = _mm256_or_si256(run, viet_run_bytes(x, nx));
    uint32_t stop = ~(uint32_t)_mm256_movemask_epi8(run);
    if (stop) return i + (size_t)__builtin_ctz(stop);
    i += 32;
  }
  return i;
}

/* The masks of vnt__word_masks for 32 bytes at s, into bit `shift` on. */
__attribute__((target("avx2"), always_inline))
static inline void masks32(const unsigned char *s, uint64_t m[VNT_WORD_MASKS], int shift) {
  __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)s);
  __m256i nx = _mm256_loadu_si256((const __m256i *)(const void *)(s + 1));
  __m256i lo = in_range(x, 'a', 'z'), up = in_range(x, 'A', 'Z');
  __m256i run = _mm256_or_si256(_mm256_or_si256(lo, up), viet_run_bytes(x, nx));
  __m256i sp = _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' ')), in_range(x, '\t', '\r'));
#define EQ(ch) _mm256_cmpeq_epi8(x, _mm256_set1_epi8(ch))
  __m256i t = _mm256_or_si256(_mm256_or_si256(_mm256_or_si256(sp, EQ(',')), _mm256_or_si256(EQ(';'), EQ('('))),
                              _mm256_or_si256(_mm256_or_si256(EQ(')'), EQ('"')), _mm256_or_si256(EQ('!'), EQ('?'))));
  t = _mm256_or_si256(t, _mm256_or_si256(EQ('['), EQ(']')));
#undef EQ
  /* a lower-case letter starts here: a-z, or a precomposed Vietnamese one
   * (vnt__viet_case): C3 A0..BE but B7, ă đ ĩ ũ ơ ư, E1 BA/BB and odd */
  __m256i nnx = _mm256_loadu_si256((const __m256i *)(const void *)(s + 2));
#define EQB(v, ch) _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)(ch)))
  __m256i vl = _mm256_andnot_si256(EQB(nx, 0xB7), _mm256_and_si256(EQB(x, 0xC3), in_range(nx, 0xA0, 0xBE)));
  vl = _mm256_or_si256(vl, _mm256_and_si256(EQB(x, 0xC4), _mm256_or_si256(_mm256_or_si256(EQB(nx, 0x83), EQB(nx, 0x91)),
                                                                         EQB(nx, 0xA9))));
  vl = _mm256_or_si256(vl, _mm256_and_si256(EQB(x, 0xC5), EQB(nx, 0xA9)));
  vl = _mm256_or_si256(vl, _mm256_and_si256(EQB(x, 0xC6), _mm256_or_si256(EQB(nx, 0xA1), EQB(nx, 0xB0))));
  __m256i odd = EQB(_mm256_and_si256(nnx, _mm256_set1_epi8(1)), 1);
  __m256i e1 = _mm256_or_si256(_mm256_and_si256(EQB(nx, 0xBA), in_range(nnx, 0xA0, 0xBF)),
                               _mm256_and_si256(EQB(nx, 0xBB), in_range(nnx, 0x80, 0xB9)));
  vl = _mm256_or_si256(vl, _mm256_and_si256(_mm256_and_si256(EQB(x, 0xE1), odd), e1));
#undef EQB
  __m256i d = _mm256_or_si256(lo, vl);
  m[0] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(run) << shift;
  m[1] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(sp) << shift;
  m[2] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(x) << shift;
  m[3] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(lo) << shift;
  m[4] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(up) << shift;
  m[5] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(t) << shift;
  m[6] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(d) << shift;
  m[7] |= (uint64_t)(uint32_t)_mm256_movemask_epi8(in_range(x, '0', '9')) << shift;
}

__attribute__((target("avx2")))
static void word_masks_avx2(const unsigned char *s, uint64_t m[VNT_WORD_MASKS]) {
  for (int k = 0; k < VNT_WORD_MASKS; k++) m[k] = 0;
  masks32(s, m, 0);
  masks32(s + 32, m, 32);
}
#endif

/* The same masks 64 bytes at once with AVX-512: each comparison gives its
 * 64-bit mask directly, no movemask and no two halves. */
#define R512(v, lo, hi) _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8((char)(lo))), \
                                               _mm512_set1_epi8((char)((hi) - (lo))))
#define EQ512(v, ch) _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8((char)(ch)))
/* The class of each ASCII byte for word_masks_avx512: one table lookup
 * (vpermi2b) instead of a comparison per class. */
enum { C_LO = 1, C_UP = 2, C_DIGIT = 4, C_SP = 8, C_END = 16 };
/* a-z 1, A-Z 2, 0-9 4, white space 8, white space or , ; ( ) " ! ? [ ] 16
 * (the C test compares the masks made with it with the scalar ones) */
static const unsigned char ascii_class[128] __attribute__((aligned(64))) = {
   0,  0,  0,  0,  0,  0,  0,  0,  0, 24, 24, 24, 24, 24,  0,  0,
   0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
  24, 16, 16,  0,  0,  0,  0,  0, 16, 16,  0,  0, 16,  0,  0,  0,
   4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  0, 16,  0,  0,  0, 16,
   0,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,
   2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2, 16,  0, 16,  0,  0,
   0,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
   1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  0,  0,  0,  0,  0,
};

__attribute__((target("avx512f,avx512bw,avx512vbmi")))
static void word_masks_avx512(const unsigned char *s, uint64_t m[VNT_WORD_MASKS]) {
  __m512i x = _mm512_loadu_si512((const void *)s);
  __m512i nx = _mm512_loadu_si512((const void *)(s + 1));
  __m512i nnx = _mm512_loadu_si512((const void *)(s + 2));
  __mmask64 high = _mm512_movepi8_mask(x);
  __m512i cls = _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)ascii_class), x,
                                         _mm512_loadu_si512((const void *)(ascii_class + 64)));
#define CLS(bit) (_mm512_test_epi8_mask(cls, _mm512_set1_epi8(bit)) & ~high)
  __mmask64 lo = CLS(C_LO), up = CLS(C_UP);
  /* the non-ASCII bytes of a word run: as viet_run_bytes */
  __mmask64 run = lo | up | R512(x, 0x80, 0xBF) | R512(x, 0xC4, 0xC9) | R512(x, 0xCC, 0xCD) |
                  (EQ512(x, 0xC3) & R512(nx, 0x80, 0xBF) & ~EQ512(nx, 0x97) & ~EQ512(nx, 0xB7)) |
                  (EQ512(x, 0xE1) & R512(nx, 0xB8, 0xBB));
  __mmask64 vl = (EQ512(x, 0xC3) & R512(nx, 0xA0, 0xBE) & ~EQ512(nx, 0xB7)) |
                 (EQ512(x, 0xC4) & (EQ512(nx, 0x83) | EQ512(nx, 0x91) | EQ512(nx, 0xA9))) |
                 (EQ512(x, 0xC5) & EQ512(nx, 0xA9)) | (EQ512(x, 0xC6) & (EQ512(nx, 0xA1) | EQ512(nx, 0xB0))) |
                 (EQ512(x, 0xE1) & _mm512_test_epi8_mask(nnx, _mm512_set1_epi8(1)) &
                  ((EQ512(nx, 0xBA) & R512(nnx, 0xA0, 0xBF)) | (EQ512(nx, 0xBB) & R512(nnx, 0x80, 0xB9))));
  m[0] = run;
  m[1] = CLS(C_SP);
  m[2] = high;
  m[3] = lo;
  m[4] = up;
  m[5] = CLS(C_END);
  m[6] = lo | vl;
  m[7] = CLS(C_DIGIT);
#undef CLS
}
#undef R512
#undef EQ512

/* 1 once the CPU has been asked and has AVX2, 0 if not, -1 before asking. */
static int avx2_state = -1;

static inline int use_avx2(void) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  int a = __atomic_load_n(&avx2_state, __ATOMIC_RELAXED);
  if (a < 0) {
    a = have_avx2();
    __atomic_store_n(&avx2_state, a, __ATOMIC_RELAXED);
  }
  return a;
#else
  return 0;
#endif
}

size_t vnt__run_end(const unsigned char *s, size_t i, size_t len) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  if (use_avx2()) return run_end_avx2(s, i, len);
#endif
  (void)s; (void)len;
  return i;
}

void vnt__word_masks_scalar(const unsigned char *s, uint64_t m[VNT_WORD_MASKS]) {
  for (int k = 0; k < VNT_WORD_MASKS; k++) m[k] = 0;
  for (int j = 0; j < 64; j++) {
    unsigned c = s[j], n = s[j + 1];
    int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
    int run = lo || up || (c >= 0x80 && c <= 0xBF) || (c >= 0xC4 && c <= 0xC9) ||
              c == 0xCC || c == 0xCD || (c == 0xC3 && n >= 0x80 && n <= 0xBF && n != 0x97 && n != 0xB7) ||
              (c == 0xE1 && n >= 0xB8 && n <= 0xBB);
    int sp = c == ' ' || (c >= '\t' && c <= '\r');
    m[0] |= (uint64_t)run << j;
    m[1] |= (uint64_t)sp << j;
    m[2] |= (uint64_t)(c >> 7) << j;
    m[3] |= (uint64_t)lo << j;
    m[4] |= (uint64_t)up << j;
    m[5] |= (uint64_t)(sp || (c != 0 && strchr(",;()\"!?[]", (int)c) != NULL)) << j;
    unsigned n2 = s[j + 2];
    int vl = (c == 0xC3 && n >= 0xA0 && n <= 0xBE && n != 0xB7) ||
             (c == 0xC4 && (n == 0x83 || n == 0x91 || n == 0xA9)) || (c == 0xC5 && n == 0xA9) ||
             (c == 0xC6 && (n == 0xA1 || n == 0xB0)) ||
             (c == 0xE1 && (n2 & 1) && ((n == 0xBA && n2 >= 0xA0 && n2 <= 0xBF) || (n == 0xBB && n2 >= 0x80 && n2 <= 0xB9)));
    m[6] |= (uint64_t)(lo || vl) << j;
    m[7] |= (uint64_t)(c >= '0' && c <= '9') << j;
  }
}

/* 1 once the CPU has been asked and has AVX-512 BW and VBMI, 0 if not, -1 before asking. */
static int avx512_state = -1;

static inline int use_avx512(void) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  int a = __atomic_load_n(&avx512_state, __ATOMIC_RELAXED);
  if (a < 0) {
    __builtin_cpu_init();
    a = __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f") &&
        __builtin_cpu_supports("avx512vbmi") && !getenv("VNT_NO_AVX512");
    __atomic_store_n(&avx512_state, a, __ATOMIC_RELAXED);
  }
  return a;
#else
  return 0;
#endif
}

void vnt__word_masks(const unsigned char *s, uint64_t m[VNT_WORD_MASKS]) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  if (use_avx512()) { word_masks_avx512(s, m); return; }
  if (use_avx2()) { word_masks_avx2(s, m); return; }
#endif
  vnt__word_masks_scalar(s, m);
}

int vnt__word_masks_with(int level, const unsigned char *s, uint64_t m[VNT_WORD_MASKS]) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  __builtin_cpu_init();
  if (level == 1 && __builtin_cpu_supports("avx2")) { word_masks_avx2(s, m); return 1; }
  if (level == 2 && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f") &&
      __builtin_cpu_supports("avx512vbmi")) {
    word_masks_avx512(s, m);
    return 1;
  }
#endif
  if (level != 0) return 0;
  vnt__word_masks_scalar(s, m);
  return 1;
}

size_t vnt__simple_prefix(const unsigned char *s, size_t i, size_t len, int nfc) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  if (len - i >= 64 && have_avx2()) return prefix_avx2(s, i, len, nfc);
#endif
  (void)s; (void)len; (void)nfc;
  return i;
}

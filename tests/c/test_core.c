/* test_core.c -- C-level tests of libvnt where Lua would hide a bug: status
 * codes, buffer lengths on failure, offsets.  Speaks TAP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "vnt.h"
#include "vnt_internal.h"

static int n_test = 0, n_fail = 0;

static void ok(int cond, const char *what) {
  n_test++;
  if (!cond) n_fail++;
  printf("%sok %d - %s\n", cond ? "" : "not ", n_test, what);
}

#define S(lit) lit, sizeof(lit) - 1

static void test_decode(void) {
  int32_t cp;
  ok(vnt_utf8_decode((const unsigned char *)"\xC3\xA0", 2, &cp) == 2 && cp == 0xE0, "decode: a 2-byte sequence");
  ok(vnt_utf8_decode((const unsigned char *)"\xE1\xBB\x87", 3, &cp) == 3 && cp == 0x1EC7, "decode: a 3-byte Vietnamese letter");
  ok(vnt_utf8_decode((const unsigned char *)"\xF4\x8F\xBF\xBF", 4, &cp) == 4 && cp == 0x10FFFF, "decode: U+10FFFF");
  ok(vnt_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp) == -1 && cp == -1, "decode: above U+10FFFF is one bad byte");
  ok(vnt_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp) == -1, "decode: a surrogate is rejected at its first byte");
  ok(vnt_utf8_decode((const unsigned char *)"\xE0\x80\x80", 3, &cp) == -1, "decode: an overlong 3-byte form is rejected");
  ok(vnt_utf8_decode((const unsigned char *)"\xE1\xBB", 2, &cp) == -2, "decode: a truncated sequence is one maximal subpart");
  ok(vnt_utf8_decode((const unsigned char *)"\xF0\x9F\x98", 3, &cp) == -3, "decode: a truncated 4-byte sequence spans 3 bytes");
}

/* Regressions found by the fuzz targets (tests/fuzz): inputs that make an
 * empty result, where a NULL buffer must not take part in pointer
 * arithmetic (UBSan), run here under the sanitizers too. */
static void test_fuzz_regressions(void) {
  vnt_buf out;
  vnt_status st = {0, 0};
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  o.form = VNT_NFKC;
  vnt_buf_init(&out);
  /* fuzz_normalize: an n with marks that NFKC folds to a base with nothing after */
  int rc = vnt_normalize(S("n\xCC\xBB\x9E~\xBB"), &o, &out, &st);
  ok(rc == VNT_EUTF8 || rc == VNT_OK || rc == VNT_SAME, "fuzz regression: normalize of a short marked run");
  vnt_buf_free(&out);
  vnt_buf_init(&out);
  o.form = VNT_NFC;
  o.flags = VNT_STRIP;
  rc = vnt_normalize(S("\xCC\x81"), &o, &out, &st);   /* a lone mark stripped: nothing left */
  ok(rc == VNT_OK && out.len == 0, "fuzz regression: a lone mark stripped leaves an empty result");
  vnt_buf_free(&out);
  /* fuzz_encoding: an empty input to each decoder */
  for (int e = VNT_ENC_UTF8; e <= VNT_ENC_VISCII; e++) {
    vnt_buf_init(&out);
    rc = vnt_decode("", 0, e, &out, &st);
    ok(rc == VNT_OK && out.len == 0, "fuzz regression: decoding empty input");
    vnt_buf_free(&out);
  }
}

static void test_validate(void) {
  size_t off = 99;
  ok(vnt_utf8_validate("", 0, &off) == VNT_OK, "validate: the empty string is valid");
  ok(vnt_utf8_validate(S("abc\0def"), &off) == VNT_OK, "validate: NUL is a character");
  ok(vnt_utf8_validate(S("0123456789abcdef\xC3"), &off) == VNT_EUTF8 && off == 16, "validate: offset after the 8-byte ASCII skip");
  vnt_buf b = VNT_BUF_INIT;
  size_t n = 0;
  ok(vnt_utf8_repair(S("a\xFF\xE1\xBB" "b"), &b, &n) == VNT_OK && n == 2 &&
     b.len == 1 + 3 + 3 + 1 && memcmp(b.data, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b", 8) == 0,
     "repair: one U+FFFD per maximal invalid subpart");
  vnt_buf_free(&b);
}

static void test_normalize(void) {
  vnt_buf b = VNT_BUF_INIT;
  vnt_status st;
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  ok(vnt_normalize(S("Tiếng Việt"), &o, &b, &st) == VNT_SAME && b.len == 0, "normalize: NFC text is VNT_SAME and nothing is written");
  ok(vnt_normalize(S("Vie\xCC\xA3\xCC\x82t"), &o, &b, &st) == VNT_OK && b.len == 6 &&
     memcmp(b.data, "Vi\xE1\xBB\x87t", 6) == 0, "normalize: NFD e + dot below + circumflex composes to U+1EC7");
  vnt_buf_append(&b, "keep", 4);
  size_t before = b.len;
  ok(vnt_normalize(S("ab\xE1\xBB" "c"), &o, &b, &st) == VNT_EUTF8 && st.offset == 2 && b.len == before,
     "normalize: invalid UTF-8 reports its offset and leaves the buffer as it was");
  o.form = (vnt_form)42;
  ok(vnt_normalize(S("x"), &o, &b, &st) == VNT_EINVAL, "normalize: an unknown form is VNT_EINVAL");
  o.form = VNT_NFC;
  o.flags = 1u << 20;
  ok(vnt_normalize(S("x"), &o, &b, &st) == VNT_EINVAL, "normalize: an unknown flag is VNT_EINVAL");
  o.flags = VNT_REPAIR;
  vnt_buf_reset(&b);
  ok(vnt_normalize(S("a\xC0\xAF" "e\xCC\x81"), &o, &b, &st) == VNT_OK && st.repairs == 2 &&
     b.len == 1 + 6 + 2 && memcmp(b.data + 7, "\xC3\xA9", 2) == 0, "normalize: repair counts and the rest is still composed");
  ok(vnt_normalize(NULL, 0, NULL, &b, &st) == VNT_SAME, "normalize: empty input with default options");
  vnt_buf_free(&b);
  ok(vnt_is_normalized(S("e\xCC\x81"), VNT_NFC, NULL) == 0 && vnt_is_normalized(S("e\xCC\x81"), VNT_NFD, NULL) == 1,
     "is_normalized: decomposed e-acute is NFD, not NFC");
}

static void test_long_marks(void) {
  /* 'a' + 200 000 marks alternating ccc 230 and 220: the ordering must put
   * every 220 first, in linear time (utf8proc's own sort is quadratic). */
  size_t n = 200000, len = 1 + 2 * n;
  char *s = malloc(len);
  s[0] = 'a';
  for (size_t i = 0; i < n; i++) memcpy(s + 1 + 2 * i, i % 2 ? "\xCC\xA3" : "\xCC\x81", 2);
  vnt_buf b = VNT_BUF_INIT;
  vnt_status st;
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  o.form = VNT_NFD;
  int rc = vnt_normalize(s, len, &o, &b, &st);
  int sorted = rc == VNT_OK && b.len == len;
  for (size_t i = 0; sorted && i < n; i++)
    sorted = memcmp(b.data + 1 + 2 * i, i < n / 2 ? "\xCC\xA3" : "\xCC\x81", 2) == 0;
  ok(sorted, "normalize: 200 000 combining marks are put in canonical order");
  vnt_buf_free(&b);
  free(s);
}

static void test_safe_cut(void) {
  ok(vnt_safe_cut(S("ab\ncd")) == 3, "safe_cut: after the last newline");
  ok(vnt_safe_cut(S("ab  cd")) == 2, "safe_cut: before the last run of blanks");
  ok(vnt_safe_cut(S("abcd")) == 0, "safe_cut: no place");
}

/* Random text from pieces that stress the vectorized prefix: ASCII runs,
 * Vietnamese letters, curly quotes, U+2000 (NFC changes it), combining
 * marks, other scripts, and broken sequences.  Every result must match the
 * scalar validator and utf8proc's own NFC. */
static const char *const pieces[] = {
  "a", "Vi", "   ", "\n", "ng ", "0123456789", "\xC3\xA0", "\xC4\x91", "\xC6\xB0", "\xE1\xBB\x87",
  "\xE1\xBA\xA1", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA6", "\xE2\x80\x80", "\xE2\x80\x81",
  "\xCC\x81", "\xCC\xA3", "\xCC\x82", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xE2\x82\xAC", "\xC2\xA0",
  "\xEA\xB0\x80", "\xE1\x84\x80\xE1\x85\xA1", "\xD8\xA7", "\xE2\x84\xAB",
  "\xFF", "\xC3", "\xE1\xBB", "\xF0\x9F\x98", "\x80", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80",
};

static void test_random_against_reference(void) {
  const int npieces = (int)(sizeof pieces / sizeof pieces[0]);
  const int nvalid = npieces - 8;   /* the last 8 are invalid */
  unsigned seed = 12345;
  int bad_valid = 0, bad_nfc = 0, bad_nfd = 0;
  char buf[4096];
  vnt_buf out = VNT_BUF_INIT;
  for (int t = 0; t < 20000; t++) {
    size_t len = 0;
    int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 120;
    int allow_invalid = t % 4 == 0;
    for (int k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      int which = (int)(seed >> 16) % (allow_invalid ? npieces : nvalid);
      /* mostly ASCII and Vietnamese, like news text */
      if ((seed >> 8) % 3 == 0) which = (int)((seed >> 20) % 14);
      size_t m = strlen(pieces[which]);
      memcpy(buf + len, pieces[which], m);
      len += m;
    }
    size_t off_ref = 0, off;
    int ref_ok = vnt_utf8_validate(buf, len, &off_ref) == VNT_OK;
    vnt_norm_opts o = VNT_NORM_OPTS_INIT;
    vnt_status st;
    o.form = VNT_FORM_NONE;
    vnt_buf_reset(&out);
    int rc = vnt_normalize(buf, len, &o, &out, &st);
    off = st.offset;
    if (ref_ok != (rc >= 0) || (!ref_ok && off != off_ref)) bad_valid++;
    if (!ref_ok) continue;
    o.form = VNT_NFC;
    vnt_buf_reset(&out);
    rc = vnt_normalize(buf, len, &o, &out, &st);
    utf8proc_uint8_t *ref = NULL;
    utf8proc_ssize_t rn = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len, &ref,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    const char *got = rc == VNT_SAME ? buf : out.data;
    size_t glen = rc == VNT_SAME ? len : out.len;
    if (rn < 0 || (size_t)rn != glen || memcmp(ref, got, glen) != 0) bad_nfc++;
    free(ref);
    o.form = VNT_NFD;
    vnt_buf_reset(&out);
    rc = vnt_normalize(buf, len, &o, &out, &st);
    rn = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len, &ref,
                      UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    got = rc == VNT_SAME ? buf : out.data;
    glen = rc == VNT_SAME ? len : out.len;
    if (rn < 0 || (size_t)rn != glen || memcmp(ref, got, glen) != 0) bad_nfd++;
    free(ref);
  }
  vnt_buf_free(&out);
  ok(bad_valid == 0, "random text: validation agrees with the scalar decoder, offsets included");
  ok(bad_nfc == 0, "random text: NFC agrees with utf8proc_map(COMPOSE)");
  ok(bad_nfd == 0, "random text: NFD agrees with utf8proc_map(DECOMPOSE)");
}

/* The byte set vnt__run_end documents, one byte at a time. */
static int run_byte_ref(const unsigned char *s, size_t len, size_t i) {
  unsigned c = s[i], n = i + 1 < len ? s[i + 1] : 0;
  if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return 1;
  if (c >= 0x80 && c <= 0xBF) return 1;
  if ((c >= 0xC4 && c <= 0xC9) || c == 0xCC || c == 0xCD) return 1;
  if (c == 0xC3) return i + 1 < len && n >= 0x80 && n <= 0xBF && n != 0x97 && n != 0xB7;
  if (c == 0xE1) return i + 1 < len && n >= 0xB8 && n <= 0xBB;
  return 0;
}

static void test_run_end(void) {
  static const char *const extra[] = {"\xC3\x97", "\xC3\xB7", "\xC3\x80", "\xE1\x80\x80", "\xE1\xB8\x80",
                                      "\xC9\x90", "\xCD\xA1", "\xC2\xAB", "Z", "-", ".", "@"};
  const int npieces = (int)(sizeof pieces / sizeof pieces[0]), nextra = (int)(sizeof extra / sizeof extra[0]);
  unsigned seed = 777;
  int bad = 0, stopped_early = 0;
  unsigned char buf[512];
  for (int t = 0; t < 3000; t++) {
    size_t len = 0;
    while (len < 400) {
      seed = seed * 1103515245u + 12345u;
      int w = (int)(seed >> 16) % (npieces + nextra);
      const char *p = w < npieces ? pieces[w] : extra[w - npieces];
      size_t m = strlen(p);
      memcpy(buf + len, p, m);
      len += m;
    }
    for (size_t i = 0; i < len; i++) {
      size_t r = vnt__run_end(buf, i, len);
      int good = r >= i && r <= len;
      for (size_t j = i; good && j < r; j++) good = run_byte_ref(buf, len, j);
      /* it may stop early only within 32 bytes of the end */
      if (good && r + 33 <= len && run_byte_ref(buf, len, r)) good = 0;
      if (r + 33 > len && r < len && run_byte_ref(buf, len, r)) stopped_early++;
      bad += !good;
    }
  }
  ok(bad == 0, "vnt__run_end: every byte it passes is a word-run byte, and it stops at the first that is not");
  ok(stopped_early > 0, "vnt__run_end: near the end it leaves the rest to the scalar loop");
}

/* Random text: pieces drawn from bits (a linear congruential generator from
 * *seed) appended to buf[len..] until it holds at least target bytes (and
 * at most the longest piece more), a space after a third of them when
 * spaces is set; the new length. */
static size_t random_text(char *buf, size_t len, size_t target, const char *const *bits, int nbits, unsigned *seed,
                          int spaces) {
  while (len < target) {
    *seed = *seed * 1103515245u + 12345u;
    const char *b = bits[(*seed >> 16) % (unsigned)nbits];
    size_t m = strlen(b);
    memcpy(buf + len, b, m);
    len += m;
    if (spaces && (*seed >> 8) % 3 == 0) buf[len++] = ' ';
  }
  return len;
}

/* vnt__token_batch gives exactly the tokens of vnt_token_next, and the
 * vector masks equal the scalar ones, on random text made of the pieces
 * the fast path decides on: capitals, lower-case letters of every kind,
 * digits, punctuation that ends a word or starts a URL, apostrophes. */
static void test_token_batch(void) {
  static const char *const bits[] = {
    "a", "b", "xin", "ch\xC3\xA0o", "\xC4\x91\xC6\xB0\xE1\xBB\x9Dng", "\xE1\xBA\xA1", "\xE1\xBA\xA0",
    "H", "N\xE1\xBB\x99i", "\xC4\x90\xC3\xA0", "\xC3\x80", "\xC3\x97", "\xC3\xB7", "\xC3\x9F", "UBND", "TT&TT",
    "CNTT-TT", "A", " ", " ", " ", "  ", "\n", "\t", ",", ".", "...", ":", ";", "!", "?", "(", ")", "\"", "'", "-",
    "_", "@", "#", "%", "+", "&", "/", "12", "3", "10/2021", "www.", "http://", "x.com", "a@b.vn", "\xE2\x80\x9C",
    "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x93", "\xE2\x80\xA6", "\xC2\xA0", "\xC2\xAB", "\xC2\xAA",
    "\xC2\xB5", "\xCC\x81", "\xE1\x80\x80", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "H'", "\xC9\x90",
    /* a whole window of white space */
    "                                                                                ",
  };
  const int nbits = (int)(sizeof bits / sizeof bits[0]);
  unsigned seed = 4242;
  int bad_tok = 0, bad_mask = 0, bad_words = 0, mask_levels = 0;
  char buf[2048];
  vnt_span want[1024], got[1024];
  for (int t = 0; t < 4000; t++) {
    size_t len = random_text(buf, 0, 1 + (size_t)(t % 700), bits, nbits, &seed, 0);
    size_t nw = 0, p = 0;
    while (nw < 1024 && vnt_token_next(buf, len, p, &want[nw])) p = want[nw++].end;
    size_t ng = 0, q = 0, k;
    while (ng < 1024 && (k = vnt__token_batch(buf, len, &q, got + ng, 1 + (size_t)(t % 5) * 60, 0)) > 0) ng += k;
    int same = ng == nw && q >= (nw ? want[nw - 1].end : 0) && q <= len;
    for (size_t i = 0; same && i < nw; i++)
      same = got[i].start == want[i].start && got[i].end == want[i].end && got[i].kind == want[i].kind;
    bad_tok += !same;
    /* words only: the word and abbreviation tokens of the same, in order */
    size_t nww = 0, nwg = 0, r = 0;
    for (size_t i = 0; i < nw; i++)
      if (want[i].kind == VNT_TOK_WORD || want[i].kind == VNT_TOK_ABBREV) want[nww++] = want[i];
    while (nwg < 1024 && (k = vnt__token_batch(buf, len, &r, got + nwg, 1 + (size_t)(t % 7) * 40, 1)) > 0) nwg += k;
    int same_w = nwg == nww;
    for (size_t i = 0; same_w && i < nww; i++)
      same_w = got[i].start == want[i].start && got[i].end == want[i].end && got[i].kind == want[i].kind;
    bad_words += !same_w;
    if (len >= 66) {
      uint64_t a[VNT_WORD_MASKS], b[VNT_WORD_MASKS];
      for (size_t at = 0; at + 66 <= len; at += 7) {
        vnt__word_masks_scalar((const unsigned char *)buf + at, b);
        vnt__word_masks((const unsigned char *)buf + at, a);
        bad_mask += memcmp(a, b, sizeof a) != 0;
        for (int level = 1; level <= 2; level++)   /* each vector version this CPU has */
          if (vnt__word_masks_with(level, (const unsigned char *)buf + at, a)) {
            bad_mask += memcmp(a, b, sizeof a) != 0;
            mask_levels |= 1 << level;
          }
      }
    }
  }
  ok(bad_tok == 0, "vnt__token_batch: the same tokens as vnt_token_next, one by one");
  ok(bad_words == 0, "vnt__token_batch, words only: the word tokens of vnt_token_next, in order");
  {   /* every byte value at every place in a window, before every byte value */
    unsigned char all[256 * 2 + 66];
    for (size_t i = 0; i < sizeof all; i++) all[i] = (unsigned char)(i * 7 + (i >> 8));
    for (size_t at = 0; at + 66 <= sizeof all; at++) {
      uint64_t a[VNT_WORD_MASKS], b[VNT_WORD_MASKS];
      vnt__word_masks_scalar(all + at, b);
      for (int level = 1; level <= 2; level++)
        if (vnt__word_masks_with(level, all + at, a)) bad_mask += memcmp(a, b, sizeof a) != 0;
    }
  }
  {
    char what[160];
    snprintf(what, sizeof what, "vnt__word_masks: the vector masks equal the scalar reference (%s%s)",
             mask_levels & 2 ? "AVX2" : "no AVX2 here", mask_levels & 4 ? ", AVX-512 BW+VBMI" : ", no AVX-512 BW+VBMI here");
    ok(bad_mask == 0, what);
  }
}

/* Lower and upper case of words of precomposed Vietnamese letters (the
 * byte-for-byte fast path) against utf8proc's simple case mappings, letter
 * by letter, inside a word and alone. */
static void test_case_fast_path(void) {
  int bad = 0, tried = 0;
  for (int32_t cp = 0xC0; cp <= 0x1EF9; cp++) {
    /* the letters of Vietnamese: Latin-1, Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư, U+1EA0..U+1EF9 */
    if (!(cp <= 0xFF || cp == 0x102 || cp == 0x103 || cp == 0x110 || cp == 0x111 || cp == 0x128 || cp == 0x129 ||
          cp == 0x168 || cp == 0x169 || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 || cp >= 0x1EA0))
      continue;
    utf8proc_uint8_t enc[8];
    utf8proc_ssize_t m = utf8proc_encode_char(cp, enc);
    if (utf8proc_category(cp) != UTF8PROC_CATEGORY_LU && utf8proc_category(cp) != UTF8PROC_CATEGORY_LL) continue;
    for (int upper = 0; upper <= 1; upper++) {
      char in[32], want[32];
      size_t n = 0, wn = 0;
      in[n++] = upper ? 'a' : 'B';
      memcpy(in + n, enc, (size_t)m); n += (size_t)m;
      in[n++] = upper ? 'c' : 'D';
      int32_t to = upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
      utf8proc_uint8_t te[8];
      utf8proc_ssize_t tm = utf8proc_encode_char(to, te);
      want[wn++] = upper ? 'A' : 'b';
      memcpy(want + wn, te, (size_t)tm); wn += (size_t)tm;
      want[wn++] = upper ? 'C' : 'd';
      /* the reference in NFC, as vnt_normalize gives it */
      utf8proc_uint8_t *ref = NULL;
      utf8proc_ssize_t rn = utf8proc_map((const utf8proc_uint8_t *)want, (utf8proc_ssize_t)wn, &ref,
                                         UTF8PROC_STABLE | UTF8PROC_COMPOSE);
      vnt_norm_opts o = VNT_NORM_OPTS_INIT;
      o.form = VNT_FORM_NONE;
      o.casing = upper ? VNT_CASE_UPPER : VNT_CASE_LOWER;
      vnt_buf out = VNT_BUF_INIT;
      vnt_status st;
      int rc = vnt_normalize(in, n, &o, &out, &st);
      const char *got = rc == VNT_SAME ? in : out.data;
      size_t gn = rc == VNT_SAME ? n : out.len;
      if (rc < 0 || rn < 0 || (size_t)rn != gn || memcmp(ref, got, gn) != 0) bad++;
      tried++;
      free(ref);
      vnt_buf_free(&out);
    }
  }
  ok(bad == 0 && tried > 250, "lower/upper of words of precomposed letters agree with utf8proc, letter by letter");
}

static void test_counter(void) {
  vnt_counter *c = vnt_counter_new();
  vnt_counter_add(c, "b", 1, 2);
  vnt_counter_add(c, "a", 1, 1);
  vnt_counter_add(c, "b", 1, 1);
  for (int i = 0; i < 5000; i++) {   /* growth keeps every count */
    char k[16];
    int n = snprintf(k, sizeof k, "k%d", i);
    vnt_counter_add(c, k, (size_t)n, i);
  }
  ok(vnt_counter_get(c, "b", 1) == 3 && vnt_counter_get(c, "k4999", 5) == 4999 && vnt_counter_get(c, "zz", 2) == 0,
     "counter: counts survive growth");
  ok(vnt_counter_size(c) == 5002, "counter: distinct keys");
  vnt_buf b = VNT_BUF_INIT;
  ok(vnt_counter_save(c, &b) == VNT_OK && memcmp(b.data, "a\t1\nb\t3\nk0\t0\n", 13) == 0, "counter: TSV sorted by key");
  vnt_counter *d = vnt_counter_new();
  size_t line = 0;
  ok(vnt_counter_load(d, b.data, b.len, &line) == VNT_OK && vnt_counter_size(d) == 5002 &&
     vnt_counter_total(d) == vnt_counter_total(c), "counter: load gives back what save wrote");
  ok(vnt_counter_load(d, "x\ty\n", 4, &line) == VNT_EINVAL && line == 1, "counter: a bad count is an error with its line");
  vnt_counter *e = vnt_counter_new();   /* keys of every length up to 24, differing in one byte, zero bytes inside */
  char key[24];
  int lens_ok = 1;
  for (int n = 0; n <= 24; n++)
    for (int at = 0; at < n; at++)
      for (int v = 0; v < 3; v++) {
        memset(key, 'x', sizeof key);
        key[at] = (char)(v == 0 ? 0 : v == 1 ? 'y' : 0xC3);
        vnt_counter_add(e, key, (size_t)n, 1 + v);
      }
  for (int n = 0; n <= 24 && lens_ok; n++) {
    memset(key, 'x', sizeof key);
    if (vnt_counter_get(e, key, (size_t)n) != 0) lens_ok = 0;
    for (int at = 0; at < n; at++)
      for (int v = 0; v < 3; v++) {
        memset(key, 'x', sizeof key);
        key[at] = (char)(v == 0 ? 0 : v == 1 ? 'y' : 0xC3);
        if (vnt_counter_get(e, key, (size_t)n) != 1 + v) lens_ok = 0;
      }
  }
  ok(lens_ok && vnt_counter_size(e) == 3 * 300, "counter: keys of 1..24 bytes differing in any one byte stay apart");
  vnt_counter_free(e);
  {   /* top k by selection = the first k of the full sort, ties (many equal counts) by key */
    vnt_counter *r = vnt_counter_new();
    unsigned seed = 99;
    for (int i = 0; i < 3000; i++) {
      char rk[24];
      seed = seed * 1103515245u + 12345u;
      int len = snprintf(rk, sizeof rk, "w%u", (seed >> 16) % 2000);
      vnt_counter_add(r, rk, (size_t)len, 1 + (int64_t)((seed >> 8) % 3));
    }
    vnt_counter_entry *all = NULL;
    vnt_counter_sorted(r, 1, &all);
    size_t total = vnt_counter_size(r);
    int same = 1;
    size_t ks[] = {0, 1, 2, 7, 100, total / 2 - 1, total / 2, total - 1, total, total + 5};
    for (size_t q = 0; q < sizeof ks / sizeof ks[0]; q++) {
      vnt_counter_entry *top = NULL;
      size_t n = 0;
      if (vnt_counter_top(r, ks[q], &top, &n) != VNT_OK) { same = 0; break; }
      if (n != (ks[q] < total ? ks[q] : total)) same = 0;
      for (size_t i = 0; same && i < n; i++)
        same = top[i].count == all[i].count && top[i].len == all[i].len && memcmp(top[i].key, all[i].key, all[i].len) == 0;
      free(top);
    }
    free(all);
    vnt_counter_free(r);
    ok(same, "counter: the top k by selection are the first k of the full sort, for every k");
  }
  {   /* sorted entries: every neighbour pair in order, by count and by key, at many sizes */
    int ordered = 1;
    size_t sizes[] = {0, 1, 2, 3, 16, 17, 18, 100, 1000, 6000};
    unsigned seed = 5;
    for (size_t q = 0; q < sizeof sizes / sizeof sizes[0]; q++) {
      vnt_counter *r = vnt_counter_new();
      for (size_t i = 0; i < sizes[q]; i++) {
        char rk[32];
        seed = seed * 1103515245u + 12345u;
        /* keys sharing 8-byte prefixes, of every length, with few distinct counts */
        int len = snprintf(rk, sizeof rk, "%s%zu", (seed >> 20) % 2 ? "prefix__" : "p", i);
        vnt_counter_add(r, rk, (size_t)len, (int64_t)((seed >> 8) % 4) - 1);
      }
      for (int by = 0; by <= 1; by++) {
        vnt_counter_entry *se = NULL;
        vnt_counter_sorted(r, by, &se);
        for (size_t i = 1; i < sizes[q]; i++) {
          size_t m = se[i - 1].len < se[i].len ? se[i - 1].len : se[i].len;
          int kc = memcmp(se[i - 1].key, se[i].key, m);
          int key_lt = kc < 0 || (kc == 0 && se[i - 1].len < se[i].len);
          if (by ? !(se[i - 1].count > se[i].count || (se[i - 1].count == se[i].count && key_lt)) : !key_lt) ordered = 0;
        }
        free(se);
      }
      vnt_counter_free(r);
    }
    ok(ordered, "counter: entries sorted by count (ties by key) and by key, at every size");
  }
  vnt_counter_merge(d, c);
  ok(vnt_counter_get(d, "b", 1) == 6, "counter: merge adds");
  {   /* a counter made like another merges by its hashes: the same counts as a plain merge */
    vnt_counter *x = vnt_counter_new(), *y = vnt_counter_new_like(x), *z = vnt_counter_new(), *plain = vnt_counter_new();
    for (int i = 0; i < 20000; i++) {
      char kk[32];
      int n = snprintf(kk, sizeof kk, i % 3 ? "k%d" : "a much longer key %d", i % 7000);
      vnt_counter_add(i % 2 ? x : y, kk, (size_t)n, 1 + i % 5);
      vnt_counter_add(i % 2 ? plain : z, kk, (size_t)n, 1 + i % 5);
    }
    vnt_counter_merge(x, y);
    vnt_counter_merge(plain, z);
    int same = vnt_counter_size(x) == vnt_counter_size(plain) && vnt_counter_total(x) == vnt_counter_total(plain);
    size_t pos = 0, kn;
    const char *kp;
    int64_t cnt;
    while (same && vnt_counter_next(plain, &pos, &kp, &kn, &cnt)) same = vnt_counter_get(x, kp, kn) == cnt;
    ok(same && vnt_counter_size(x) > 7000, "counter: merging a counter made with vnt_counter_new_like equals a plain merge");
    vnt_counter_free(x);
    vnt_counter_free(y);
    vnt_counter_free(z);
    vnt_counter_free(plain);
  }
  vnt_buf_free(&b);
  vnt_counter_free(c);
  vnt_counter_free(d);
}

/* Normalized unigrams of a long text (counted as written, then each
 * distinct token normalized once) equal those counted token by token in
 * short pieces, under several normalizations. */
static void test_counter_normalized(void) {
  static const char *const bits[] = {
    "Ho\xC3\xA0", "h\xC3\xB2" "a", "HO\xC3\x80", "ho" "a\xCC\x80", "thu\xE1\xBB\xB7", "th\xE1\xBB\xA7y",
    "Thu\xE1\xBB\xB7", "Vi\xE1\xBB\x87t", "Nam", "nam", "\xC4\x91\xC6\xB0\xE1\xBB\x9D" "ng", "UBND",
    "2021", "10/2021", "Covid-19", "e" "\xCC\x81", "x", "  ", " ", " ", ", ", ". ", "\n", "\xE2\x80\x9C", "\xE2\x80\x9D",
  };
  const int nbits = (int)(sizeof bits / sizeof bits[0]);
  size_t cap = 300000;
  char *text = malloc(cap + 64);
  unsigned seed = 777;
  size_t len = random_text(text, 0, cap, bits, nbits, &seed, 1);
  int same = 1;
  vnt_case cases[] = {VNT_CASE_LOWER, VNT_CASE_KEEP, VNT_CASE_LOWER};
  vnt_tones tones[] = {VNT_TONES_NEW, VNT_TONES_OLD, VNT_TONES_KEEP};
  for (int v = 0; v < 6; v++) {
    vnt_count_opts o = {1, VNT_COUNT_SYLLABLE, 1, VNT_NORM_OPTS_INIT, NULL, v >= 3};
    o.norm.casing = cases[v % 3];
    o.norm.tones = tones[v % 3];
    vnt_counter *whole = vnt_counter_new(), *parts = vnt_counter_new();
    vnt_status st;
    if (len < VNT__RAW_FIRST || vnt_counter_add_text(whole, text, len, &o, &st) != VNT_OK) same = 0;
    for (size_t at = 0; at < len;) {   /* pieces under the threshold, cut after line breaks */
      size_t e = at + 4000 < len ? at + 4000 : len;
      while (e < len && text[e - 1] != '\n') e++;
      if (vnt_counter_add_text(parts, text + at, e - at, &o, &st) != VNT_OK) same = 0;
      at = e;
    }
    if (vnt_counter_size(whole) != vnt_counter_size(parts) || vnt_counter_total(whole) != vnt_counter_total(parts))
      same = 0;
    size_t pos = 0, kn;
    const char *k;
    int64_t cnt;
    while (same && vnt_counter_next(parts, &pos, &k, &kn, &cnt)) same = vnt_counter_get(whole, k, kn) == cnt;
    if (v == 0)   /* Hoà, hòa, HOÀ, NFD hoà: one key in lower case and the new style */
      same = same && vnt_counter_get(whole, "ho\xC3\xA0", 4) > 0 && vnt_counter_get(whole, "h\xC3\xB2" "a", 4) == 0;
    vnt_counter_free(whole);
    vnt_counter_free(parts);
  }
  free(text);
  ok(same, "counter: normalized unigrams of a long text equal those counted in short pieces (6 option sets)");
}

/* word sets: any case, pairs, numbers, the cap of one scan call, long words */
static void test_wordset(void) {
  vnt_wordset *ws = vnt_wordset_new();
  ok(ws != NULL, "wordset: new");
  ok(vnt_wordset_add(ws, S("Tháng")) == VNT_OK && vnt_wordset_add(ws, S("THÁNG")) == VNT_SAME,
     "wordset: a word in another case is the same word");
  ok(vnt_wordset_has(ws, S("tHÁng")) && !vnt_wordset_has(ws, S("thang")) && !vnt_wordset_has(ws, S("thán")),
     "wordset: looked up in any case, marks kept");
  ok(vnt_wordset_add(ws, "", 0) == VNT_EINVAL, "wordset: an empty word is refused");
  char big[60];
  memset(big, 'a', sizeof big);
  ok(vnt_wordset_add(ws, big, sizeof big) == VNT_EINVAL && !vnt_wordset_has(ws, big, sizeof big),
     "wordset: a word over 48 bytes is refused, and is in no set");
  ok(vnt_wordset_add_next(ws, S("trong"), S("vòng")) == VNT_OK && vnt_wordset_add_next(ws, S("trong"), NULL, 0) == VNT_OK,
     "wordset: a word before a next word, before a number");
  ok(!vnt_wordset_has(ws, S("trong")), "wordset: a word that needs a next word does not start alone");
  const char *t = "Trong 3 ng\xC3\xA0y, trong nh\xC3\xA0 TRONG V\xC3\x92NG \xE2\x80\x9CTh\xC3\xA1ng x3 trong\t7";
  size_t len = strlen(t), pos = 0, out[16];
  size_t n = vnt_wordset_scan(ws, t, len, &pos, out, 16, 1);
  ok(n == 6 && out[0] == 0 && out[1] == 6 && pos == len, "wordset: scan finds 6 starts and reads to the end");
  ok(n == 6 && memcmp(t + out[2], "TRONG", 5) == 0 && memcmp(t + out[3], "\xE2", 1) != 0 &&
     memcmp(t + out[3], "Th", 2) == 0 && memcmp(t + out[4], "trong", 5) == 0 && t[out[5]] == '7',
     "wordset: a pair in capitals, a word after a quote mark, a number after a tab; not x3, not trong nh\xC3\xA0");
  pos = 0;
  size_t total = 0, m;
  while ((m = vnt_wordset_scan(ws, t, len, &pos, out, 2, 1)) > 0) total += m;
  ok(total == 6, "wordset: a scan in calls of 2 finds the same 6");
  pos = 0;
  ok(vnt_wordset_scan(ws, t, len, &pos, out, 16, 0) == 4, "wordset: without digits, 4 (not the 3 nor the 7)");
  /* a word that ends the text, and one whose next word is cut off */
  pos = 0;
  ok(vnt_wordset_scan(ws, S("trong"), &pos, out, 16, 1) == 0 && pos == 5, "wordset: a weak word at the end starts nothing");
  pos = 0;
  ok(vnt_wordset_scan(ws, S("x th\xC3\xA1ng"), &pos, out, 16, 1) == 1 && out[0] == 2, "wordset: a word at the very end");
  for (int i = 0; i < 200; i++) {   /* growth keeps what was there */
    char w[8];
    snprintf(w, sizeof w, "w%d", i);
    vnt_wordset_add(ws, w, strlen(w));
  }
  ok(vnt_wordset_has(ws, S("w0")) && vnt_wordset_has(ws, S("w199")) && vnt_wordset_has(ws, S("th\xC3\xa1ng")) &&
     !vnt_wordset_has(ws, S("w200")), "wordset: grown past its first size");
  vnt_wordset_free(ws);
  vnt_wordset_free(NULL);
}

/* The contract at the entries: NULL with length 0, bad enum values, counts
 * that would pass INT64_MAX, a NULL out-parameter the caller does not want. */
static void test_contracts(void) {
  int32_t cp = 0;
  const unsigned char one[1] = {0xE1};
  ok(vnt_utf8_decode(one, 0, &cp) == 0 && cp == -1, "utf8_decode: length 0 reads nothing and says 0");
  ok(vnt_utf8_decode(NULL, 0, &cp) == 0 && cp == -1, "utf8_decode: NULL with length 0");
  ok(vnt_is_normalized("a", 1, VNT_FORM_NONE, NULL) == VNT_EINVAL, "is_normalized: NONE is no form to be in");
  ok(vnt_is_normalized("a", 1, (vnt_form)42, NULL) == VNT_EINVAL, "is_normalized: a bad form value");
  ok(vnt_is_normalized(NULL, 0, VNT_NFC, NULL) == 1, "is_normalized: NULL with length 0 is the empty text");
  vnt_counter *c = vnt_counter_new();
  ok(vnt_counter_add(c, NULL, 0, 2) == VNT_OK && vnt_counter_get(c, "", 0) == 2 && vnt_counter_get(c, NULL, 0) == 2,
     "counter_add: NULL with length 0 is the empty key");
  ok(vnt_counter_add(c, NULL, 3, 1) == VNT_EINVAL, "counter_add: NULL with a length is refused");
  ok(vnt_counter_add(c, S("hà"), INT64_MAX - 1) == VNT_EOVERFLOW, "counter_add: the total would pass INT64_MAX");
  vnt_counter *d = vnt_counter_new();
  ok(vnt_counter_add(d, S("hà"), INT64_MAX) == VNT_OK && vnt_counter_add(d, S("hà"), 1) == VNT_EOVERFLOW &&
     vnt_counter_get(d, S("hà")) == INT64_MAX, "counter_add: a count that would pass INT64_MAX is refused, not wrapped");
  vnt_counter *e = vnt_counter_new();
  ok(vnt_counter_add(e, S("hà"), 9000000000000000000) == VNT_OK, "counter: 9e18 fits");
  vnt_counter *f = vnt_counter_new();
  ok(vnt_counter_add(f, S("hà"), 9000000000000000000) == VNT_OK && vnt_counter_merge(e, f) == VNT_EOVERFLOW,
     "counter_merge: 9e18 + 9e18 is an overflow error");
  size_t line = 99;
  vnt_counter *g = vnt_counter_new();
  ok(vnt_counter_load(g, S("a\t9000000000000000000\na\t9000000000000000000\n"), &line) == VNT_EOVERFLOW && line == 2,
     "counter_load: an overflow names its line");
  ok(vnt_counter_load(g, S("no tab here\n"), NULL) == VNT_EINVAL, "counter_load: a NULL err_line is allowed");
  vnt_counter_free(c);
  vnt_counter_free(d);
  vnt_counter_free(e);
  vnt_counter_free(f);
  vnt_counter_free(g);
  ok(strcmp(vnt_strerror(VNT_EOVERFLOW), "a count would pass the largest 64-bit integer") == 0, "strerror: EOVERFLOW");
}

int main(void) {
  test_contracts();
  test_decode();
  test_validate();
  test_normalize();
  test_fuzz_regressions();
  test_long_marks();
  test_safe_cut();
  test_random_against_reference();
  test_run_end();
  test_token_batch();
  test_case_fast_path();
  test_counter();
  test_counter_normalized();
  test_wordset();
  printf("1..%d\n", n_test);
  return n_fail != 0;
}

/* normalize.c -- Unicode normalization forms with a quick-check fast path.
 *
 * The fast path is the UAX #15 quick check (section 9): a code point that is
 * unchanged by the form, cannot compose with what precedes it, and keeps the
 * combining classes in order leaves the text as it is.  Runs of such text are
 * never copied: when the whole input passes, vnt_normalize returns VNT_SAME.
 * Only the segment around a failing code point -- from the last safe starter
 * before it to the next safe starter after it -- goes through the slow path:
 * utf8proc's per-character decomposition, a linear-time canonical ordering of
 * our own, and utf8proc's composition. */
#include <string.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "vnt.h"
#include "vnt_internal.h"
#include "nfflags.h"
#include "nftable.h"   /* generated: nf_stage1, nf_stage2 */

static inline unsigned nf_flags(int32_t cp) {
  return nf_stage2[nf_stage1[(uint32_t)cp >> 8]][cp & 0xFF];
}

static unsigned form_mask(vnt_form f) {
  switch (f) {
    case VNT_NFC: return NF_NFC_NO | NF_MAYBE;
    case VNT_NFD: return NF_NFD_NO;
    case VNT_NFKC: return NF_NFKC_NO | NF_MAYBE;
    case VNT_NFKD: return NF_NFKD_NO;
    default: return 0;
  }
}

static inline int ccc_of(int32_t cp) {
  return utf8proc_get_property(cp)->combining_class;
}

/* ---- code point scratch buffer ------------------------------------------- */

void vnt__cps_init(vnt_cps *c) {
  c->cp = c->stack;
  c->n = 0;
  c->cap = sizeof c->stack / sizeof c->stack[0];
}

void vnt__cps_free(vnt_cps *c) {
  if (c->cp != c->stack) free(c->cp);
  vnt__cps_init(c);
}

int vnt__cps_reserve(vnt_cps *c, size_t extra) {
  if (extra <= c->cap - c->n) return VNT_OK;
  size_t cap = c->cap;
  while (cap - c->n < extra) {
    if (cap > SIZE_MAX / 2 / sizeof(int32_t)) return VNT_ENOMEM;
    cap *= 2;
  }
  int32_t *p;
  if (c->cp == c->stack) {
    p = malloc(cap * sizeof *p);
    if (p) memcpy(p, c->stack, c->n * sizeof *p);
  } else {
    p = realloc(c->cp, cap * sizeof *p);
  }
  if (p == NULL) return VNT_ENOMEM;
  c->cp = p;
  c->cap = cap;
  return VNT_OK;
}

/* Append the full canonical (or compatibility) decomposition of cp. */
int vnt__cps_decompose(vnt_cps *c, int32_t cp, int compat) {
  int bc = 0;
  utf8proc_option_t o = UTF8PROC_DECOMPOSE | (compat ? UTF8PROC_COMPAT : 0);
  for (;;) {
    utf8proc_ssize_t room = (utf8proc_ssize_t)(c->cap - c->n);
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, c->cp + c->n, room, o, &bc);
    if (k < 0) return VNT_EINVAL;
    if (k <= room) { c->n += (size_t)k; return VNT_OK; }
    if (vnt__cps_reserve(c, (size_t)k) != VNT_OK) return VNT_ENOMEM;
  }
}

/* Canonical ordering (UAX #15 section 3.11): a stable sort of each run of
 * non-starters by combining class.  Short runs use insertion sort; long runs
 * a counting sort, so that a million combining marks in adversarial order
 * still take linear time (utf8proc's own ordering is quadratic there). */
int vnt__cps_order(vnt_cps *c) {
  int32_t *b = c->cp;
  size_t n = c->n, i = 0;
  while (i < n) {
    if (ccc_of(b[i]) == 0) { i++; continue; }
    size_t j = i;
    while (j < n && ccc_of(b[j]) != 0) j++;
    size_t run = j - i;
    if (run <= 32) {
      for (size_t k = i + 1; k < j; k++) {
        int32_t x = b[k];
        int cx = ccc_of(x);
        size_t m = k;
        while (m > i && ccc_of(b[m - 1]) > cx) { b[m] = b[m - 1]; m--; }
        b[m] = x;
      }
    } else {
      size_t count[257] = {0};
      int32_t *tmp = malloc(run * sizeof *tmp);
      if (tmp == NULL) return VNT_ENOMEM;
      for (size_t k = i; k < j; k++) count[ccc_of(b[k]) + 1]++;
      for (int k = 1; k < 257; k++) count[k] += count[k - 1];
      for (size_t k = i; k < j; k++) tmp[count[ccc_of(b[k])]++] = b[k];
      memcpy(b + i, tmp, run * sizeof *tmp);
      free(tmp);
    }
    i = j;
  }
  return VNT_OK;
}

void vnt__cps_compose(vnt_cps *c) {
  utf8proc_ssize_t m = utf8proc_normalize_utf32(c->cp, (utf8proc_ssize_t)c->n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (m >= 0) c->n = (size_t)m;
}

int vnt__cps_encode(const vnt_cps *c, vnt_buf *out) {
  if (c->n == 0) return VNT_OK;   /* (out->data may still be NULL: no pointer arithmetic on it) */
  if (c->n > SIZE_MAX / 4 || vnt_buf_reserve(out, c->n * 4) != VNT_OK) return VNT_ENOMEM;
  char *d = out->data + out->len;
  for (size_t k = 0; k < c->n; k++) d += vnt_utf8_encode(c->cp[k], d);
  out->len = (size_t)(d - out->data);
  return VNT_OK;
}

/* ---- the form pass -------------------------------------------------------- */

/* Normalize the valid UTF-8 segment s[a..b) to form f through the slow path. */
static int slow_segment(const unsigned char *s, size_t a, size_t b, vnt_form f,
                        vnt_cps *c, vnt_buf *out) {
  int compat = (f == VNT_NFKC || f == VNT_NFKD);
  c->n = 0;
  for (size_t i = a; i < b;) {
    int32_t cp;
    int n = vnt__utf8_decode(s + i, b - i, &cp);
    i += (size_t)n;   /* the caller has validated the segment */
    int rc = vnt__cps_decompose(c, cp, compat);
    if (rc != VNT_OK) return rc;
  }
  int rc = vnt__cps_order(c);
  if (rc != VNT_OK) return rc;
  if (f == VNT_NFC || f == VNT_NFKC) vnt__cps_compose(c);
  return vnt__cps_encode(c, out);
}

/* The offset of the first byte >= 0x80 in s[i..len), or len. */
static inline size_t next_nonascii(const unsigned char *s, size_t i, size_t len) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (i + 8 <= len) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    w &= UINT64_C(0x8080808080808080);
    if (w) return i + ((size_t)__builtin_ctzll(w) >> 3);   /* lowest byte in memory first */
    i += 8;
  }
#endif
  while (i < len && s[i] < 0x80) i++;
  return i;
}

int vnt__form_pass(const char *str, size_t len, vnt_form f, int repair,
                   vnt_buf *out, vnt_status *st) {
  const unsigned char *s = (const unsigned char *)str;
  const unsigned mask = form_mask(f);
  const size_t len0 = out->len;
  size_t i = 0, copied = 0, boundary = 0;
  int lastccc = 0, changed = 0, rc = VNT_OK;
  vnt_cps c;
  vnt__cps_init(&c);

  size_t last_end = 0;   /* end of the last non-ASCII code point examined */
  const int use_simd = f == VNT_NFC || f == VNT_FORM_NONE;
  size_t simd_next = 0;
  while (i < len) {
    if (use_simd && i >= simd_next) {
      /* Vectorized: skip the valid, plainly NFC text ahead in one go. */
      size_t q = vnt__simple_prefix(s, i, len, f == VNT_NFC);
      if (q > i) {
        size_t b = q - 1;
        while (b > i && (s[b] & 0xC0) == 0x80) b--;
        boundary = b;   /* the last code point skipped: a safe starter */
        lastccc = 0;
        i = last_end = q;
        if (i >= len) break;
      }
      simd_next = i + 256;   /* scalar for a while, then try again */
    }
    /* ASCII never composes or decomposes: jump to the next byte >= 0x80,
     * eight bytes at a time.  Only non-ASCII code points cost work. */
    size_t p = next_nonascii(s, i, len);
    if (p >= len) break;
    if (p > last_end) {   /* ASCII came between: its last byte is a safe starter */
      boundary = p - 1;
      lastccc = 0;
    }
    i = p;
    int32_t cp;
    int n;
    unsigned c0 = s[i];
    if (c0 >= 0xC2 && c0 < 0xE0 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
      cp = (int32_t)(((c0 & 0x1F) << 6) | (s[i + 1] & 0x3F));   /* most Vietnamese letters */
      n = 2;
    } else {
      n = vnt__utf8_decode(s + i, len - i, &cp);
    }
    if (n < 0) {
      if (!repair) { st->offset = i; rc = VNT_EUTF8; goto fail; }
      if (vnt_buf_append(out, s + copied, i - copied) != VNT_OK ||
          vnt_buf_append(out, "\xEF\xBF\xBD", 3) != VNT_OK) { rc = VNT_ENOMEM; goto fail; }
      st->repairs++;
      i += (size_t)-n;
      copied = boundary = last_end = i;
      lastccc = 0;
      changed = 1;
      continue;
    }
    i += (size_t)n;
    last_end = i;
    if (mask == 0) continue;   /* VNT_FORM_NONE: validation only */
    unsigned fl = nf_flags(cp);
    if (!(fl & (mask | NF_CCC))) {   /* quick check YES, a starter */
      boundary = i - (size_t)n;
      lastccc = 0;
      continue;
    }
    if (!(fl & mask)) {   /* YES, a combining mark: fine while classes do not decrease */
      int ccc = ccc_of(cp);
      if (ccc >= lastccc) { lastccc = ccc; continue; }
    }
    i -= (size_t)n;
    /* The segment to redo: from the last safe starter to the next one. */
    size_t a = boundary, b = i + (size_t)n, ncp = 1;
    while (b < len && s[b] >= 0x80) {
      int32_t cp2;
      int m = vnt__utf8_decode(s + b, len - b, &cp2);
      if (m < 0) break;   /* handled by the main loop */
      unsigned fl2 = nf_flags(cp2);
      if (!(fl2 & (mask | NF_CCC))) break;
      b += (size_t)m;
      if (++ncp > VNT_MAX_SEGMENT) { st->offset = a; rc = VNT_ELIMIT; goto fail; }
    }
    if (vnt_buf_append(out, s + copied, a - copied) != VNT_OK) { rc = VNT_ENOMEM; goto fail; }
    size_t at = out->len;
    rc = slow_segment(s, a, b, f, &c, out);
    if (rc != VNT_OK) goto fail;
    if (out->len - at != b - a || memcmp(out->data + at, s + a, b - a) != 0) changed = 1;
    copied = boundary = last_end = i = b;
    lastccc = 0;
  }
  vnt__cps_free(&c);
  if (!changed) { out->len = len0; return VNT_SAME; }
  if (vnt_buf_append(out, s + copied, len - copied) != VNT_OK) { out->len = len0; return VNT_ENOMEM; }
  return VNT_OK;

fail:
  vnt__cps_free(&c);
  out->len = len0;
  return rc;
}

int vnt_is_normalized(const char *s, size_t len, vnt_form f, size_t *err_off) {
  if (f < VNT_NFC || f > VNT_NFKD) return VNT_EINVAL;   /* a form to be in, not "none" or a bad value */
  if (s == NULL && len > 0) return VNT_EINVAL;
  if (s == NULL) s = "";
  vnt_buf tmp = VNT_BUF_INIT;
  vnt_status st = {0, 0};
  int rc = vnt__form_pass(s, len, f, 0, &tmp, &st);
  vnt_buf_free(&tmp);
  if (rc == VNT_EUTF8 && err_off) *err_off = st.offset;
  if (rc == VNT_SAME) return 1;
  if (rc == VNT_OK) return 0;
  return rc;
}

size_t vnt_safe_cut(const char *s, size_t len) {
  size_t i = len;
  while (i > 0 && s[i - 1] != '\n') i--;
  if (i > 0) return i;
  /* no newline: the start of the last run of blanks */
  i = len;
  while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t') i--;
  if (i > 0) {
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) i--;
    return i;
  }
  return 0;
}

static int check_opts(const vnt_norm_opts *o) {
  if ((unsigned)o->form > VNT_NFKD || (unsigned)o->tones > VNT_TONES_OLD ||
      (unsigned)o->casing > VNT_CASE_FOLD ||
      (o->flags & ~(VNT_STRIP | VNT_SPACE | VNT_PUNCT | VNT_REPAIR)))
    return VNT_EINVAL;
  return VNT_OK;
}

int vnt_normalize(const char *s, size_t len, const vnt_norm_opts *o,
                  vnt_buf *out, vnt_status *st) {
  vnt_norm_opts dflt = VNT_NORM_OPTS_INIT;
  vnt_status dummy;
  if (o == NULL) o = &dflt;
  if (st == NULL) st = &dummy;
  st->offset = 0;
  st->repairs = 0;
  if (check_opts(o) != VNT_OK) return VNT_EINVAL;
  const size_t len0 = out->len;
  int rc = vnt__form_pass(s, len, o->form, (o->flags & VNT_REPAIR) != 0, out, st);
  if (rc < 0) return rc;
  if (!vnt__needs_transform(o)) return rc;

  /* Vietnamese rules, case, spaces and punctuation work on the text the form
   * pass produced; a third, usually trivial, form pass restores the form. */
  const char *t = rc == VNT_SAME ? s : out->data + len0;
  size_t tlen = rc == VNT_SAME ? len : out->len - len0;
  vnt_buf mid = VNT_BUF_INIT;
  int rc2 = vnt__transform(t, tlen, o, &mid);
  if (rc2 == VNT_SAME) { vnt_buf_free(&mid); return rc; }
  if (rc2 < 0) { vnt_buf_free(&mid); out->len = len0; return rc2; }
  out->len = len0;
  vnt_status st3 = {0, 0};
  int rc3 = vnt__form_pass(mid.data, mid.len, o->form, 0, out, &st3);
  if (rc3 == VNT_SAME) rc3 = vnt_buf_append(out, mid.data, mid.len);
  vnt_buf_free(&mid);
  if (rc3 < 0) { out->len = len0; return rc3; }
  if (out->len - len0 == len && memcmp(out->data + len0, s, len) == 0) {
    out->len = len0;
    return VNT_SAME;
  }
  return VNT_OK;
}

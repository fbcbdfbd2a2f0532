/* encoding.c -- Vietnamese text in other encodings, to and from UTF-8.
 *
 * glibc's iconv does UTF-16, Windows-1258 (CP1258), VISCII and TCVN3
 * (TCVN5712-1); the results are normalized to NFC, since CP1258 and TCVN
 * write some tones as combining marks.  VNI-Windows and VIQR are nobody's
 * iconv encoding, so they are done here:
 *  - VNI-Windows writes a letter as an ASCII base and one or two bytes of
 *    the Windows-1252 range that the VNI fonts draw as marks: "chaøo" is
 *    chào, "Vieät" is Việt; ơ ư đ and the toned i, ỵ are single bytes.
 *  - VIQR writes the marks as ASCII after the vowel: ^ ( + for the
 *    qualities, ' ` ? ~ . for the tones, dd for đ, and \ before a mark
 *    character that is meant literally: "Vie^.t Nam", "dda^`u".
 * Detection looks at byte order marks, NUL bytes, UTF-8 validity, and
 * otherwise decodes a sample with each 8-bit candidate and keeps the one
 * that yields the most Vietnamese syllables, saying how sure it is. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "vnt.h"
#include "vnt_internal.h"

const char *vnt_encoding_name(int e) {
  static const char *const names[] = {
    "unknown", "utf-8", "utf-16le", "utf-16be", "cp1258", "tcvn3", "vni", "viqr", "viscii", "binary",
  };
  return e >= 0 && e <= VNT_ENC_BINARY ? names[e] : "unknown";
}

int vnt_encoding_from_name(const char *s) {
  for (int e = VNT_ENC_UTF8; e < VNT_ENC_BINARY; e++)
    if (strcasecmp(s, vnt_encoding_name(e)) == 0) return e;
  if (strcasecmp(s, "utf8") == 0) return VNT_ENC_UTF8;
  if (strcasecmp(s, "windows-1258") == 0) return VNT_ENC_CP1258;
  if (strcasecmp(s, "abc") == 0 || strcasecmp(s, "tcvn") == 0) return VNT_ENC_TCVN3;
  if (strcasecmp(s, "vni-windows") == 0) return VNT_ENC_VNI;
  return VNT_ENC_UNKNOWN;
}

/* ---- iconv ---------------------------------------------------------------------- */

static const char *iconv_name(int e) {
  switch (e) {
    case VNT_ENC_UTF16LE: return "UTF-16LE";
    case VNT_ENC_UTF16BE: return "UTF-16BE";
    case VNT_ENC_CP1258: return "CP1258";
    case VNT_ENC_TCVN3: return "TCVN5712-1";
    case VNT_ENC_VISCII: return "VISCII";
    default: return NULL;
  }
}

/* Convert with iconv from `from` to `to`, appending to out.  On a byte
 * sequence iconv cannot convert: VNT_EUTF8 and its offset. */
static int run_iconv(const char *from, const char *to, const char *s, size_t len, vnt_buf *out, vnt_status *st) {
  iconv_t cd = iconv_open(to, from);
  if (cd == (iconv_t)-1) return VNT_EINVAL;
  char *in = (char *)(uintptr_t)s;
  size_t left = len;
  int rc = VNT_OK;
  while (left > 0) {
    if (vnt_buf_reserve(out, left * 4 + 16) != VNT_OK) { rc = VNT_ENOMEM; break; }
    char *o = out->data + out->len;
    size_t room = out->cap - out->len;
    size_t r = iconv(cd, &in, &left, &o, &room);
    out->len = (size_t)(o - out->data);
    if (r == (size_t)-1) {
      if (errno == E2BIG) continue;
      st->offset = len - left;
      rc = VNT_EUTF8;
      break;
    }
  }
  if (rc == VNT_OK && vnt_buf_reserve(out, 16) != VNT_OK) rc = VNT_ENOMEM;
  if (rc == VNT_OK) {   /* flush a shift state (none of ours has one, but be correct) */
    char *o = out->data + out->len;
    size_t room = out->cap - out->len;
    if (iconv(cd, NULL, NULL, &o, &room) != (size_t)-1) out->len = (size_t)(o - out->data);
  }
  iconv_close(cd);
  return rc;
}

/* ---- VNI-Windows ------------------------------------------------------------------ */

/* Tones in the order of the viet_compose table: 1 grave, 2 acute, 3 tilde,
 * 4 hook above, 5 dot below.  Quality: 1 breve, 2 circumflex, 3 horn. */
typedef struct vmark { unsigned char b; int q, t; } vmark;

/* The mark bytes, in their capital forms (small ones are 0x20 higher). */
static const vmark vni_marks[] = {
  {0xD8, 0, 1}, {0xD9, 0, 2}, {0xD5, 0, 3}, {0xDB, 0, 4}, {0xCF, 0, 5},
  {0xC2, 2, 0}, {0xC0, 2, 1}, {0xC1, 2, 2}, {0xC3, 2, 3}, {0xC5, 2, 4}, {0xC4, 2, 5},
  {0xCA, 1, 0}, {0xC8, 1, 1}, {0xC9, 1, 2}, {0xDC, 1, 3}, {0xDA, 1, 4}, {0xCB, 1, 5},
  {0, 0, 0}
};

/* Letters that are one byte: base, quality, tone (capital forms). */
typedef struct vsingle { unsigned char b; char base; int q, t; } vsingle;
static const vsingle vni_single[] = {
  {0xD1, 'd', 0, 0},   /* Đ (base 'd' with the stroke: handled apart) */
  {0xD4, 'o', 3, 0}, {0xD6, 'u', 3, 0},   /* Ơ Ư */
  {0xCC, 'i', 0, 1}, {0xCD, 'i', 0, 2}, {0xD3, 'i', 0, 3}, {0xC6, 'i', 0, 4}, {0xD2, 'i', 0, 5},
  {0xCE, 'y', 0, 5},   /* Ỵ */
  {0, 0, 0, 0}
};

static const vmark *vni_mark(unsigned char b) {
  unsigned char c = b >= 0xE0 ? (unsigned char)(b - 0x20) : b;
  for (const vmark *m = vni_marks; m->b; m++)
    if (m->b == c) return m;
  return NULL;
}

static const vsingle *vni_one(unsigned char b) {
  unsigned char c = b >= 0xE0 ? (unsigned char)(b - 0x20) : b;
  for (const vsingle *v = vni_single; v->b; v++)
    if (v->b == c) return v;
  return NULL;
}

/* Windows-1252 for the bytes 0x80..0x9F that VNI text may also hold
 * (curly quotes, dashes, ellipsis); 0 where 1252 has nothing. */
static const uint16_t cp1252_hi[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* A vowel with quality q and tone t as a code point (precomposed). */
static int32_t viet_vowel(char base, int upper, int q, int t) {
  static const char vowels[] = "aeiouy";
  const char *vp = strchr(vowels, base);
  if (vp == NULL) return 0;
  return vnt__viet_compose((int)(vp - vowels), upper, q, t);
}

static int put_cp(vnt_buf *out, int32_t cp) {
  if (vnt_buf_reserve(out, 4) != VNT_OK) return VNT_ENOMEM;
  out->len += (size_t)vnt_utf8_encode(cp, out->data + out->len);
  return VNT_OK;
}

static int vni_decode(const unsigned char *s, size_t len, vnt_buf *out, vnt_status *st) {
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    int32_t cp = 0;
    size_t used = 1;
    char base = 0;
    int upper = 0, q = 0, t = 0;
    if (c < 0x80 && strchr("aeiouyAEIOUY", c) && c) {
      base = (char)(c | 0x20);
      upper = c < 'a';
    } else if (c >= 0xC0) {
      const vsingle *v = vni_one(c);
      if (v) {
        upper = c < 0xE0;
        if (v->base == 'd') { cp = upper ? 0x110 : 0x111; base = 0; }
        else { base = v->base; q = v->q; t = v->t; }
      }
    }
    if (base) {
      /* up to two mark bytes: a quality and/or a tone */
      while (i + used < len) {
        const vmark *m = vni_mark(s[i + used]);
        if (m == NULL || (m->q && q) || (m->t && t)) break;
        if (m->q) q = m->q;
        if (m->t) t = m->t;
        used++;
      }
      cp = viet_vowel(base, upper, q, t);
      if (cp == 0) {   /* not a Vietnamese letter after all: the bytes as they are */
        used = 1;
        cp = c < 0x80 ? c : c;
      }
    } else if (cp == 0) {
      if (c >= 0x80 && c < 0xA0) cp = cp1252_hi[c - 0x80];
      else cp = c;   /* ASCII and Latin-1 */
      if (cp == 0 && c != 0) { st->offset = i; return VNT_EUTF8; }   /* a byte VNI leaves undefined (NUL passes, as in iconv's) */
    }
    if (put_cp(out, cp) != VNT_OK) return VNT_ENOMEM;
    i += used;
  }
  return VNT_OK;
}

/* The parts of a precomposed Vietnamese letter: base (lower-case ASCII, or
 * 'D' for đ), upper, quality, tone; 0 if cp is not one. */
static int viet_parts(int32_t cp, char *base, int *upper, int *q, int *t) {
  if (cp == 0x110 || cp == 0x111) { *base = 'D'; *upper = cp == 0x110; *q = *t = 0; return 1; }
  unsigned v = vnt__viet_letter(cp);
  if (v == 0) return 0;
  *upper = (v >> 15) & 1;
  *base = (char)((v >> 8) & 0x7F);
  *q = (int)((v >> 4) & 0xF);
  *t = (int)(v & 0xF);
  return 1;
}

static int vni_encode(const char *str, size_t len, vnt_buf *out, vnt_status *st) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = vnt__utf8_decode(s + i, len - i, &cp);
    if (n < 0) { st->offset = i; return VNT_EUTF8; }
    unsigned char b[3];
    size_t nb = 0;
    char base;
    int upper, q, t;
    if (cp < 0x80) {
      b[nb++] = (unsigned char)cp;
    } else if (viet_parts(cp, &base, &upper, &q, &t) && (base == 'D' || strchr("aeiouy", base))) {
      /* (a mark on a consonant, ṭ, is no Vietnamese letter: VNI cannot write it) */
      unsigned char lo = upper ? 0 : 0x20;
      if (base == 'D') {
        b[nb++] = (unsigned char)(0xD1 + lo);
      } else {
        const vsingle *one = NULL;   /* ơ ư, toned i, ỵ: one byte */
        for (const vsingle *v = vni_single; v->b; v++)
          if (v->base == base && ((v->q && v->q == q) || (!v->q && v->t && v->t == t && q == 0))) one = v;
        if (one && one->q) {
          b[nb++] = (unsigned char)(one->b + lo);   /* ơ, ư, then the tone */
          q = 0;
        } else if (one) {
          b[nb++] = (unsigned char)(one->b + lo);
          q = t = 0;
        } else {
          b[nb++] = (unsigned char)(upper ? base - 32 : base);
        }
        if (q || t) {
          for (const vmark *m = vni_marks; m->b; m++)
            if (m->q == q && m->t == t) { b[nb++] = (unsigned char)(m->b + lo); break; }
        }
      }
    } else {
      int found = 0;   /* Windows-1252 punctuation */
      for (int k = 0; k < 32; k++)
        if (cp1252_hi[k] == cp) { b[nb++] = (unsigned char)(0x80 + k); found = 1; break; }
      if (!found && cp >= 0xA0 && cp <= 0xBF) { b[nb++] = (unsigned char)cp; found = 1; }
      if (!found) { st->offset = i; return VNT_EINVAL; }   /* no VNI form */
    }
    if (vnt_buf_append(out, b, nb) != VNT_OK) return VNT_ENOMEM;
    i += (size_t)n;
  }
  return VNT_OK;
}

/* ---- VIQR ----------------------------------------------------------------------------- */

static int viqr_quality(char c) { return c == '(' ? 1 : c == '^' ? 2 : c == '+' ? 3 : 0; }
static int viqr_tone(char c) { return c == '`' ? 1 : c == '\'' ? 2 : c == '~' ? 3 : c == '?' ? 4 : c == '.' ? 5 : 0; }

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static int viqr_decode(const unsigned char *s, size_t len, vnt_buf *out) {
  int toned = 0;   /* the syllable so far has a tone: the next . or ? is punctuation */
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    if (!is_alpha(c)) toned = 0;
    if (c == '\\' && i + 1 < len && (viqr_quality((char)s[i + 1]) || viqr_tone((char)s[i + 1]) || s[i + 1] == '\\')) {
      if (vnt_buf_append(out, s + i + 1, 1) != VNT_OK) return VNT_ENOMEM;   /* an escaped mark */
      i += 2;
      continue;
    }
    if ((c == 'd' || c == 'D') && i + 1 < len && (s[i + 1] | 0x20) == 'd') {
      if (put_cp(out, c == 'D' ? 0x110 : 0x111) != VNT_OK) return VNT_ENOMEM;
      i += 2;
      continue;
    }
    if (c < 0x80 && strchr("aeiouyAEIOUY", c) && c) {
      char base = (char)(c | 0x20);
      int upper = c < 'a', q = 0, t = 0;
      size_t j = i + 1;
      if (j < len && viqr_quality((char)s[j])) {
        int qq = viqr_quality((char)s[j]);
        /* ( only on a, ^ on a e o, + on o u */
        if ((qq == 1 && base == 'a') || (qq == 2 && strchr("aeo", base)) || (qq == 3 && strchr("ou", base))) { q = qq; j++; }
      }
      if (j < len && viqr_tone((char)s[j]) && !toned) {
        /* a tone mark, as RFC 1456 reads it; a second one in a syllable
         * cannot be ("No^.i." is Nội and a full stop) */
        t = viqr_tone((char)s[j]);
        j++;
        toned = 1;
      }
      int32_t cp = viet_vowel(base, upper, q, t);
      if (cp == 0) { cp = c; j = i + 1; }
      if (put_cp(out, cp) != VNT_OK) return VNT_ENOMEM;
      i = j;
      continue;
    }
    if (vnt_buf_append(out, s + i, 1) != VNT_OK) return VNT_ENOMEM;
    i++;
  }
  return VNT_OK;
}

static int viqr_encode(const char *str, size_t len, vnt_buf *out, vnt_status *st) {
  const unsigned char *s = (const unsigned char *)str;
  static const char qch[] = {0, '(', '^', '+'};
  static const char tch[] = {0, '`', '\'', '~', '?', '.'};
  int after_vowel = 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = vnt__utf8_decode(s + i, len - i, &cp);
    if (n < 0) { st->offset = i; return VNT_EUTF8; }
    char buf[4];
    size_t nb = 0;
    char base;
    int upper, q, t, vowel = 0;
    if (cp < 0x80) {
      /* a mark character right after a vowel would be read as a mark: escape it */
      if (after_vowel && (viqr_quality((char)cp) || viqr_tone((char)cp) || cp == '\\')) buf[nb++] = '\\';
      buf[nb++] = (char)cp;
      vowel = strchr("aeiouyAEIOUY", (int)cp) != NULL && cp;
      /* a d before d would read as đ */
      if ((cp | 0x20) == 'd' && i + 1 < len && (s[i + 1] | 0x20) == 'd') { buf[nb++] = '\\'; }
    } else if (viet_parts(cp, &base, &upper, &q, &t) && (base == 'D' || strchr("aeiouy", base))) {
      if (base == 'D') { buf[nb++] = upper ? 'D' : 'd'; buf[nb++] = upper ? 'D' : 'd'; }
      else {
        buf[nb++] = (char)(upper ? base - 32 : base);
        if (q) buf[nb++] = qch[q];
        if (t) buf[nb++] = tch[t];
        vowel = 1;
      }
    } else {
      st->offset = i;
      return VNT_EINVAL;   /* VIQR is ASCII: no form for this character */
    }
    if (vnt_buf_append(out, buf, nb) != VNT_OK) return VNT_ENOMEM;
    after_vowel = vowel;
    i += (size_t)n;
  }
  return VNT_OK;
}

/* ---- the public entry points -------------------------------------------------------- */

int vnt_decode(const char *s, size_t len, int enc, vnt_buf *out, vnt_status *st) {
  vnt_status dummy;
  if (st == NULL) st = &dummy;
  st->offset = 0;
  st->repairs = 0;
  size_t len0 = out->len;
  vnt_buf tmp = VNT_BUF_INIT;
  int rc;
  switch (enc) {
    case VNT_ENC_UTF8:
      if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; len -= 3; }   /* a BOM */
      rc = vnt_utf8_validate(s, len, &st->offset) == VNT_OK ? vnt_buf_append(&tmp, s, len) : VNT_EUTF8;
      break;
    case VNT_ENC_UTF16LE: case VNT_ENC_UTF16BE: {
      const unsigned char *u = (const unsigned char *)s;
      if (len >= 2 && ((enc == VNT_ENC_UTF16LE && u[0] == 0xFF && u[1] == 0xFE) ||
                       (enc == VNT_ENC_UTF16BE && u[0] == 0xFE && u[1] == 0xFF))) { s += 2; len -= 2; }
      rc = run_iconv(iconv_name(enc), "UTF-8", s, len, &tmp, st);
      break;
    }
    case VNT_ENC_CP1258: case VNT_ENC_TCVN3: case VNT_ENC_VISCII:
      rc = run_iconv(iconv_name(enc), "UTF-8", s, len, &tmp, st);
      break;
    case VNT_ENC_VNI:
      rc = vni_decode((const unsigned char *)s, len, &tmp, st);
      break;
    case VNT_ENC_VIQR:
      rc = viqr_decode((const unsigned char *)s, len, &tmp);
      break;
    default:
      rc = VNT_EINVAL;
  }
  if (rc == VNT_OK) {
    vnt_norm_opts o = VNT_NORM_OPTS_INIT;   /* NFC: CP1258 and TCVN3 may carry combining tones */
    vnt_status st2;
    rc = vnt_normalize(tmp.data ? tmp.data : "", tmp.len, &o, out, &st2);
    if (rc == VNT_SAME) rc = vnt_buf_append(out, tmp.data, tmp.len);
    if (rc > 0) rc = VNT_OK;
  }
  vnt_buf_free(&tmp);
  if (rc < 0) out->len = len0;
  return rc;
}

int vnt_encode(const char *s, size_t len, int enc, vnt_buf *out, vnt_status *st) {
  vnt_status dummy;
  if (st == NULL) st = &dummy;
  st->offset = 0;
  st->repairs = 0;
  size_t len0 = out->len;
  /* the legacy encodings want the precomposed letters */
  vnt_buf nfc = VNT_BUF_INIT;
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  int rc = vnt_normalize(s, len, &o, &nfc, st);
  const char *t = rc == VNT_SAME ? s : nfc.data;
  size_t tlen = rc == VNT_SAME ? len : nfc.len;
  if (rc >= 0) {
    switch (enc) {
      case VNT_ENC_UTF8: rc = vnt_buf_append(out, t, tlen); break;
      case VNT_ENC_VNI: rc = vni_encode(t, tlen, out, st); break;
      case VNT_ENC_VIQR: rc = viqr_encode(t, tlen, out, st); break;
      default:
        if (iconv_name(enc) == NULL) { rc = VNT_EINVAL; break; }
        rc = run_iconv("UTF-8", iconv_name(enc), t, tlen, out, st);
        if (rc == VNT_EUTF8) rc = VNT_EINVAL;   /* a character the encoding lacks */
    }
  }
  vnt_buf_free(&nfc);
  if (rc < 0) out->len = len0;
  return rc;
}

/* ---- detection --------------------------------------------------------------------- */

/* How Vietnamese does s look: syllables that pass vnt_syllable_valid and
 * carry a diacritic, per 1000 words (words of ASCII only do not count). */
static int viet_score(const char *s, size_t len) {
  vnt_span t;
  size_t pos = 0, words = 0, good = 0;
  while (vnt_token_next(s, len, pos, &t)) {
    pos = t.end;
    if (t.kind != VNT_TOK_WORD) continue;
    words++;
    int ascii = 1;
    for (size_t k = t.start; k < t.end; k++) if ((unsigned char)s[k] >= 0x80) { ascii = 0; break; }
    if (!ascii && vnt_syllable_valid(s + t.start, t.end - t.start)) good++;
  }
  return words ? (int)(good * 1000 / words) : 0;
}

int vnt_detect(const char *s, size_t len, int *confidence) {
  const unsigned char *u = (const unsigned char *)s;
  int conf = 0;
  if (confidence == NULL) confidence = &conf;
  size_t n = len < (1u << 16) ? len : (1u << 16);   /* a sample is enough */
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) { *confidence = 100; return VNT_ENC_UTF8; }
  if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) { *confidence = 100; return VNT_ENC_UTF16LE; }
  if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) { *confidence = 100; return VNT_ENC_UTF16BE; }
  /* NUL bytes: UTF-16 (at every other place) or binary */
  size_t nul_even = 0, nul_odd = 0, ctrl = 0;
  for (size_t i = 0; i < n; i++) {
    if (u[i] == 0) { if (i & 1) nul_odd++; else nul_even++; }
    else if (u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' && u[i] != '\t' && u[i] != '\f') ctrl++;
  }
  if (nul_even + nul_odd > 0) {
    /* UTF-16 without a BOM: NULs on one side only, and the sample decodes */
    int guess = VNT_ENC_UNKNOWN;
    if (n >= 8 && nul_odd * 10 > n * 3 && nul_even * 50 < n) guess = VNT_ENC_UTF16LE;
    if (n >= 8 && nul_even * 10 > n * 3 && nul_odd * 50 < n) guess = VNT_ENC_UTF16BE;
    if (guess != VNT_ENC_UNKNOWN) {
      vnt_buf b = VNT_BUF_INIT;
      vnt_status st;
      size_t m = n & ~(size_t)3;   /* whole code units, and pairs of them */
      int ok = run_iconv(iconv_name(guess), "UTF-8", s, m, &b, &st) == VNT_OK;
      vnt_buf_free(&b);
      if (ok) { *confidence = 80; return guess; }
    }
    *confidence = 100;
    return VNT_ENC_BINARY;
  }
  if (ctrl * 20 > n) { *confidence = 90; return VNT_ENC_BINARY; }
  /* valid UTF-8 with a cut allowed at the end of the sample */
  size_t off = 0;
  int valid = vnt_utf8_validate(s, n, &off) == VNT_OK || (n < len && n - off < 4);
  int high = 0;
  for (size_t i = 0; i < n && !high; i++) high = u[i] >= 0x80;
  if (valid && high) { *confidence = 100; return VNT_ENC_UTF8; }
  if (valid) {   /* ASCII: plain, or VIQR */
    vnt_buf b = VNT_BUF_INIT;
    int sc = viqr_decode(u, n, &b) == VNT_OK ? viet_score(b.data ? b.data : "", b.len) : 0;
    vnt_buf_free(&b);
    if (sc >= 300) { *confidence = sc >= 500 ? 90 : 60; return VNT_ENC_VIQR; }
    *confidence = 100;
    return VNT_ENC_UTF8;
  }
  /* mostly UTF-8 with a few broken bytes is UTF-8 that the reader reports
   * with the place of the damage, not a legacy encoding */
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) { i++; continue; }
    int32_t cp;
    int k = vnt__utf8_decode(u + i, n - i, &cp);
    if (k > 0) { good++; i += (size_t)k; } else { bad++; i += (size_t)-k; }
  }
  if (good >= bad && good > 0) { *confidence = good >= 4 * bad ? 70 : 50; return VNT_ENC_UTF8; }
  /* 8-bit: try each legacy encoding on the sample */
  static const int cands[] = {VNT_ENC_CP1258, VNT_ENC_TCVN3, VNT_ENC_VNI, VNT_ENC_VISCII};
  int best = VNT_ENC_UNKNOWN, best_sc = -1, second = -1;
  for (size_t k = 0; k < sizeof cands / sizeof cands[0]; k++) {
    vnt_buf b = VNT_BUF_INIT;
    vnt_status st;
    /* cut the sample at a line end so no sequence is split */
    size_t m = n;
    if (n < len) while (m > 0 && u[m - 1] != '\n') m--;
    if (m == 0) m = n;
    int sc = vnt_decode(s, m, cands[k], &b, &st) == VNT_OK ? viet_score(b.data ? b.data : "", b.len) : -1;
    vnt_buf_free(&b);
    if (sc > best_sc) { second = best_sc; best_sc = sc; best = cands[k]; }
    else if (sc > second) second = sc;
  }
  if (best_sc < 100) { *confidence = 0; return VNT_ENC_UNKNOWN; }
  *confidence = best_sc - (second > 0 ? second : 0) >= 200 ? 90 : best_sc - second >= 50 ? 60 : 30;
  return best;
}

/* viet.c -- the transforms of vnt_normalize beyond the Unicode forms:
 * Vietnamese tone-mark placement, case, diacritic removal, spaces and
 * punctuation.  Input is valid UTF-8 (the form pass checked it).
 *
 * Text is cut into words: maximal runs of letters and combining marks.  A word
 * that is pure ASCII needs at most a case change.  Any other word is taken
 * apart into canonically decomposed code points, changed there, and put back
 * together (composed); a word that no option changed is copied as it came. */
#include <string.h>
#include <utf8proc.h>

#include "vnt.h"
#include "vnt_internal.h"
#include "viettable.h"   /* generated: viet_letter, viet_compose */

int vnt__needs_transform(const vnt_norm_opts *o) {
  return o->tones != VNT_TONES_KEEP || o->casing != VNT_CASE_KEEP ||
         (o->flags & (VNT_STRIP | VNT_SPACE | VNT_PUNCT)) != 0;
}

/* ---- Vietnamese tone placement ------------------------------------------ */

enum { Q_NONE, Q_BREVE, Q_CIRC, Q_HORN };

#define MAXLETTERS 10

typedef struct letter {
  int32_t base;     /* as written (case kept) */
  int q;            /* vowel quality mark: breve, circumflex, horn */
  int32_t tone;     /* the tone mark's code point, or 0 */
  char key;         /* lower-case letter; vowels with a quality as digits */
} letter;

static int is_vowel_key(char k) {
  switch (k) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case '1': case '2': case '3': case '4': case '5': case '6': return 1;
    default: return 0;
  }
}

/* Vowel clusters of Vietnamese, keys as built by letter_key: 1 = ă, 2 = â,
 * 3 = ê, 4 = ô, 5 = ơ, 6 = ư. */
static const char *const nuclei[] = {
  "a", "1", "2", "e", "3", "i", "o", "4", "5", "u", "6", "y",
  "ai", "ao", "au", "ay", "2u", "2y", "eo", "3u", "ia", "i3", "iu", "oa", "o1",
  "oe", "oi", "oo", "4i", "5i", "5u", "ua", "u2", "u3", "ui", "u4", "u5", "uy",
  "6a", "6i", "6u", "65", "y3",
  "oai", "oay", "oao", "oeo", "u2y", "u4i", "65i", "65u", "uy3", "uya", "uyu",
  "i3u", "y3u", NULL
};

static const char *const onsets[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "#", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", NULL
};

static const char *const codas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL};

static int in_list(const char *const *list, const char *s, size_t n) {
  for (int i = 0; list[i]; i++) {   /* short strings: compare by hand, no strlen */
    const char *e = list[i];
    size_t k = 0;
    while (k < n && e[k] == s[k]) k++;
    if (k == n && e[k] == '\0') return 1;
  }
  return 0;
}

static char letter_key(int32_t lower, int q) {
  if (lower == 0x111) return q ? 0 : '#';   /* đ */
  if (lower < 'a' || lower > 'z') return 0;
  switch (q) {
    case Q_NONE: return (char)lower;
    case Q_BREVE: return lower == 'a' ? '1' : 0;
    case Q_CIRC: return lower == 'a' ? '2' : lower == 'e' ? '3' : lower == 'o' ? '4' : 0;
    case Q_HORN: return lower == 'o' ? '5' : lower == 'u' ? '6' : 0;
  }
  return 0;
}

static int is_tone_mark(int32_t cp) {
  return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 || cp == 0x323;
}

/* Where the tone goes in a nucleus of n vowels (keys k), given whether a
 * coda follows.  Both conventions agree except on open oa, oe, uy. */
static size_t tone_slot(const char *k, size_t n, int has_coda, vnt_tones style) {
  for (size_t i = n; i-- > 0;)   /* a vowel with a quality mark carries it: người, chuyển */
    if (k[i] >= '1' && k[i] <= '6') return i;
  if (n == 1) return 0;
  if (n == 3) return 1;          /* ngoài, xoáy, khuỷu */
  if (has_coda) return 1;        /* hoàn, huỳnh */
  if (style == VNT_TONES_NEW &&
      ((k[0] == 'o' && (k[1] == 'a' || k[1] == 'e')) || (k[0] == 'u' && k[1] == 'y')))
    return 1;                    /* hoà, khoẻ, thuỷ */
  return 0;                      /* hòa, khỏe, thủy; mùa, tài, lửa */
}

/* A syllable taken apart: letters, their keys, the tone's place, and the
 * spans of onset [0, on), nucleus [on, nu) and coda [nu, nl). */
typedef struct syllable {
  letter L[MAXLETTERS];
  char key[MAXLETTERS + 1];
  size_t nl, tone_at, on, nu;   /* tone_at == nl: no tone mark */
} syllable;

/* Parse the letters y->L[0..y->nl) as a Vietnamese syllable.  Returns 1
 * when it is one by the lists of onsets, nuclei and codas. */
static int parse_letters(syllable *y) {
  letter *L = y->L;
  size_t nl = y->nl;
  char *key = y->key;
  size_t tone_at = nl;
  for (size_t i = 0; i < nl; i++) {
    key[i] = letter_key(L[i].base < 0x80 ? (L[i].base | 0x20) : utf8proc_tolower(L[i].base), L[i].q);
    if (key[i] == 0) return 0;
    if (L[i].tone) {
      if (tone_at != nl) return 0;   /* two tones: not ours to fix */
      tone_at = i;
    }
  }
  key[nl] = '\0';
  if (tone_at != nl && !is_vowel_key(key[tone_at])) return 0;

  /* onset; "qu" and "gi" count as consonants when a vowel follows, so the
   * mark stays on the next vowel: quả, giữa (but gì, gìn) */
  size_t on = 0;
  for (int i = 0; onsets[i]; i++) {
    const char *e = onsets[i];
    size_t m = 0;
    while (e[m] && m < nl && e[m] == key[m]) m++;
    if (e[m] != '\0') continue;   /* not a prefix of the key */
    if (((e[0] == 'g' && e[1] == 'i') || (e[0] == 'q' && e[1] == 'u')) && e[2] == '\0' &&
        !(m < nl && is_vowel_key(key[m])))
      continue;
    on = m;
    break;
  }
  size_t nu = on;
  while (nu < nl && is_vowel_key(key[nu])) nu++;
  if (nu == on || !in_list(nuclei, key + on, nu - on) || !in_list(codas, key + nu, nl - nu))
    return 0;
  y->tone_at = tone_at;
  y->on = on;
  y->nu = nu;
  return 1;
}

/* Parse the decomposed code points of one word as a Vietnamese syllable. */
static int parse_syllable(const vnt_cps *c, syllable *y) {
  letter *L = y->L;
  size_t nl = 0;
  for (size_t i = 0; i < c->n; i++) {
    int32_t cp = c->cp[i];
    if (cp == 0x306 || cp == 0x302 || cp == 0x31B) {
      if (nl == 0 || L[nl - 1].q) return 0;
      L[nl - 1].q = cp == 0x306 ? Q_BREVE : cp == 0x302 ? Q_CIRC : Q_HORN;
    } else if (is_tone_mark(cp)) {
      if (nl == 0 || L[nl - 1].tone) return 0;
      L[nl - 1].tone = cp;
    } else {
      if (utf8proc_get_property(cp)->combining_class != 0) return 0;  /* some other mark */
      if (nl == MAXLETTERS) return 0;
      L[nl].base = cp;
      L[nl].q = Q_NONE;
      L[nl].tone = 0;
      nl++;
    }
  }
  y->nl = nl;
  return parse_letters(y);
}

/* The tone marks in the order of the generated tables (1..5). */
static const int32_t tone_cp[6] = {0, 0x300, 0x301, 0x303, 0x309, 0x323};

unsigned vnt__viet_letter(int32_t cp) {
  return cp >= 0xC0 && cp <= 0x1EF9 ? viet_letter[cp - 0xC0] : 0;
}

int32_t vnt__viet_compose(int vowel, int upper, int q, int t) {
  if (vowel < 0 || vowel > 5 || q < 0 || q > 3 || t < 0 || t > 5) return 0;
  return viet_compose[((upper * 6 + vowel) * 4 + q) * 6 + t];
}

int vnt__syllable_key(const char *str, size_t n, vnt_buf *out) {
  const unsigned char *s = (const unsigned char *)str;
  syllable y;
  size_t nl = 0;
  int tones[MAXLETTERS];
  for (size_t i = 0; i < n;) {   /* letters from ASCII and precomposed Vietnamese only */
    unsigned c = s[i];
    int32_t cp;
    int k;
    if (c < 0x80) { cp = (int32_t)c; k = 1; }
    else if ((k = vnt__utf8_decode(s + i, n - i, &cp)) < 0) return VNT_EINVAL;
    if (nl == MAXLETTERS) return VNT_EINVAL;
    letter *L = &y.L[nl];
    if (cp < 0x80) {
      if (!((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) return VNT_EINVAL;
      L->base = cp | 0x20;
      L->q = Q_NONE;
      L->tone = 0;
      tones[nl] = 0;
    } else {
      unsigned v = cp >= 0xC0 && cp <= 0x1EF9 ? viet_letter[cp - 0xC0] : 0;
      if (v == 0) return VNT_EINVAL;
      int b = (v >> 8) & 0x7F;
      L->base = b == '#' ? 0x111 : b;
      L->q = (int)((v >> 4) & 0xF);
      tones[nl] = (int)(v & 0xF);
      L->tone = tone_cp[tones[nl]];
    }
    nl++;
    i += (size_t)k;
  }
  y.nl = nl;
  /* only a tone with a vowel after it can be misplaced for the new style */
  size_t t = 0;
  while (t < nl && tones[t] == 0) t++;
  int vowel_after = 0;
  for (size_t k = t + 1; k < nl && !vowel_after; k++) {
    int32_t b = y.L[k].base;
    vowel_after = b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y';
  }
  if (vowel_after && parse_letters(&y) && y.tone_at < nl) {
    size_t target = y.on + tone_slot(y.key + y.on, y.nu - y.on, y.nu < nl, VNT_TONES_NEW);
    if (target != y.tone_at) {
      tones[target] = tones[y.tone_at];
      tones[y.tone_at] = 0;
    }
  }
  if (vnt_buf_reserve(out, nl * 3) != VNT_OK) return VNT_ENOMEM;
  for (size_t i = 0; i < nl; i++) {
    int32_t b = y.L[i].base, cp = b;
    if (b != 0x111 && (y.L[i].q || tones[i])) {
      static const char vowels[] = "aeiouy";
      const char *vp = strchr(vowels, (int)b);
      if (vp == NULL) return VNT_EINVAL;
      cp = viet_compose[((vp - vowels) * 4 + y.L[i].q) * 6 + tones[i]];
      if (cp == 0) return VNT_EINVAL;
    }
    out->len += (size_t)vnt_utf8_encode(cp, out->data + out->len);
  }
  return VNT_OK;
}

/* Move the tone mark of the decomposed syllable in c to where `style` puts
 * it.  Returns 1 if it moved, 0 if not (already there, no tone, or not a
 * Vietnamese syllable: foreign words are never touched). */
static int place_tone(vnt_cps *c, vnt_tones style) {
  syllable y;
  if (!parse_syllable(c, &y) || y.tone_at == y.nl) return 0;
  letter *L = y.L;
  size_t target = y.on + tone_slot(y.key + y.on, y.nu - y.on, y.nu < y.nl, style);
  if (target == y.tone_at) return 0;
  L[target].tone = L[y.tone_at].tone;
  L[y.tone_at].tone = 0;
  c->n = 0;   /* rebuild: at most 3 code points a letter, within the old size */
  for (size_t i = 0; i < y.nl; i++) {
    c->cp[c->n++] = L[i].base;
    if (L[i].q) c->cp[c->n++] = L[i].q == Q_BREVE ? 0x306 : L[i].q == Q_CIRC ? 0x302 : 0x31B;
    if (L[i].tone) c->cp[c->n++] = L[i].tone;
  }
  return 1;
}

/* Nuclei that end in a glide (ai, ao, iêu, ...) or that only stand open
 * (ia, ua, ưa) take no coda; iê, yê, uô, ươ, oă, uâ, uyê need one. */
static const char *const open_only[] = {
  "ai", "ao", "au", "ay", "2u", "2y", "eo", "3u", "ia", "iu", "oi", "4i", "5i", "5u", "ua", "ui",
  "6a", "6i", "6u", "oai", "oay", "oao", "oeo", "u2y", "u4i", "65i", "65u", "uya", "uyu", "i3u", "y3u", NULL
};
static const char *const need_coda[] = {"i3", "y3", "u4", "65", "uy3", "o1", "u2", NULL};

int vnt_syllable_valid(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  if (len == 0 || len > 64) return 0;
  vnt_cps c;
  vnt__cps_init(&c);
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = vnt__utf8_decode(s + i, len - i, &cp);
    if (n < 0 || vnt__cps_decompose(&c, cp, 0) != VNT_OK) { vnt__cps_free(&c); return 0; }
    i += (size_t)n;
  }
  int ok = vnt__cps_order(&c) == VNT_OK;
  syllable y;
  ok = ok && parse_syllable(&c, &y);
  vnt__cps_free(&c);
  if (!ok) return 0;
  const char *nuc = y.key + y.on, *coda = y.key + y.nu;
  size_t nn = y.nu - y.on, nc = y.nl - y.nu;
  char first = nuc[0];
  int front = first == 'i' || first == 'e' || first == '3' || first == 'y';
  /* k, gh, ngh before front vowels only; c, g, ng never before them */
  if (y.on > 0) {
    char o0 = y.key[0];
    size_t on = y.on;
    if ((on == 1 && o0 == 'k') || (on == 2 && memcmp(y.key, "gh", 2) == 0) || (on == 3 && memcmp(y.key, "ngh", 3) == 0)) {
      if (!front) return 0;
    } else if ((on == 1 && (o0 == 'c' || o0 == 'g')) || (on == 2 && memcmp(y.key, "ng", 2) == 0)) {
      if (front && !(o0 == 'g' && on == 1 && first == 'i')) return 0;   /* gì, gìn */
    }
  }
  if (nc > 0 && in_list(open_only, nuc, nn)) return 0;
  if (nc == 0 && in_list(need_coda, nuc, nn)) return 0;
  if ((nuc[0] == 'y' && nn > 1) && y.on > 0 && !(y.on == 2 && y.key[0] == 'q')) return 0;   /* yê only alone: yến, quyết */
  if (nc > 0 && (coda[0] == 'c' || coda[0] == 'p' || coda[0] == 't')) {
    /* a stop at the end takes only the sắc or nặng tone: học, hát; never hat */
    int32_t t = y.tone_at < y.nl ? y.L[y.tone_at].tone : 0;
    if (t != 0x301 && t != 0x323) return 0;
  }
  if (nc == 2 && (memcmp(coda, "ch", 2) == 0 || memcmp(coda, "nh", 2) == 0)) {
    char v = nuc[nn - 1];   /* anh, ách, ênh, ích, uynh: after a, ê, i, y only */
    if (v != 'a' && v != '3' && v != 'i' && v != 'y') return 0;
  }
  return 1;
}

/* ---- case and diacritics ------------------------------------------------- */

static int is_diacritic(int32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* Apply case and diacritic options to c in place (fold may lengthen it:
 * ß -> ss).  Returns 1 if anything changed, or VNT_ENOMEM. */
static int map_cps(vnt_cps *c, const vnt_norm_opts *o, vnt_cps *tmp) {
  int changed = 0;
  if (o->casing == VNT_CASE_FOLD) {
    tmp->n = 0;
    for (size_t i = 0; i < c->n; i++) {
      int bc = 0;
      for (;;) {
        utf8proc_ssize_t room = (utf8proc_ssize_t)(tmp->cap - tmp->n);
        utf8proc_ssize_t k = utf8proc_decompose_char(c->cp[i], tmp->cp + tmp->n, room,
                                                     UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE, &bc);
        if (k < 0) return VNT_EINVAL;
        if (k <= room) { tmp->n += (size_t)k; break; }
        if (vnt__cps_reserve(tmp, (size_t)k) != VNT_OK) return VNT_ENOMEM;
      }
    }
    if (tmp->n != c->n || memcmp(tmp->cp, c->cp, c->n * sizeof *c->cp) != 0) {
      changed = 1;
      c->n = 0;
      if (vnt__cps_reserve(c, tmp->n) != VNT_OK) return VNT_ENOMEM;
      memcpy(c->cp, tmp->cp, tmp->n * sizeof *c->cp);
      c->n = tmp->n;
    }
  } else if (o->casing != VNT_CASE_KEEP) {
    for (size_t i = 0; i < c->n; i++) {
      int32_t m = o->casing == VNT_CASE_LOWER ? utf8proc_tolower(c->cp[i]) : utf8proc_toupper(c->cp[i]);
      if (m != c->cp[i]) { c->cp[i] = m; changed = 1; }
    }
  }
  if (o->flags & VNT_STRIP) {
    size_t w = 0;
    for (size_t i = 0; i < c->n; i++) {
      int32_t cp = c->cp[i];
      if (is_diacritic(cp)) { changed = 1; continue; }
      if (cp == 0x111 || cp == 0x110) { cp = cp == 0x111 ? 'd' : 'D'; changed = 1; }   /* đ Đ */
      c->cp[w++] = cp;
    }
    c->n = w;
  }
  return changed;
}

/* ---- spaces and punctuation ----------------------------------------------- */

static int is_blank(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' ||
         (cp > 0x7F && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
}

static int is_zero_width(int32_t cp) {
  return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

static const char *punct_map(int32_t cp) {
  switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2033:
      return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    default:
      return NULL;
  }
}

/* ---- the pass --------------------------------------------------------------- */

typedef struct state {
  const vnt_norm_opts *o;
  vnt_buf *out;
  int pending_space, line_start;
  vnt_cps c, tmp;
} state;

static int emit(state *S, const void *p, size_t n) {
  if (S->o->flags & VNT_SPACE) {
    if (S->pending_space && !S->line_start && vnt_buf_append(S->out, " ", 1) != VNT_OK)
      return VNT_ENOMEM;
    S->pending_space = 0;
    S->line_start = 0;
  }
  return vnt_buf_append(S->out, p, n);
}

static int is_word_cp(int32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  int cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

/* An ASCII byte in upper (or lower) case. */
static inline unsigned char ascii_case(unsigned ch, int upper) {
  return (unsigned char)(upper ? (ch >= 'a' && ch <= 'z' ? ch - 32 : ch) : (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
}

static int word(state *S, const unsigned char *w, size_t n) {
  const vnt_norm_opts *o = S->o;
  if ((o->casing == VNT_CASE_LOWER || o->casing == VNT_CASE_UPPER) && o->tones == VNT_TONES_KEEP &&
      !(o->flags & VNT_STRIP) && n <= 256) {
    /* case alone, on ASCII and precomposed Vietnamese letters: byte for byte */
    unsigned char tmp[256];
    int upper = o->casing == VNT_CASE_UPPER;
    size_t i = 0;
    while (i < n) {
      unsigned ch = w[i];
      if (ch < 0x80) {
        tmp[i] = ascii_case(ch, upper);
        i++;
        continue;
      }
      size_t k = vnt__viet_case(w + i, n - i, upper, tmp + i);
      if (k == 0) break;
      i += k;
    }
    if (i == n) return emit(S, (const char *)tmp, n);
  }
  int ascii = 1;
  for (size_t i = 0; i < n; i++) if (w[i] >= 0x80) { ascii = 0; break; }
  if (ascii) {
    if (o->casing == VNT_CASE_KEEP) return emit(S, w, n);
    char tmp[256];
    while (n > 0) {
      size_t k = n < sizeof tmp ? n : sizeof tmp;
      for (size_t i = 0; i < k; i++) {
        unsigned char ch = w[i];
        tmp[i] = (char)ascii_case(ch, o->casing == VNT_CASE_UPPER);
      }
      if (emit(S, tmp, k) != VNT_OK) return VNT_ENOMEM;
      w += k;
      n -= k;
    }
    return VNT_OK;
  }
  vnt_cps *c = &S->c;
  c->n = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += (size_t)vnt__utf8_decode(w + i, n - i, &cp);
    int rc = vnt__cps_decompose(c, cp, 0);
    if (rc != VNT_OK) return rc;
  }
  if (vnt__cps_order(c) != VNT_OK) return VNT_ENOMEM;
  /* case and diacritics first, then the tone: a letter that becomes a
   * Vietnamese one only in the other case (dotless ı -> I) must have its
   * tone placed too, or normalizing twice would differ from once */
  int changed = map_cps(c, o, &S->tmp);
  if (changed < 0) return changed;
  if (o->tones != VNT_TONES_KEEP) {
    if (changed && vnt__cps_order(c) != VNT_OK) return VNT_ENOMEM;
    changed |= place_tone(c, o->tones);
  }
  if (!changed) return emit(S, w, n);
  if (c->n == 0) return VNT_OK;   /* all stripped (a lone mark): no word, so no space before it either */
  if (vnt__cps_order(c) != VNT_OK) return VNT_ENOMEM;
  vnt__cps_compose(c);
  if (emit(S, "", 0) != VNT_OK) return VNT_ENOMEM;   /* flush a pending space */
  return vnt__cps_encode(c, S->out);
}

static int other(state *S, int32_t cp, const unsigned char *p, size_t n) {
  const vnt_norm_opts *o = S->o;
  if (o->flags & VNT_SPACE) {
    if (is_blank(cp)) { S->pending_space = 1; return VNT_OK; }
    if (is_zero_width(cp)) return VNT_OK;
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
      S->pending_space = 0;
      S->line_start = 1;
      return vnt_buf_append(S->out, p, n);
    }
  }
  if (o->flags & VNT_PUNCT) {
    const char *r = punct_map(cp);
    if (r) return emit(S, r, strlen(r));
  }
  if (cp >= 0x80 && o->casing != VNT_CASE_KEEP) {   /* Roman numerals, circled letters */
    S->c.n = 0;
    S->c.cp[S->c.n++] = cp;
    int rc = map_cps(&S->c, o, &S->tmp);
    if (rc < 0) return rc;
    if (rc) {
      if (S->c.n == 0) return VNT_OK;   /* mapped to nothing: no space flushed for it */
      if (emit(S, "", 0) != VNT_OK) return VNT_ENOMEM;
      return vnt__cps_encode(&S->c, S->out);
    }
  }
  return emit(S, p, n);
}

static int transform_core(const char *str, size_t len, const vnt_norm_opts *o, vnt_buf *out);

/* The bytes of the zero-width characters --space drops (is_zero_width):
 * U+00AD, U+200B, U+2060, U+FEFF; their length at s[i], or 0. */
static size_t zero_width_at(const unsigned char *s, size_t len, size_t i) {
  if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xAD) return 2;
  if (i + 2 < len && ((s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x8B) ||
                      (s[i] == 0xE2 && s[i + 1] == 0x81 && s[i + 2] == 0xA0) ||
                      (s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF)))
    return 3;
  return 0;
}

int vnt__transform(const char *str, size_t len, const vnt_norm_opts *o, vnt_buf *out) {
  if (o->flags & VNT_SPACE) {
    /* the zero-width characters go first, so the words are the ones the
     * output will hold: "g<SHY>ịe" is the word "gịe", its tone placed as
     * in "gịe" (normalizing twice gives what normalizing once gave) */
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len && !zero_width_at(s, len, i)) i++;
    if (i < len) {
      vnt_buf t = VNT_BUF_INIT;
      int rc = VNT_OK;
      size_t from = 0;
      while (i < len && rc == VNT_OK) {
        size_t z = zero_width_at(s, len, i);
        if (z) {
          rc = vnt_buf_append(&t, str + from, i - from);
          i += z;
          from = i;
        } else {
          i++;
        }
      }
      if (rc == VNT_OK) rc = vnt_buf_append(&t, str + from, len - from);
      if (rc == VNT_OK) {
        rc = transform_core(t.data ? t.data : "", t.len, o, out);
        if (rc == VNT_SAME) rc = VNT_OK;   /* the same as without them: still not the input */
      }
      vnt_buf_free(&t);
      return rc;
    }
  }
  return transform_core(str, len, o, out);
}

static int transform_core(const char *str, size_t len, const vnt_norm_opts *o, vnt_buf *out) {
  const unsigned char *s = (const unsigned char *)str;
  state S;
  S.o = o;
  S.out = out;
  S.pending_space = 0;
  S.line_start = 1;
  vnt__cps_init(&S.c);
  vnt__cps_init(&S.tmp);
  int rc = VNT_OK;
  size_t i = 0;
  while (i < len && rc == VNT_OK) {
    int32_t cp;
    int n = vnt__utf8_decode(s + i, len - i, &cp);
    if (n < 0) { rc = VNT_EUTF8; break; }   /* cannot happen after the form pass */
    if (is_word_cp(cp)) {
      size_t j = i + (size_t)n;
      while (j < len) {
        int32_t cp2;
        int m = vnt__utf8_decode(s + j, len - j, &cp2);
        if (m < 0 || !is_word_cp(cp2)) break;
        j += (size_t)m;
      }
      rc = word(&S, s + i, j - i);
      i = j;
    } else {
      rc = other(&S, cp, s + i, (size_t)n);
      i += (size_t)n;
    }
  }
  vnt__cps_free(&S.c);
  vnt__cps_free(&S.tmp);
  if (rc != VNT_OK) return rc;
  if (out->len == len && (len == 0 || memcmp(out->data, s, len) == 0)) return VNT_SAME;
  return VNT_OK;
}

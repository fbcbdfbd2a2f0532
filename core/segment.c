/* segment.c -- sentences, typed tokens and grapheme clusters.
 *
 * Every function here is an iterator step: given the text and a position it
 * finds the next span and returns its byte offsets into the text (zero-copy).
 * The text must be valid UTF-8 (callers validate once, e.g. with
 * vnt_utf8_validate); an invalid byte is still read safely, as one
 * character of its own. */
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "vnt.h"
#include "vnt_internal.h"

/* ---- characters ------------------------------------------------------------ */

enum { K_SPACE, K_NL, K_LETTER, K_MARK, K_DIGIT, K_PUNCT, K_SYMBOL };

static inline int dec(const unsigned char *s, size_t len, size_t i, int32_t *cp) {
  unsigned c = s[i];
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if (c >= 0xC2 && c < 0xE0 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
    *cp = (int32_t)(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
    return 2;
  }
  if (c >= 0xE1 && c < 0xED && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
    *cp = (int32_t)(((c & 0x0F) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3F));
    return 3;
  }
  int n = vnt__utf8_decode(s + i, len - i, cp);
  if (n < 0) { *cp = 0xFFFD; return -n; }
  return n;
}

/* The code point that ends just before i (i > 0), and where it starts. */
static inline size_t dec_back(const unsigned char *s, size_t i, int32_t *cp) {
  size_t j = i - 1;
  int k = 0;
  while (j > 0 && k < 3 && (s[j] & 0xC0) == 0x80) { j--; k++; }
  int n = vnt__utf8_decode(s + j, i - j, cp);
  if (n < 0 || (size_t)n != i - j) { *cp = 0xFFFD; return i - 1; }
  return j;
}

static const unsigned char ascii_kind[128] = {
  /* controls: \t \v \f \r space-like, \n a line break */
  K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE,
  K_SPACE, K_SPACE, K_NL, K_SPACE, K_SPACE, K_NL, K_SPACE, K_SPACE,
  K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE,
  K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE,
  /*  ! " # $ % & ' ( ) * + , - . / */
  K_SPACE, K_PUNCT, K_PUNCT, K_PUNCT, K_SYMBOL, K_PUNCT, K_PUNCT, K_PUNCT,
  K_PUNCT, K_PUNCT, K_PUNCT, K_SYMBOL, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  /* 0-9 : ; < = > ? */
  K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT,
  K_DIGIT, K_DIGIT, K_PUNCT, K_PUNCT, K_SYMBOL, K_SYMBOL, K_SYMBOL, K_PUNCT,
  /* @ A-Z [ \ ] ^ _ */
  K_PUNCT, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER,
  K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER,
  K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER,
  K_LETTER, K_LETTER, K_LETTER, K_PUNCT, K_PUNCT, K_PUNCT, K_SYMBOL, K_PUNCT,
  /* ` a-z { | } ~ DEL */
  K_SYMBOL, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER,
  K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER,
  K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER, K_LETTER,
  K_LETTER, K_LETTER, K_LETTER, K_PUNCT, K_SYMBOL, K_PUNCT, K_SYMBOL, K_SPACE,
};

static int kind_of(int32_t cp) {
  if (cp < 0x80) return ascii_kind[cp];
  /* the precomposed Vietnamese letters, without a table lookup */
  if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF))
    return K_LETTER;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return K_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return K_MARK;
    case UTF8PROC_CATEGORY_ND:
      return K_DIGIT;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return K_PUNCT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
      return cp == 0x85 ? K_NL : K_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return K_NL;
    default:
      return K_SYMBOL;
  }
}

static int is_lower_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (cp & 1) == 1;
  if (cp >= 0xC0 && cp <= 0xFF) return cp >= 0xDF && cp != 0xF7;
  switch (cp) {
    case 0x102: case 0x110: case 0x128: case 0x168: case 0x1A0: case 0x1AF: return 0;
    case 0x103: case 0x111: case 0x129: case 0x169: case 0x1A1: case 0x1B0: return 1;
    default: break;
  }
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_upper_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  /* the Vietnamese letters without a table lookup */
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (cp & 1) == 0;
  if (cp >= 0xC0 && cp <= 0xFF) return cp <= 0xDE && cp != 0xD7;
  switch (cp) {
    case 0x102: case 0x110: case 0x128: case 0x168: case 0x1A0: case 0x1AF: return 1;
    case 0x103: case 0x111: case 0x129: case 0x169: case 0x1A1: case 0x1B0: return 0;
    default: break;
  }
  int c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* ---- sentences -------------------------------------------------------------- */

/* Abbreviations after which a full stop does not end a sentence, sorted
 * (strcmp order) for binary search.  Vietnamese titles and place words
 * (TP. = thành phố, Q. = quận, TS. = tiến sĩ, ThS. = thạc sĩ, PGS. = phó
 * giáo sư, GS. = giáo sư, BS. = bác sĩ, KS. = kỹ sư, NXB = nhà xuất bản,
 * v.v. = vân vân) and common foreign ones.  Single capital letters (initials)
 * are handled apart. */
static const char *const default_abbrev[] = {
  "BS", "BSCKI", "BSCKII", "CN", "Co", "Corp", "DS", "Dr", "GS", "GSTS", "Inc", "Jr", "KS", "Ltd",
  "Mr", "Mrs", "Ms", "NXB", "Nxb", "PGS", "PGSTS", "PV", "Prof", "Q", "Sr", "St", "TP", "TS",
  "TX", "Th", "ThS", "Ths", "Tp", "No", "e.g", "etc", "i.e", "tp", "tr", "v.v", "vs",
};

static int in_sorted(const char *w, size_t n) {
  size_t lo = 0, hi = sizeof default_abbrev / sizeof default_abbrev[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *a = default_abbrev[mid];
    size_t an = strlen(a);
    int c = memcmp(a, w, an < n ? an : n);
    if (c == 0) c = an < n ? -1 : an > n ? 1 : 0;
    if (c == 0) return 1;
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return 0;
}

static int is_abbrev(const vnt_sent_opts *o, const char *w, size_t n) {
  if (in_sorted(w, n)) return 1;
  if (o)
    for (size_t i = 0; i < o->n_abbrev; i++)
      if (o->abbrev_len[i] == n && memcmp(o->abbrev[i], w, n) == 0) return 1;
  return 0;
}

/* Is the word that ends at `end` (exclusive) one that a Roman numeral
 * follows: quý, khóa/khoá, đợt, phần, chương, kỳ, giai đoạn, lần, số? */
static int numbered_before(const unsigned char *s, size_t end) {
  static const char *const words[] = {"quý", "Quý", "qúy", "khóa", "khoá", "Khóa", "Khoá", "đợt", "Đợt", "phần",
                                      "Phần", "chương", "Chương", "kỳ", "Kỳ", "đoạn", "lần", "số", "hạng", "loại"};
  size_t b = end;
  while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\t' && s[b - 1] != '\n') b--;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    if (end - b == n && memcmp(s + b, words[i], n) == 0) return 1;
  }
  return 0;
}

/* Does the full stop at `dot` end an abbreviation or an initial?  The word
 * before it runs back to a space or an opening bracket or quote; "PGS.TS"
 * is tried whole and as its last part "TS". */
static int abbrev_before(const unsigned char *s, size_t dot, const vnt_sent_opts *o) {
  size_t b = dot;
  while (b > 0) {
    int32_t cp;
    size_t p = dec_back(s, b, &cp);
    int k = kind_of(cp);
    if (k != K_LETTER && k != K_MARK && cp != '.' && cp != '&') break;
    b = p;
  }
  if (b == dot) return 0;
  if (b > 0) {   /* 5G., H5N1.: a word glued to digits is no abbreviation */
    int32_t cp;
    dec_back(s, b, &cp);
    if (kind_of(cp) == K_DIGIT) return 0;
  }
  const char *w = (const char *)s + b;
  size_t n = dot - b;
  if (is_abbrev(o, w, n)) return 1;
  const char *last = memchr(w, '.', n) ? w : NULL;
  if (last) {   /* the last dot-separated part */
    size_t k = n;
    while (k > 0 && w[k - 1] != '.') k--;
    if (is_abbrev(o, w + k, n - k)) return 1;
    w += k;
    n -= k;
  }
  /* an initial: one capital letter (Nguyễn V. An, J. Smith) -- but not a
   * Roman numeral after a word that counts (quý I., khóa V., đợt II) */
  int32_t cp;
  int m = vnt__utf8_decode((const unsigned char *)w, n, &cp);
  if (!(m > 0 && (size_t)m == n && is_upper_cp(cp))) return 0;
  if ((cp == 'I' || cp == 'V' || cp == 'X') && w == (const char *)s + b && b >= 2 && s[b - 1] == ' ')
    return !numbered_before(s, b - 1);
  return 1;
}

static int is_terminal(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C || cp == 0x2047 ||
         cp == 0x2048 || cp == 0x2049;
}

static int is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == ')' ||
         cp == ']' || cp == 0x203A;
}

/* After the quote mark that closes at q, does the sentence go on (a comma,
 * a dash, a lower-case word: “...”, ông Sơn nói.)? */
static int continues_after(const unsigned char *s, size_t len, size_t q) {
  while (q < len && (s[q] == ' ' || s[q] == '\t')) q++;
  if (q >= len) return 0;
  int32_t cp;
  dec(s, len, q, &cp);
  return cp == ',' || cp == ';' || cp == '-' || cp == 0x2013 || cp == 0x2014 || is_lower_cp(cp);
}

/* Where the quote opened at `i` (a mark of n bytes) closes on this line:
 * the offset just after the closing mark, or 0. */
static size_t quote_close(const unsigned char *s, size_t len, size_t i, int n, int32_t open) {
  size_t j = i + (size_t)n;
  while (j < len && s[j] != '\n') {
    int32_t cp;
    int m = dec(s, len, j, &cp);
    if (open == 0x201C && cp == 0x201D) return j + (size_t)m;
    if (open == 0xAB && cp == 0xBB) return j + (size_t)m;
    if (open == '"' && cp == '"') return j + 1;
    j += (size_t)m;
  }
  return 0;
}

/* Is the line break at `nl` only a wrap inside a sentence?  Yes when the
 * line so far does not end in final punctuation or a colon and the next line
 * starts in lower case. */
static int soft_wrap(const unsigned char *s, size_t len, size_t start, size_t nl) {
  size_t e = nl;
  while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) e--;
  if (e == start) return 0;
  int32_t last;
  dec_back(s, e, &last);
  if (is_terminal(last) || is_closer(last) || last == ':' || last == '|') return 0;
  size_t q = nl + 1;
  while (q < len && (s[q] == ' ' || s[q] == '\t')) q++;
  if (q >= len || s[q] == '\n' || s[q] == '\r') return 0;
  int32_t cp;
  dec(s, len, q, &cp);
  return is_lower_cp(cp);
}

/* Bytes that can matter to sentence splitting: . ! ? " line ends, and the
 * lead bytes of … “ ” « » U+2028/2029 NEL.  Everything else is skipped. */
static const unsigned char sent_byte[256] = {
  ['.'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1,
  [0xC2] = 1, [0xE2] = 1,
};

int vnt_sentence_next(const char *str, size_t len, size_t pos, const vnt_sent_opts *o, vnt_span *sp) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = pos;
  /* skip the blanks before the sentence */
  for (;;) {
    if (i >= len) return 0;
    int32_t cp;
    int n = dec(s, len, i, &cp);
    int k = kind_of(cp);
    if (k != K_SPACE && k != K_NL) break;
    i += (size_t)n;
  }
  size_t start = i, quiet_until = 0;   /* no boundary before quiet_until (inside a quote) */
  size_t noclose_until = 0;            /* no closing mark of an opened quote before this */
  /* the last search for a closing mark: a run of opening marks before the
   * same closing mark finds it once, not once each (linear, not quadratic) */
  int32_t memo_open = -1;
  size_t memo_closer = 0, memo_q = 0;
  while (i < len) {
    if (!sent_byte[s[i]]) {   /* most bytes: skip them four at a time */
      i++;
      while (i + 4 <= len && !(sent_byte[s[i]] | sent_byte[s[i + 1]] | sent_byte[s[i + 2]] | sent_byte[s[i + 3]]))
        i += 4;
      continue;
    }
    /* may a quote open here?  After a blank, an opening bracket or a colon */
    int open_prev = i == start || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '(' ||
                    s[i - 1] == ':' || s[i - 1] == '[' || s[i - 1] == '\n' ||
                    (i >= 2 && s[i - 2] == 0xC2 && s[i - 1] == 0xA0);
    int32_t cp;
    int n = dec(s, len, i, &cp);
    if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      if (cp == '\n' && (o == NULL || o->soft_wrap) && soft_wrap(s, len, start, i)) {
        i += (size_t)n;
        continue;
      }
      size_t e = i;
      while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) e--;
      if (e > start) {
        sp->start = start;
        sp->end = e;
        return 1;
      }
      i += (size_t)n;
      start = i;
      continue;
    }
    if ((cp == 0x201C || cp == 0xAB || (cp == '"' && open_prev)) && i >= quiet_until && i >= noclose_until) {
      size_t q;
      if (cp == memo_open && i + (size_t)n <= memo_closer) {
        q = memo_q;   /* the first closing mark after i is the one found before */
      } else {
        q = quote_close(s, len, i, n, cp);
        memo_open = cp;
        memo_q = q;
        memo_closer = q ? q - (cp == 0x201C ? 3u : cp == 0xAB ? 2u : 1u) : 0;
      }
      if (q == 0) {
        size_t e = i;   /* remember: nothing closes before the end of this line */
        while (e < len && s[e] != '\n') e++;
        noclose_until = e;
      } else if (continues_after(s, len, q)) {
        quiet_until = q;
      }
      i += (size_t)n;
      continue;
    }
    if (!is_terminal(cp) || i < quiet_until) {
      i += (size_t)n;
      continue;
    }
    /* a run of final punctuation, then closing quotes and brackets, " |" or "/." */
    size_t dot = i, j = i;
    int single_dot = 1, count = 0;
    for (;;) {
      if (j >= len) break;
      int32_t c2;
      int m = dec(s, len, j, &c2);
      if (is_terminal(c2)) { if (c2 != '.' || count > 0) single_dot = 0; count++; j += (size_t)m; continue; }
      if (is_closer(c2)) { j += (size_t)m; continue; }
      if (c2 == '/' && j + 1 < len && s[j + 1] == '.') { j += 2; continue; }
      if (c2 == ' ' && j + 1 < len && s[j + 1] == '|' && (j + 2 >= len || s[j + 2] == ' ' || s[j + 2] == '\n' || s[j + 2] == '\r')) {
        j += 2;
        continue;
      }
      break;
    }
    if (count > 1) single_dot = 0;
    int at_end = j >= len;
    int32_t after = 0;
    if (!at_end) dec(s, len, j, &after);
    int k_after = at_end ? K_SPACE : kind_of(after);
    if (!at_end && k_after != K_SPACE && k_after != K_NL) {   /* 3.5, TP.HCM, a.com, "A."B */
      i = j > i ? j : i + 1;
      continue;
    }
    if (single_dot && abbrev_before(s, dot, o)) { i = j; continue; }
    /* the next sentence must not start in lower case (… và, TP. hồ) */
    size_t q = j;
    while (q < len && (s[q] == ' ' || s[q] == '\t')) q++;
    if (q < len && s[q] != '\n' && s[q] != '\r') {
      int32_t nx;
      dec(s, len, q, &nx);
      if (is_lower_cp(nx)) { i = j; continue; }
    }
    sp->start = start;
    sp->end = j;
    return 1;
  }
  size_t e = len;
  while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) e--;
  if (e == start) return 0;
  sp->start = start;
  sp->end = e;
  return 1;
}

/* ---- tokens -------------------------------------------------------------------- */

const char *vnt_token_kind_name(int kind) {
  static const char *const names[] = {
    "?", "word", "number", "date", "time", "punct", "symbol", "url", "email", "hashtag", "mention", "abbrev",
  };
  return kind >= 1 && kind <= VNT_TOK_ABBREV ? names[kind] : "?";
}

static int is_digit_at(const unsigned char *s, size_t len, size_t i) {
  return i < len && s[i] >= '0' && s[i] <= '9';
}

static size_t digits(const unsigned char *s, size_t len, size_t i, unsigned *val) {
  unsigned v = 0;
  size_t j = i;
  while (j < len && s[j] >= '0' && s[j] <= '9') {
    if (v < 100000) v = v * 10 + (unsigned)(s[j] - '0');
    j++;
  }
  if (val) *val = v;
  return j - i;
}

/* Bytes that continue a word-like run without a second look: ASCII letters
 * and digits, the leads C4..C9 (U+0100..U+027F, all letters) and CC, CD
 * (combining marks), and continuation bytes (reached only after such a lead,
 * or after C3 / E1 B8..BB checked below).  The loop over them has no
 * decoding and no carried dependency but i++, so it runs ahead of the loads. */
static const unsigned char run_byte[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,
  ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
  ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
  ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
  ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
  [0x80 ... 0xBF] = 1, [0xC4 ... 0xC9] = 1, [0xCC] = 1, [0xCD] = 1,
};

/* The end of a word-like run at i: letters, marks, digits. */
static size_t alnum_run(const unsigned char *s, size_t len, size_t i) {
  for (;;) {
    i = vnt__run_end(s, i, len);
    while (i < len && run_byte[s[i]]) i++;
    if (i >= len) return i;
    unsigned c = s[i];
    if (c < 0x80) return i;
    /* the rest of the Vietnamese letters by their bytes: U+00C0..U+00FF
     * (C3, less x and /), U+1E00..U+1EFF (E1 B8..BB) */
    if (c == 0xC3 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80 && s[i + 1] != 0x97 && s[i + 1] != 0xB7) {
      i += 2;
      continue;
    }
    if (c == 0xE1 && i + 2 < len && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    int32_t cp;
    int n = dec(s, len, i, &cp);
    int k = kind_of(cp);
    if (k != K_LETTER && k != K_MARK && k != K_DIGIT) return i;
    i += (size_t)n;
  }
}

static int url_char(unsigned char c) {
  return c > 0x20 && c != '"' && c != '<' && c != '>' && c != '`' && c < 0x7F;
}

/* URL at i (scheme:// or www.), returns its end or 0. Trailing punctuation
 * that ends a sentence is left out. */
static size_t url_at(const unsigned char *s, size_t len, size_t i) {
  static const char *const pre[] = {"https://", "http://", "ftp://", "www.", NULL};
  size_t j = 0;
  for (int p = 0; pre[p]; p++) {
    size_t n = strlen(pre[p]);
    if (i + n < len && strncasecmp((const char *)s + i, pre[p], n) == 0) { j = i + n; break; }
  }
  if (j == 0 || !url_char(s[j]) || s[j] == '.') return 0;
  while (j < len && (url_char(s[j]) || s[j] >= 0x80)) {
    if (s[j] >= 0x80) {   /* stop at non-ASCII punctuation and spaces: ” … NBSP */
      int32_t cp;
      int n = dec(s, len, j, &cp);
      int k = kind_of(cp);
      if (k != K_LETTER && k != K_MARK && k != K_DIGIT) break;
      j += (size_t)n;
    } else {
      j++;
    }
  }
  while (j > i && strchr(".,;:!?)]'\"", s[j - 1])) j--;
  return j;
}

static int email_local(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}

/* E-mail address at i, returns its end or 0. */
static size_t email_at(const unsigned char *s, size_t len, size_t i) {
  size_t j = i;
  while (j < len && email_local(s[j])) j++;
  if (j == i || j >= len || s[j] != '@' || s[i] == '.') return 0;
  size_t d = ++j;
  while (j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                     (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '.'))
    j++;
  while (j > d && s[j - 1] == '.') j--;   /* the full stop of the sentence */
  size_t last_dot = j;
  while (last_dot > d && s[last_dot - 1] != '.') last_dot--;
  /* a domain with a dot and a top-level part of two letters or more */
  if (last_dot <= d + 1 || j - last_dot < 2) return 0;
  return j;
}

/* Dates: d/m, d/m/y (y of 2 or 4 digits), d-m-yyyy, d.m.yyyy, dd-mm.
 * Day 1..31, month 1..12.  Returns the end or 0. */
static size_t date_at(const unsigned char *s, size_t len, size_t i) {
  unsigned d, m, y;
  size_t nd = digits(s, len, i, &d);
  if (nd < 1 || nd > 2 || i + nd >= len) return 0;
  unsigned char sep = s[i + nd];
  if (sep != '/' && sep != '-' && sep != '.') return 0;
  size_t j = i + nd + 1;
  size_t nm = digits(s, len, j, &m);
  if (nm < 1 || nm > 2 || d < 1 || d > 31 || m < 1 || m > 12) return 0;
  j += nm;
  size_t end2 = j;
  if (j + 1 < len && s[j] == sep && is_digit_at(s, len, j + 1)) {
    size_t ny = digits(s, len, j + 1, &y);
    if (ny == 4 || (ny == 2 && sep == '/')) {
      size_t e = j + 1 + ny;
      if (!is_digit_at(s, len, e)) return e;
    }
    if (sep != '/') return 0;   /* 1.2.3 is a number, 1-2-3 not a date */
  }
  if (is_digit_at(s, len, end2)) return 0;
  if (end2 < len && (s[end2] == '/' || (s[end2] == '.' && is_digit_at(s, len, end2 + 1)))) return 0;
  if (sep == '/') return end2;
  if (sep == '-' && nd == 2 && nm == 2) return end2;   /* 20-10 */
  return 0;
}

/* Times: h:mm, h:mm:ss, 16h30, 7h.  Returns the end or 0. */
static size_t time_at(const unsigned char *s, size_t len, size_t i) {
  unsigned h, m;
  size_t nh = digits(s, len, i, &h);
  if (nh < 1 || nh > 2 || h > 24 || i + nh >= len) return 0;
  size_t j = i + nh;
  if (s[j] == ':') {
    size_t nm = digits(s, len, j + 1, &m);
    if (nm != 2 || m > 59) return 0;
    j += 3;
    if (j + 2 < len && s[j] == ':' && digits(s, len, j + 1, &m) == 2 && m <= 59) j += 3;
    return is_digit_at(s, len, j) ? 0 : j;
  }
  if (s[j] == 'h' || s[j] == 'g') {   /* 16h30, 16g30, 7h */
    j++;
    size_t nm = digits(s, len, j, &m);
    if (nm == 2 && m <= 59) j += 2;
    else if (nm != 0) return 0;
    if (j < len) {
      int32_t cp;
      dec(s, len, j, &cp);
      int k = kind_of(cp);
      if (k == K_LETTER || k == K_MARK || k == K_DIGIT) return 0;
    }
    return j;
  }
  return 0;
}

/* Numbers: 160.000, 1,5, 3.200.000, 95%, and an attached unit: 40Mbit/s, 5G, 10km. */
static size_t number_at(const unsigned char *s, size_t len, size_t i) {
  size_t j = i + digits(s, len, i, NULL);
  while (j + 1 < len && (s[j] == '.' || s[j] == ',') && is_digit_at(s, len, j + 1))
    j += 1 + digits(s, len, j + 1, NULL);
  if (j < len && s[j] == '%') return j + 1;
  size_t u = j;
  while (u < len && ((s[u] | 0x20) >= 'a' && (s[u] | 0x20) <= 'z')) u++;
  if (u > j) {
    if (u < len && s[u] >= 0x80) {   /* 3 ngày: a Vietnamese word, not a unit */
      int32_t cp;
      dec(s, len, u, &cp);
      int k = kind_of(cp);
      if (k == K_LETTER || k == K_MARK) return j;
    }
    if (u + 1 < len && s[u] == '/' && ((s[u + 1] | 0x20) >= 'a' && (s[u + 1] | 0x20) <= 'z')) {
      u++;
      while (u < len && ((s[u] | 0x20) >= 'a' && (s[u] | 0x20) <= 'z')) u++;
    }
    if (is_digit_at(s, len, u)) return j;   /* H5N1-like: leave to the word rule */
    return u;
  }
  return j;
}

/* Upper-case letters, at least two: UBND, CĐS; joined by & or -: TT&TT, CNTT-TT. */
static int all_upper(const unsigned char *s, size_t a, size_t b, int *nletters) {
  int n = 0;
  while (a < b) {
    int32_t cp;
    int m = dec(s, b, a, &cp);
    int k = kind_of(cp);
    if (k == K_LETTER) {
      if (!is_upper_cp(cp)) return 0;
      n++;
    } else if (k != K_MARK && k != K_DIGIT) {
      return 0;
    }
    a += (size_t)m;
  }
  *nletters = n;
  return 1;
}

int vnt_token_next(const char *str, size_t len, size_t pos, vnt_span *tok) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = pos;
  int32_t cp;
  int n, k;
  for (;;) {
    if (i >= len) return 0;
    if (s[i] == ' ') { i++; continue; }
    n = dec(s, len, i, &cp);
    k = kind_of(cp);
    if (k != K_SPACE && k != K_NL) break;
    i += (size_t)n;
  }
  tok->start = i;
  size_t e;
  if (k == K_LETTER || k == K_MARK) {
    e = alnum_run(s, len, i);
    /* URLs and e-mail addresses go on past the letters with : . @ and the like */
    if (e < len && (s[e] == ':' || s[e] == '.' || s[e] == '@' || s[e] == '_' || s[e] == '-' ||
                    s[e] == '+' || s[e] == '%')) {
      size_t x;
      unsigned c0 = s[i] | 0x20u;   /* http, https, ftp, www */
      if ((c0 == 'h' || c0 == 'f' || c0 == 'w') && (x = url_at(s, len, i)) != 0) {
        tok->end = x;
        tok->kind = VNT_TOK_URL;
        return 1;
      }
      if ((x = email_at(s, len, i)) != 0) { tok->end = x; tok->kind = VNT_TOK_EMAIL; return 1; }
    }
    /* an apostrophe inside a word: H'Mông, Ê'đê */
    while (e + 1 < len) {
      size_t m;
      if (s[e] == '\'') m = 1;
      else if (s[e] == 0xE2 && e + 2 < len && s[e + 1] == 0x80 && s[e + 2] == 0x99) m = 3;   /* U+2019 */
      else break;
      if (e + m >= len) break;
      int32_t nx;
      dec(s, len, e + m, &nx);
      if (kind_of(nx) != K_LETTER) break;
      e = alnum_run(s, len, e + m);
    }
    int nl;
    if (is_upper_cp(cp) && all_upper(s, i, e, &nl) && nl >= 1) {   /* only capitals start an abbreviation */
      /* join TT&TT, CNTT-TT */
      size_t f = e;
      while (f + 1 < len && (s[f] == '&' || s[f] == '-')) {
        size_t g = alnum_run(s, len, f + 1);
        int nl2;
        if (g == f + 1 || !all_upper(s, f + 1, g, &nl2) || nl2 < 1) break;
        f = g;
        nl += nl2;
      }
      if (nl >= 2 || f > e) { tok->end = f; tok->kind = VNT_TOK_ABBREV; return 1; }
    }
    tok->end = e;
    tok->kind = VNT_TOK_WORD;
    return 1;
  }
  if (k == K_DIGIT) {
    if ((e = email_at(s, len, i)) != 0) { tok->end = e; tok->kind = VNT_TOK_EMAIL; return 1; }
    if (cp < 0x80) {
      if ((e = date_at(s, len, i)) != 0) { tok->end = e; tok->kind = VNT_TOK_DATE; return 1; }
      if ((e = time_at(s, len, i)) != 0) { tok->end = e; tok->kind = VNT_TOK_TIME; return 1; }
      e = number_at(s, len, i);
      /* digits running into letters and digits again (H5N1 started with a digit, 4x4) stay one word */
      size_t w = alnum_run(s, len, i);
      if (w > e && e < len && s[e] != '%') { tok->end = w; tok->kind = VNT_TOK_WORD; return 1; }
      tok->end = e;
      tok->kind = VNT_TOK_NUMBER;
      return 1;
    }
    tok->end = alnum_run(s, len, i);
    tok->kind = VNT_TOK_NUMBER;
    return 1;
  }
  if ((cp == '#' || cp == '@') && i + 1 < len) {
    int32_t nx;
    dec(s, len, i + 1, &nx);
    int kn = kind_of(nx);
    if (kn == K_LETTER || (cp == '#' && kn == K_DIGIT)) {
      e = i + 1;
      while (e < len) {
        int32_t c2;
        int m = dec(s, len, e, &c2);
        int k2 = kind_of(c2);
        if (k2 != K_LETTER && k2 != K_MARK && k2 != K_DIGIT && c2 != '_') break;
        e += (size_t)m;
      }
      tok->end = e;
      tok->kind = cp == '#' ? VNT_TOK_HASHTAG : VNT_TOK_MENTION;
      return 1;
    }
  }
  if (k == K_PUNCT) {
    e = i + (size_t)n;   /* a run of the same mark is one token: ..., !!!, -- */
    while (e + (size_t)n <= len && memcmp(s + e, s + i, (size_t)n) == 0) e += (size_t)n;
    tok->end = e;
    tok->kind = VNT_TOK_PUNCT;
    return 1;
  }
  /* a symbol: one grapheme cluster (emoji sequences stay whole) */
  tok->end = vnt_grapheme_next(str, len, i);
  tok->kind = VNT_TOK_SYMBOL;
  return 1;
}

/* ---- tokens in batches -------------------------------------------------------- */

/* The length of the lower-case (or upper-case) letter at i, ASCII or
 * precomposed Vietnamese (vnt__viet_case: the letter is its own lower or
 * upper case); 0 if there is none there.  s[i..i+3) must be readable. */
static inline int case_at(const unsigned char *s, size_t i, int upper) {
  unsigned c = s[i];
  if (c < 0x80) return upper ? c >= 'A' && c <= 'Z' : c >= 'a' && c <= 'z';
  unsigned char t[3];
  size_t k = vnt__viet_case(s + i, 3, upper, t);
  return k && t[k - 1] == s[i + k - 1] ? (int)k : 0;   /* only the last byte of a letter changes case */
}
static inline int lower_at(const unsigned char *s, size_t i) { return case_at(s, i, 0); }
static inline int upper_at(const unsigned char *s, size_t i) { return case_at(s, i, 1); }

/* Does the plain word s[a..b) (bytes of the letter mask, no digits) start
 * with a lower-case letter, or a capital followed by a lower-case one?
 * Then it is not an abbreviation and vnt_token_next makes it a word.
 * 0: not sure, ask vnt_token_next. */
static inline int plain_start(const unsigned char *s, size_t a, size_t b) {
  if (lower_at(s, a)) return 1;
  int u = upper_at(s, a);
  return u && a + (size_t)u < b && lower_at(s, a + (size_t)u);
}

/* Does the byte at b end the plain word before it just as vnt_token_next
 * would end it?  White space and punctuation that starts no URL, e-mail,
 * apostrophe or joined abbreviation; . and : after a word with a non-ASCII
 * letter (no URL scheme or e-mail address is one), or before white space. */
static inline int plain_end(const unsigned char *s, size_t len, size_t b, int ascii) {
  switch (s[b]) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case ',': case ';': case ')': case '(': case '"': case '!': case '?': case ']': case '[':
      return 1;
    case '.': case ':':   /* before white space no URL or e-mail address goes on */
      return !ascii || (b + 1 < len && (s[b + 1] == ' ' || (s[b + 1] >= '\t' && s[b + 1] <= '\r')));
    case 0xC2:   /* NBSP, << >> */
      return b + 1 < len && (s[b + 1] == 0xA0 || s[b + 1] == 0xAB || s[b + 1] == 0xBB);
    case 0xE2:   /* U+2000..U+203F: spaces, dashes, quotes, ellipsis; not U+2019 (an apostrophe) */
      return b + 2 < len && s[b + 1] == 0x80 && s[b + 2] >= 0x80 && s[b + 2] <= 0xBF && s[b + 2] != 0x99;
    default:
      return 0;
  }
}

/* Is a token of this kind kept when only words are asked for? */
static inline int kept(int words_only, int kind) {
  return !words_only || kind == VNT_TOK_WORD || kind == VNT_TOK_ABBREV;
}

size_t vnt__token_batch(const char *str, size_t len, size_t *pos, vnt_span *out, size_t cap, int words_only) {
  const unsigned char *s = (const unsigned char *)str;
  size_t p = *pos, n = 0;
  /* m: the masks of the window at p; m2: those of the window after it, once
   * a word has run into it (kept for that window, not computed twice) */
  uint64_t ma[VNT_WORD_MASKS], mb[VNT_WORD_MASKS];
  uint64_t *m = ma, *m2 = mb;
  int have_m = 0, have_m2 = 0;
  unsigned q0 = 0;   /* where in the window at p to go on from */
  while (n < cap) {
    if (len - p < 160) {   /* near the end: one by one */
      p += q0;
      q0 = 0;
      if (p >= len || !vnt_token_next(str, len, p, &out[n])) break;
      p = out[n].end;
      n += (size_t)kept(words_only, out[n].kind);
      continue;
    }
    if (!have_m) vnt__word_masks(s + p, m);
    have_m = 0;
    /* where a plain word may start (a lower-case letter, or A-Z before one:
     * plain_start) and end (white space or plain punctuation after it): the
     * common case in two tests */
    const uint64_t start_ok = m[6] | (m[4] & (m[6] >> 1)), end_ok = m[5];
    unsigned q = q0;
    q0 = 0;
    for (;;) {
      uint64_t nonws = q < 64 ? ~m[1] & (~UINT64_C(0) << q) : 0;
      if (nonws == 0) {   /* white space to the end of the window */
        p += 64;
        if (have_m2) { uint64_t *t = m; m = m2; m2 = t; have_m = 1; have_m2 = 0; }
        break;
      }
      unsigned a = (unsigned)__builtin_ctzll(nonws);
      uint64_t after = ~m[0] & (~UINT64_C(0) << a);  /* bytes at or after a that end a plain word */
      unsigned b = after ? (unsigned)__builtin_ctzll(after) : 64;
      if (b < 64 && ((start_ok >> a) & (end_ok >> b) & 1)) {
        out[n].start = p + a;
        out[n].end = p + b;
        out[n].kind = VNT_TOK_WORD;
        n++;
        q = b;
        if (n == cap) { p += b; have_m2 = 0; break; }
        continue;
      }
      if (b == 64 && ((start_ok >> a) & 1)) {
        /* a plain word running into the next window: its masks say where it ends */
        if (!have_m2) { vnt__word_masks(s + p + 64, m2); have_m2 = 1; }
        uint64_t after2 = ~m2[0];
        unsigned b2 = after2 ? (unsigned)__builtin_ctzll(after2) : 64;
        if (b2 < 64 && ((m2[5] >> b2) & 1)) {
          out[n].start = p + a;
          out[n].end = p + 64 + b2;
          out[n].kind = VNT_TOK_WORD;
          n++;
          uint64_t *t = m;   /* on in the next window, from the word's end */
          m = m2;
          m2 = t;
          have_m = 1;
          have_m2 = 0;
          p += 64;
          q0 = b2;
          break;
        }
      }
      size_t e = 0;   /* the end of a token found here; 0: none yet */
      int kind = VNT_TOK_WORD;
      if (a < b && b < 64) {
        /* the other plain words: a Vietnamese letter first, or . : NBSP, a
         * dash or a quote mark after (. and : after a non-ASCII letter, or
         * before white space) */
        uint64_t rng = (~UINT64_C(0) << a) & ~(~UINT64_C(0) << b), high = m[2] & rng;
        if (plain_start(s, p + a, p + b)) {
          if (plain_end(s, len, p + b, high == 0)) e = p + b;
        } else if ((m[4] & rng) == rng && plain_end(s, len, p + b, 1)) {
          /* capitals A-Z only: an abbreviation (UBND, TP), or one letter a word */
          e = p + b;
          kind = b - a >= 2 ? VNT_TOK_ABBREV : VNT_TOK_WORD;
        }
      } else if (b == a) {
        unsigned c = s[p + a];
        if (c < 0x80 && ascii_kind[c] == K_PUNCT && c != '#' && c != '@') {
          e = p + a + 1;   /* ASCII punctuation: a run of the same mark */
          while (e < len && s[e] == c) e++;
          kind = VNT_TOK_PUNCT;
        } else if (c == 0xE2 && s[p + a + 1] == 0x80 && (s[p + a + 2] & 0xC0) == 0x80 &&
                   kind_of(0x2000 | (s[p + a + 2] & 0x3F)) == K_PUNCT) {
          /* U+2000..U+203F: dashes, quotes, ellipsis, a run of one mark */
          e = p + a + 3;
          while (e + 3 <= len && memcmp(s + e, s + p + a, 3) == 0) e += 3;
          kind = VNT_TOK_PUNCT;
        } else if ((m[7] >> a) & 1) {
          /* digits ending where no number, date, time, unit, e-mail or word
           * can go on: white space or plain punctuation (a comma not before
           * a digit, a full stop before white space) */
          uint64_t nd = ~m[7] & (~UINT64_C(0) << a);
          unsigned d = nd ? (unsigned)__builtin_ctzll(nd) : 64;
          if (d < 63) {
            unsigned t = s[p + d];
            if ((((m[5] >> d) & 1) && !(t == ',' && ((m[7] >> (d + 1)) & 1))) ||
                (t == '.' && ((m[1] >> (d + 1)) & 1))) {
              e = p + d;
              kind = VNT_TOK_NUMBER;
            }
          }
        }
      }
      if (e == 0) {
        if (b == 64 && a > 0) { p += a; have_m2 = 0; break; }   /* a word across the window's end: the next window */
        if (!vnt_token_next(str, len, p + a, &out[n])) { p = len; break; }
        e = out[n].end;
        n += (size_t)kept(words_only, out[n].kind);
      } else if (kept(words_only, kind)) {
        out[n].start = p + a;
        out[n].end = e;
        out[n].kind = kind;
        n++;
      }
      if (e - p >= 64 || n == cap) { p = e; have_m2 = 0; break; }
      q = (unsigned)(e - p);   /* still in this window: its masks hold, and m2 those of the next */
    }
  }
  *pos = p + q0;
  return n;
}

/* ---- grapheme clusters ---------------------------------------------------------- */

size_t vnt_grapheme_next(const char *str, size_t len, size_t pos) {
  const unsigned char *s = (const unsigned char *)str;
  if (pos >= len) return len;
  int32_t prev, cp;
  utf8proc_int32_t state = 0;
  size_t i = pos + (size_t)dec(s, len, pos, &prev);
  while (i < len) {
    int n = dec(s, len, i, &cp);
    if (utf8proc_grapheme_break_stateful(prev, cp, &state)) break;
    prev = cp;
    i += (size_t)n;
  }
  return i;
}

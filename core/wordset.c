/* wordset.c -- a small set of words, looked up in any case, and the scan
 * that finds where the words of a text that are in it start.
 *
 * A finder written as a grammar (the temporal expressions of vnt.timex) is
 * tried only where an expression can start: before a word that starts one,
 * or a number.  Testing that in the grammar costs a test per word of the
 * text; here it is one pass over the bytes, a hash of each word that could
 * be in the set, and no allocation. */
#include <stdlib.h>
#include <string.h>

#include "vnt.h"
#include "vnt_internal.h"

#define WS_MAXWORD 48   /* bytes of a word in lower case; longer ones are in no set */

enum { WS_ALONE = 1, WS_NEXT_WORD = 2, WS_NEXT_DIGIT = 4 };

typedef struct ws_slot {
  uint64_t hash;
  unsigned char len;     /* 0: empty */
  unsigned char flags;   /* a word: WS_ALONE, or WS_NEXT_*; a pair "w next": 0 */
  char word[2 * WS_MAXWORD + 1];
} ws_slot;

struct vnt_wordset {
  ws_slot *slots;
  size_t cap, n;        /* cap: a power of two */
};

static uint64_t fnv(const unsigned char *p, size_t n) {
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

vnt_wordset *vnt_wordset_new(void) {
  vnt_wordset *ws = (vnt_wordset *)calloc(1, sizeof *ws);
  if (ws == NULL) return NULL;
  ws->cap = 64;
  ws->slots = (ws_slot *)calloc(ws->cap, sizeof *ws->slots);
  if (ws->slots == NULL) { free(ws); return NULL; }
  return ws;
}

void vnt_wordset_free(vnt_wordset *ws) {
  if (ws == NULL) return;
  free(ws->slots);
  free(ws);
}

size_t vnt_wordset_size(const vnt_wordset *ws) { return ws->n; }

/* The lower case of w[0..n) into out (WS_MAXWORD bytes): ASCII letters and
 * the precomposed Vietnamese letters lowered, other bytes as they are.
 * Returns its length, or 0 when it does not fit. */
static size_t lower_word(const unsigned char *w, size_t n, unsigned char *out) {
  if (n > WS_MAXWORD) return 0;
  size_t i = 0;
  while (i < n) {
    unsigned c = w[i];
    if (c < 0x80) {
      out[i] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    size_t k = vnt__viet_case(w + i, n - i, 0, out + i);
    if (k == 0) { out[i] = (unsigned char)c; k = 1; }
    i += k;
  }
  return n;
}

static ws_slot *find_slot(ws_slot *slots, size_t cap, const unsigned char *k, size_t n, uint64_t h) {
  size_t mask = cap - 1, i = (size_t)h & mask;
  while (slots[i].len != 0 && !(slots[i].hash == h && slots[i].len == n && memcmp(slots[i].word, k, n) == 0))
    i = (i + 1) & mask;
  return &slots[i];
}

/* Put key k[0..n) into the set with flags (or-ed into an entry already there). */
static int insert(vnt_wordset *ws, const unsigned char *k, size_t n, unsigned flags) {
  if ((ws->n + 1) * 2 > ws->cap) {   /* at most half full */
    size_t cap = ws->cap * 2;
    ws_slot *s = (ws_slot *)calloc(cap, sizeof *s);
    if (s == NULL) return VNT_ENOMEM;
    for (size_t i = 0; i < ws->cap; i++)
      if (ws->slots[i].len) *find_slot(s, cap, (const unsigned char *)ws->slots[i].word, ws->slots[i].len,
                                       ws->slots[i].hash) = ws->slots[i];
    free(ws->slots);
    ws->slots = s;
    ws->cap = cap;
  }
  uint64_t h = fnv(k, n);
  ws_slot *sl = find_slot(ws->slots, ws->cap, k, n, h);
  if (sl->len != 0) {
    if ((sl->flags | flags) == sl->flags) return VNT_SAME;
    sl->flags |= (unsigned char)flags;
    return VNT_OK;
  }
  sl->hash = h;
  sl->len = (unsigned char)n;
  sl->flags = (unsigned char)flags;
  memcpy(sl->word, k, n);
  ws->n++;
  return VNT_OK;
}

int vnt_wordset_add(vnt_wordset *ws, const char *w, size_t len) {
  unsigned char k[WS_MAXWORD];
  size_t n = len == 0 ? 0 : lower_word((const unsigned char *)w, len, k);
  if (n == 0) return VNT_EINVAL;
  return insert(ws, k, n, WS_ALONE);
}

int vnt_wordset_add_next(vnt_wordset *ws, const char *w, size_t len, const char *next, size_t nlen) {
  unsigned char k[2 * WS_MAXWORD + 1];
  size_t n = len == 0 ? 0 : lower_word((const unsigned char *)w, len, k);
  if (n == 0 || (next != NULL && nlen == 0)) return VNT_EINVAL;
  if (next == NULL) return insert(ws, k, n, WS_NEXT_DIGIT);
  size_t m = lower_word((const unsigned char *)next, nlen, k + n + 1);
  if (m == 0) return VNT_EINVAL;
  int rc = insert(ws, k, n, WS_NEXT_WORD);
  if (rc < 0) return rc;
  k[n] = ' ';
  int rc2 = insert(ws, k, n + 1 + m, 0);
  return rc == VNT_OK || rc2 == VNT_OK ? VNT_OK : rc2;
}

static const ws_slot *lookup(const vnt_wordset *ws, const char *w, size_t len) {
  unsigned char k[WS_MAXWORD];
  size_t n = len == 0 ? 0 : lower_word((const unsigned char *)w, len, k);
  if (n == 0) return NULL;
  const ws_slot *sl = find_slot(ws->slots, ws->cap, k, n, fnv(k, n));
  return sl->len != 0 ? sl : NULL;
}

int vnt_wordset_has(const vnt_wordset *ws, const char *w, size_t len) {
  const ws_slot *sl = lookup(ws, w, len);
  return sl != NULL && (sl->flags & WS_ALONE) != 0;
}

/* the bytes of a word: ASCII letters and digits, UTF-8 continuation bytes,
 * and the lead bytes of letters (C3..E1: Latin-1 to Latin Extended
 * Additional, the combining marks among them); punctuation outside ASCII
 * (“ ” – …, lead bytes C2 and E2) is not */
static inline int word_byte(unsigned c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 0x80 && c <= 0xBF) ||
         (c >= 0xC3 && c <= 0xE1);
}

size_t vnt_wordset_scan(const vnt_wordset *ws, const char *str, size_t len, size_t *pos, size_t *out, size_t cap,
                        int digits) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = *pos, found = 0;
  while (i < len && found < cap) {
    unsigned c = s[i];
    if (word_byte(c)) {
      size_t j = i + 1;
      while (j < len && word_byte(s[j])) j++;
      if (c >= '0' && c <= '9') {
        if (digits) out[found++] = i;
      } else if (c < 0x80 || (c >= 0xC3 && c <= 0xE1)) {   /* (not a stray continuation byte) */
        const ws_slot *sl = lookup(ws, str + i, j - i);
        if (sl != NULL && (sl->flags & WS_ALONE)) out[found++] = i;
        else if (sl != NULL && sl->flags) {
          /* the word starts only before some words or a number, after blanks */
          size_t k = j;
          while (k < len && (s[k] == ' ' || s[k] == '\t')) k++;
          if (k > j && k < len) {
            if (s[k] >= '0' && s[k] <= '9') {
              if (sl->flags & WS_NEXT_DIGIT) out[found++] = i;
            } else if ((sl->flags & WS_NEXT_WORD) && word_byte(s[k])) {
              size_t m = k + 1;
              while (m < len && word_byte(s[m])) m++;
              unsigned char key[2 * WS_MAXWORD + 1];
              size_t a = lower_word(s + i, j - i, key), b = lower_word(s + k, m - k, key + a + 1);
              if (a && b) {
                key[a] = ' ';
                if (find_slot(ws->slots, ws->cap, key, a + 1 + b, fnv(key, a + 1 + b))->len) out[found++] = i;
              }
            }
          }
        }
      }
      i = j;
    } else if (c >= 0xC0) {   /* a character that is no letter: its lead and continuation bytes */
      i++;
      while (i < len && s[i] >= 0x80 && s[i] <= 0xBF) i++;
    } else {
      i++;
    }
  }
  *pos = i;
  return found;
}

/* words.c -- multi-syllable words: a dictionary of syllable sequences and a
 * segmenter over it.
 *
 * Keys are normalized syllable sequences (lower case, NFC, tone marks in the
 * new style, syllables separated by one space), so "Hoà Bình", "hòa bình"
 * and their NFD forms are one key.  The table is open addressing over
 * 64-bit seeded hashes, keys stored once in an arena; every proper prefix of
 * an entry is stored too (flag PREFIX), so a longest match stops as soon as
 * no entry can go on.
 *
 * Segmentation works on runs of syllables (word tokens separated by blanks
 * on one line): forward and backward longest matching, the split with fewer
 * words wins, then the one with fewer single syllables, then the backward
 * one.  Then runs of capitalized syllables inside a sentence become one word
 * (names: Nguyễn Mạnh Hùng), and numbers written apart (10 . 000) are joined. */
#include <stdlib.h>
#include <string.h>

#include "vnt.h"
#include "vnt_internal.h"

#define F_WORD 1u
#define F_PREFIX 2u   /* the first syllables of a longer entry */
#define F_SUFFIX 4u   /* the last syllables of a longer entry */
#define MAXSYL 8   /* longest entry, in syllables */

typedef struct slot {
  uint64_t hash;   /* 0: empty */
  size_t off;      /* key in the arena */
  uint32_t len;
  uint32_t flags;
} slot;

struct vnt_dict {
  int split_free;    /* vnt_dict_split_free */
  slot *slots;
  size_t cap, used, words;
  vnt_buf arena;
  uint64_t seed;
  vnt_buf scratch;   /* normalization of keys */
};

static uint64_t hash_bytes(const char *p, size_t n, uint64_t seed) {
  uint64_t h = seed ^ UINT64_C(0x9E3779B97F4A7C15);   /* FNV-1a, seeded, then a final mix */
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= UINT64_C(0x100000001B3);
  }
  h ^= h >> 33;
  h *= UINT64_C(0xFF51AFD7ED558CCD);
  h ^= h >> 33;
  return h ? h : 1;
}

vnt_dict *vnt_dict_new(uint64_t seed) {
  vnt_dict *d = calloc(1, sizeof *d);
  if (d == NULL) return NULL;
  d->cap = 1024;
  d->slots = calloc(d->cap, sizeof *d->slots);
  if (d->slots == NULL) { free(d); return NULL; }
  d->seed = seed;
  vnt_buf_init(&d->arena);
  vnt_buf_init(&d->scratch);
  return d;
}

void vnt_dict_free(vnt_dict *d) {
  if (d == NULL) return;
  free(d->slots);
  vnt_buf_free(&d->arena);
  vnt_buf_free(&d->scratch);
  free(d);
}

size_t vnt_dict_size(const vnt_dict *d) { return d->words; }

void vnt_dict_split_free(vnt_dict *d, int on) { d->split_free = on; }

/* Function syllables: prepositions, conjunctions, the copula, quantifiers,
 * demonstratives, aspect and modal words, negation, and speech verbs.  Two
 * of them side by side make a free combination, not a word, in the
 * convention of the Vietnamese treebank (sau đó, có một, không phải, cho
 * biết); so does a verb with a directional complement (đưa ra, trở về).
 * Pronoun compounds (chúng tôi, anh em) stay words. */
static const char *const function_syl[] = {
  "ba", "biết", "bảo", "bằng", "bị", "cho", "chưa", "chẳng", "chỉ", "các", "có", "còn", "cũng", "của",
  "do", "dưới", "hai", "hay", "hoặc", "hỏi", "khi", "không", "kia", "là", "lúc", "lắm", "lại", "lên",
  "mà", "mọi", "mỗi", "một", "mới", "như", "nhiều", "nhất", "nhưng", "những", "nay", "nào", "này", "nên",
  "nói", "nếu", "qua", "quá", "ra", "rất", "rằng", "sau", "sẽ", "thì", "theo", "thấy", "thế", "trong",
  "trên", "trước", "tại", "tới", "từ", "vào", "vì", "vẫn", "vậy", "vừa", "với", "về", "xuống", "ít",
  "đang", "đây", "đã", "đó", "được", "đến", "ấy", "ở", "ngoài", "phải", NULL
};
static const char *const directional_syl[] = {"ra", "vào", "về", "qua", "lại", "lên", "xuống", NULL};

static int in_set(const char *const *set, const char *k, size_t n) {
  for (int i = 0; set[i]; i++)
    if (strlen(set[i]) == n && memcmp(set[i], k, n) == 0) return 1;
  return 0;
}

/* Is the normalized 2-syllable key k[0..a) " " k[a+1..n) a free combination? */
static int free_combination(const char *k, size_t a, size_t n) {
  const char *b = k + a + 1;
  size_t nb = n - a - 1;
  int fa = in_set(function_syl, k, a), fb = in_set(function_syl, b, nb);
  if (fa && fb) return 1;
  return !fa && in_set(directional_syl, b, nb);
}

static slot *find(const vnt_dict *d, const char *k, size_t n, uint64_t h) {
  size_t mask = d->cap - 1, i = (size_t)h & mask;
  for (;;) {
    slot *s = &d->slots[i];
    if (s->hash == 0) return s;
    if (s->hash == h && s->len == n && memcmp(d->arena.data + s->off, k, n) == 0) return s;
    i = (i + 1) & mask;
  }
}

static int grow(vnt_dict *d) {
  size_t cap = d->cap * 2;
  slot *ns = calloc(cap, sizeof *ns);
  if (ns == NULL) return VNT_ENOMEM;
  for (size_t i = 0; i < d->cap; i++) {
    slot *s = &d->slots[i];
    if (s->hash == 0) continue;
    size_t j = (size_t)s->hash & (cap - 1);
    while (ns[j].hash) j = (j + 1) & (cap - 1);
    ns[j] = *s;
  }
  free(d->slots);
  d->slots = ns;
  d->cap = cap;
  return VNT_OK;
}

static int put(vnt_dict *d, const char *k, size_t n, uint32_t flags) {
  if ((d->used + 1) * 4 > d->cap * 3 && grow(d) != VNT_OK) return VNT_ENOMEM;
  uint64_t h = hash_bytes(k, n, d->seed);
  slot *s = find(d, k, n, h);
  if (s->hash == 0) {
    size_t off = d->arena.len;
    if (vnt_buf_append(&d->arena, k, n) != VNT_OK) return VNT_ENOMEM;
    s->hash = h;
    s->off = off;
    s->len = (uint32_t)n;
    s->flags = 0;
    d->used++;
  }
  if ((flags & F_WORD) && !(s->flags & F_WORD)) d->words++;
  s->flags |= flags;
  return VNT_OK;
}

static uint32_t get(const vnt_dict *d, const char *k, size_t n) {
  slot *s = find(d, k, n, hash_bytes(k, n, d->seed));
  return s->hash ? s->flags : 0;
}

/* The key of one syllable: lower case, NFC, new tone style.  Appends to out.
 * Plain Vietnamese takes the table-driven path of viet.c; anything else
 * (NFD, other scripts, stray marks) goes through vnt_normalize, which gives
 * the same result more slowly. */
static int syllable_key(const char *s, size_t n, vnt_buf *out) {
  static const vnt_norm_opts o = {VNT_NFC, VNT_TONES_NEW, VNT_CASE_LOWER, 0u};
  size_t len0 = out->len;
  int rc = vnt__syllable_key(s, n, out);
  if (rc == VNT_OK || rc == VNT_ENOMEM) return rc;
  out->len = len0;
  vnt_status st;
  rc = vnt_normalize(s, n, &o, out, &st);
  if (rc == VNT_SAME) return vnt_buf_append(out, s, n);
  return rc < 0 ? rc : VNT_OK;
}

int vnt_dict_add(vnt_dict *d, const char *w, size_t len) {
  /* syllables: split at blanks and '_' */
  vnt_buf *k = &d->scratch;
  vnt_buf_reset(k);
  size_t i = 0, nsyl = 0;
  size_t ends[MAXSYL];
  while (i < len) {
    while (i < len && (w[i] == ' ' || w[i] == '_' || w[i] == '\t' || w[i] == '\r' || w[i] == '\n')) i++;
    if (i >= len) break;
    size_t j = i;
    while (j < len && w[j] != ' ' && w[j] != '_' && w[j] != '\t' && w[j] != '\r' && w[j] != '\n') j++;
    if (nsyl == MAXSYL) return VNT_SAME;   /* too long to matter: skipped */
    if (nsyl > 0 && vnt_buf_append(k, " ", 1) != VNT_OK) return VNT_ENOMEM;
    int rc = syllable_key(w + i, j - i, k);
    if (rc < 0) return rc;
    ends[nsyl++] = k->len;
    i = j;
  }
  if (nsyl == 0) return VNT_SAME;
  /* the key may move when the arena grows: copy it out first */
  char stackkey[512];
  char *key = k->len <= sizeof stackkey ? stackkey : malloc(k->len);
  if (key == NULL) return VNT_ENOMEM;
  memcpy(key, k->data, k->len);
  int rc = VNT_OK;
  if (d->split_free && nsyl == 2 && free_combination(key, ends[0], ends[1])) {
    if (key != stackkey) free(key);
    return VNT_SAME;
  }
  for (size_t p = 0; p + 1 < nsyl && rc == VNT_OK; p++) rc = put(d, key, ends[p], F_PREFIX);
  for (size_t p = 0; p + 1 < nsyl && rc == VNT_OK; p++)   /* after the space that ends syllable p */
    rc = put(d, key + ends[p] + 1, ends[nsyl - 1] - ends[p] - 1, F_SUFFIX);
  if (rc == VNT_OK) rc = put(d, key, ends[nsyl - 1], F_WORD);
  if (key != stackkey) free(key);
  return rc;
}

int vnt_dict_add_lines(vnt_dict *d, const char *s, size_t len, size_t *added) {
  size_t before = d->words, i = 0;
  while (i < len) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len;
    /* one entry a line; entries with punctuation or digits (proverbs,
     * "a-ba-giua") can never match a run of syllables and are skipped */
    int plain = 1;
    for (size_t j = i; j < e; j++) {
      unsigned char c = (unsigned char)s[j];
      if (c < 0x80 && !(c == ' ' || c == '_' || c == '\r' || c == '\t' || (unsigned)((c | 0x20) - 'a') < 26u)) { plain = 0; break; }
    }
    if (plain && e > i) {
      int rc = vnt_dict_add(d, s + i, e - i);
      if (rc < 0) return rc;
    }
    i = e + 1;
  }
  if (added) *added = d->words - before;
  return VNT_OK;
}

int vnt_dict_has(vnt_dict *d, const char *w, size_t len) {
  vnt_buf *k = &d->scratch;
  vnt_buf_reset(k);
  size_t i = 0, nsyl = 0;
  while (i < len) {
    while (i < len && (w[i] == ' ' || w[i] == '_')) i++;
    if (i >= len) break;
    size_t j = i;
    while (j < len && w[j] != ' ' && w[j] != '_') j++;
    if (nsyl++ > 0 && vnt_buf_append(k, " ", 1) != VNT_OK) return VNT_ENOMEM;
    int rc = syllable_key(w + i, j - i, k);
    if (rc < 0) return rc;
    i = j;
  }
  return nsyl > 0 && (get(d, k->data, k->len) & F_WORD) != 0;
}

/* ---- segmentation ------------------------------------------------------------- */

typedef struct syl {
  size_t start, end;    /* in the text */
  size_t kstart, klen;  /* its key in the key buffer */
  int cap;              /* starts with a capital letter */
} syl;

static int is_cap(const char *s, size_t n) {
  int32_t cp;
  int m = vnt__utf8_decode((const unsigned char *)s, n, &cp);
  if (m <= 0) return 0;
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  /* Vietnamese capitals: À..Ỹ are at even code points in U+1EA0..U+1EF9 */
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (cp & 1) == 0;
  return cp == 0x110 || cp == 0x102 || cp == 0x1A0 || cp == 0x1AF ||
         (cp >= 0xC0 && cp <= 0xDD && cp != 0xD7) || cp == 0x128 || cp == 0x168;
}

/* The flags of the key of syllables [a, b): the keys of a run lie in one
 * buffer separated by single spaces, so any span of them is a key as is. */
static inline uint32_t lookup(const vnt_dict *d, const syl *y, size_t a, size_t b, const char *keys) {
  return get(d, keys + y[a].kstart, y[b - 1].kstart + y[b - 1].klen - y[a].kstart);
}

/* Segment syllables [0, n) of a run: forward and backward longest
 * matching, the split with fewer words wins, then the one with fewer single
 * syllables, then the backward one.  bw[i] = 1 where a word starts at i.
 * pf[i] caches the flags of the pair [i, i + 2), which both passes ask. */
static void mm(const vnt_dict *d, const syl *y, size_t n, const char *keys,
               unsigned char *fw, unsigned char *bw, unsigned char *pf) {
  memset(fw, 0, n);
  memset(bw, 0, n);
  for (size_t i = 0; i + 1 < n; i++) pf[i] = (unsigned char)lookup(d, y, i, i + 2, keys);
  size_t nf = 0, nb = 0, sf = 0, sb = 0;
  for (size_t i = 0; i < n;) {   /* forward */
    size_t best = 1;
    for (size_t k = 2; k <= MAXSYL && i + k <= n; k++) {
      uint32_t f = k == 2 ? pf[i] : lookup(d, y, i, i + k, keys);
      if (f & F_WORD) best = k;
      if (!(f & F_PREFIX)) break;
    }
    fw[i] = 1;
    nf++;
    if (best == 1) sf++;
    i += best;
  }
  for (size_t e = n; e > 0;) {   /* backward: the longest entry ending at e */
    size_t best = 1;
    for (size_t k = 2; k <= MAXSYL && k <= e; k++) {
      uint32_t f = k == 2 ? pf[e - 2] : lookup(d, y, e - k, e, keys);
      if (f & F_WORD) best = k;
      if (!(f & F_SUFFIX)) break;
    }
    bw[e - best] = 1;
    nb++;
    if (best == 1) sb++;
    e -= best;
  }
  if (nf < nb || (nf == nb && sf < sb)) memcpy(bw, fw, n);   /* bw holds the choice */
}

int vnt_words(const vnt_dict *d, const char *str, size_t len, const vnt_words_opts *o, vnt_buf *out) {
  const unsigned char *s = (const unsigned char *)str;
  int join_names = o ? o->join_names : 1, join_numbers = o ? o->join_numbers : 1;
  vnt_buf toks = VNT_BUF_INIT, keys = VNT_BUF_INIT, ys = VNT_BUF_INIT, cuts = VNT_BUF_INIT;
  int rc = VNT_OK;
  /* 1. tokens */
  vnt_span t;
  size_t pos = 0, nt = 0;
  while (vnt_token_next(str, len, pos, &t)) {
    if (vnt_buf_append(&toks, &t, sizeof t) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
    pos = t.end;
    nt++;
  }
  vnt_span *T = (vnt_span *)(void *)toks.data;
  size_t i = 0;
  int sent_start = 1;
  while (i < nt) {
    /* a run of word tokens separated only by blanks on one line */
    if (T[i].kind != VNT_TOK_WORD || d == NULL) {
      vnt_span w = T[i];
      /* numbers written apart: 10 . 000, 1 , 5 */
      if (join_numbers && T[i].kind == VNT_TOK_NUMBER) {
        while (i + 2 < nt && T[i + 1].kind == VNT_TOK_PUNCT && T[i + 1].end - T[i + 1].start == 1 &&
               (s[T[i + 1].start] == '.' || s[T[i + 1].start] == ',') && T[i + 2].kind == VNT_TOK_NUMBER &&
               T[i + 1].start - T[i].end <= 1 && T[i + 2].start - T[i + 1].end <= 1 &&
               memchr(s + T[i].end, '\n', T[i + 2].start - T[i].end) == NULL &&
               (s[T[i + 1].start] == ',' || T[i + 2].end - T[i + 2].start == 3)) {
          w.end = T[i + 2].end;
          i += 2;
        }
      }
      int end_punct = T[i].kind == VNT_TOK_PUNCT && (s[T[i].start] == '.' || s[T[i].start] == '!' ||
                                                     s[T[i].start] == '?' || s[T[i].start] == ':');
      if (vnt_buf_append(out, &w, sizeof w) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
      sent_start = end_punct || (T[i].kind == VNT_TOK_PUNCT && i == 0);
      i++;
      continue;
    }
    if (i == 0 || memchr(s + T[i - 1].end, '\n', T[i].start - T[i - 1].end)) sent_start = 1;
    size_t j = i + 1;
    while (j < nt && T[j].kind == VNT_TOK_WORD && memchr(s + T[j - 1].end, '\n', T[j].start - T[j - 1].end) == NULL)
      j++;
    size_t n = j - i;
    vnt_buf_reset(&keys);
    vnt_buf_reset(&ys);
    for (size_t k = i; k < j; k++) {
      syl y;
      y.start = T[k].start;
      y.end = T[k].end;
      if (k > i && vnt_buf_append(&keys, " ", 1) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
      y.kstart = keys.len;
      if ((rc = syllable_key(str + y.start, y.end - y.start, &keys)) < 0) goto done;
      y.klen = keys.len - y.kstart;
      y.cap = is_cap(str + y.start, y.end - y.start);
      if (vnt_buf_append(&ys, &y, sizeof y) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
    }
    if (vnt_buf_reserve(&cuts, 3 * n) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
    unsigned char *fw = (unsigned char *)cuts.data, *bw = fw + n, *pf = bw + n;
    const syl *Y = (const syl *)(void *)ys.data;
    mm(d, Y, n, keys.data, fw, bw, pf);
    if (join_names) {   /* capitalized runs inside a sentence are names */
      size_t a = sent_start ? 1 : 0;
      while (a < n) {
        if (!Y[a].cap) { a++; continue; }
        size_t b = a;
        while (b < n && Y[b].cap) b++;
        /* only where the run does not cut a dictionary word in two */
        if (b - a >= 2 && bw[a] && (b == n || bw[b])) {
          for (size_t k = a + 1; k < b; k++) bw[k] = 0;
          bw[a] = 1;
          if (b < n) bw[b] = 1;
        }
        a = b;
      }
    }
    for (size_t k = 0; k < n;) {
      size_t e = k + 1;
      while (e < n && !bw[e]) e++;
      vnt_span w = {Y[k].start, Y[e - 1].end, VNT_TOK_WORD};
      if (vnt_buf_append(out, &w, sizeof w) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
      k = e;
    }
    sent_start = 0;
    i = j;
  }
done:
  vnt_buf_free(&toks);
  vnt_buf_free(&keys);
  vnt_buf_free(&ys);
  vnt_buf_free(&cuts);
  return rc;
}

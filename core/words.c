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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vnt.h"
#include "vnt_internal.h"

#define F_WORD 1u
#define F_PREFIX 2u   /* the first syllables of a longer entry */
#define F_SUFFIX 4u   /* the last syllables of a longer entry */
#define MAXSYL 8   /* longest entry, in syllables */

typedef struct slot {   /* 16 bytes: four to a cache line */
  uint64_t hash;   /* 0: empty */
  uint32_t off;    /* key in the arena */
  uint16_t len;
  uint16_t flags;
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
  for (int i = 0; set[i]; i++) {
    const char *e = set[i];
    size_t j = 0;
    while (j < n && e[j] == k[j]) j++;
    if (j == n && e[j] == '\0') return 1;
  }
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
  if (n > UINT16_MAX || d->arena.len + n > UINT32_MAX) return VNT_ENOMEM;   /* limits of a slot */
  if ((d->used + 1) * 4 > d->cap * 3 && grow(d) != VNT_OK) return VNT_ENOMEM;
  uint64_t h = hash_bytes(k, n, d->seed);
  slot *s = find(d, k, n, h);
  if (s->hash == 0) {
    size_t off = d->arena.len;
    if (vnt_buf_append(&d->arena, k, n) != VNT_OK) return VNT_ENOMEM;
    s->hash = h;
    s->off = (uint32_t)off;
    s->len = (uint16_t)n;
    s->flags = 0;
    d->used++;
  }
  if ((flags & F_WORD) && !(s->flags & F_WORD)) d->words++;
  s->flags = (uint16_t)(s->flags | flags);
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
 * matching.  fw[i] / bw[i] = 1 where the forward / backward pass starts a
 * word at i.  Returns 1 when the forward split is the better one (fewer
 * words, then fewer single syllables; ties go to the backward one).
 * pf[i] caches the flags of the pair [i, i + 2), which both passes ask. */
static int mm(const vnt_dict *d, const syl *y, size_t n, const char *keys,
              unsigned char *fw, unsigned char *bw, unsigned char *pf) {
  memset(fw, 0, n);
  memset(bw, 0, n);
  for (size_t i = 0; i + 1 < n; i++) pf[i] = d ? (unsigned char)lookup(d, y, i, i + 2, keys) : 0;
  if (d == NULL) { memset(fw, 1, n); memset(bw, 1, n); return 0; }
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
  return nf < nb || (nf == nb && sf < sb);
}

/* ---- the gap model: an averaged perceptron over the gaps of a run ---------------
 * Each gap between two syllables is joined or split by the sign of a sum
 * of feature weights.  Features: the syllables around the gap (1, 2 and 3
 * at a time), capitalization, what the dictionary says (pair entry, prefix,
 * suffix, the forward and backward matches), and the decision at the gap
 * before.  Features are 64-bit hashes; weights live in an open-addressing
 * table.  Trained by vnt_wmodel_train from text in the '_' format. */

typedef struct wslot {
  uint64_t h;     /* 0: empty */
  float w;        /* weight (averaged once training is over) */
  double acc;     /* training: sum of time * update, for the average */
} wslot;

struct vnt_wmodel {
  wslot *t;
  size_t cap, used;
  double time;    /* training: updates so far */
};

vnt_wmodel *vnt_wmodel_new(void) {
  vnt_wmodel *m = calloc(1, sizeof *m);
  if (m == NULL) return NULL;
  m->cap = 1 << 12;
  m->t = calloc(m->cap, sizeof *m->t);
  if (m->t == NULL) { free(m); return NULL; }
  return m;
}

void vnt_wmodel_free(vnt_wmodel *m) {
  if (m == NULL) return;
  free(m->t);
  free(m);
}

size_t vnt_wmodel_size(const vnt_wmodel *m) { return m->used; }

static wslot *wfind(const vnt_wmodel *m, uint64_t h) {
  size_t mask = m->cap - 1, i = (size_t)(h ^ (h >> 29)) & mask;
  while (m->t[i].h && m->t[i].h != h) i = (i + 1) & mask;
  return &m->t[i];
}

static wslot *wput(vnt_wmodel *m, uint64_t h) {
  if ((m->used + 1) * 2 > m->cap) {
    size_t cap = m->cap * 2;
    wslot *nt = calloc(cap, sizeof *nt);
    if (nt == NULL) return NULL;
    wslot *old = m->t;
    size_t oc = m->cap;
    m->t = nt;
    m->cap = cap;
    for (size_t i = 0; i < oc; i++)
      if (old[i].h) *wfind(m, old[i].h) = old[i];
    free(old);
  }
  wslot *w = wfind(m, h);
  if (w->h == 0) { w->h = h; w->w = 0; w->acc = 0; m->used++; }
  return w;
}

#define NBASE 18           /* features gap_features gives */
#define NFEAT (NBASE + 2)  /* and the two on the previous decision */

static uint64_t fhash(unsigned tmpl, const char *a, size_t na, const char *b, size_t nb, const char *c, size_t nc) {
  uint64_t h = UINT64_C(0xCBF29CE484222325) ^ ((uint64_t)tmpl * UINT64_C(0x9E3779B97F4A7C15));
  const char *parts[3] = {a, b, c};
  size_t lens[3] = {na, nb, nc};
  for (int p = 0; p < 3; p++) {
    for (size_t i = 0; i < lens[p]; i++) { h ^= (unsigned char)parts[p][i]; h *= UINT64_C(0x100000001B3); }
    h ^= 0xFF;   /* separator */
    h *= UINT64_C(0x100000001B3);
  }
  h ^= h >> 31;
  h *= UINT64_C(0x7FB5D329728EA185);
  h ^= h >> 27;
  return h ? h : 1;
}

/* The features of the gap before syllable g (1 <= g < n), all but the one
 * on the previous decision (added by the decoder).  Returns their number. */
static size_t gap_features(const vnt_dict *d, const syl *Y, size_t n, size_t g, const char *keys, const unsigned char *fw,
                           const unsigned char *bw, const unsigned char *pf, int sent_start, uint64_t *f) {
  static const char BOS[] = "<s>", EOS[] = "</s>";
  const char *L = keys + Y[g - 1].kstart, *R = keys + Y[g].kstart;
  size_t nL = Y[g - 1].klen, nR = Y[g].klen;
  const char *LL = g >= 2 ? keys + Y[g - 2].kstart : BOS, *RR = g + 1 < n ? keys + Y[g + 1].kstart : EOS;
  size_t nLL = g >= 2 ? Y[g - 2].klen : 3, nRR = g + 1 < n ? Y[g + 1].klen : 4;
  char shape[8];
  shape[0] = (char)('0' + Y[g - 1].cap);
  shape[1] = (char)('0' + Y[g].cap);
  shape[2] = (char)('0' + (sent_start && g == 1));
  shape[3] = (char)('0' + (pf[g - 1] & 7));
  shape[4] = (char)('0' + (fw[g] ? 0 : 1));   /* forward match joins here */
  shape[5] = (char)('0' + (bw[g] ? 0 : 1));   /* backward match joins here */
  shape[6] = (char)('0' + (g + 1 < n ? (pf[g] & 7) : 8));
  shape[7] = (char)('0' + (g >= 2 ? (pf[g - 2] & 7) : 8));
  size_t k = 0;
  f[k++] = fhash(0, "", 0, "", 0, "", 0);
  f[k++] = fhash(1, L, nL, "", 0, "", 0);
  f[k++] = fhash(2, R, nR, "", 0, "", 0);
  f[k++] = fhash(3, L, nL, R, nR, "", 0);
  f[k++] = fhash(4, LL, nLL, L, nL, "", 0);
  f[k++] = fhash(5, R, nR, RR, nRR, "", 0);
  f[k++] = fhash(6, LL, nLL, L, nL, R, nR);
  f[k++] = fhash(7, L, nL, R, nR, RR, nRR);
  f[k++] = fhash(8, shape, 3, "", 0, "", 0);
  f[k++] = fhash(9, shape + 3, 3, "", 0, "", 0);
  f[k++] = fhash(10, shape, 8, "", 0, "", 0);
  f[k++] = fhash(11, L, nL, shape + 3, 3, "", 0);
  f[k++] = fhash(12, R, nR, shape + 3, 3, "", 0);
  f[k++] = fhash(13, L, nL, R, nR, shape + 3, 3);
  f[k++] = fhash(14, shape + 6, 2, shape + 3, 1, "", 0);
  /* is either side a function syllable (prepositions, conjunctions, ...)? */
  char fs[2] = {(char)('0' + in_set(function_syl, L, nL)), (char)('0' + in_set(function_syl, R, nR))};
  f[k++] = fhash(19, fs, 2, shape + 3, 3, "", 0);
  /* the span of the forward and backward words around the gap (0: they split here) */
  size_t a = g, b = g;
  while (a > 0 && !fw[a]) a--;
  while (b < n && (b == g || !fw[b])) b++;
  size_t a2 = g, b2 = g;
  while (a2 > 0 && !bw[a2]) a2--;
  while (b2 < n && (b2 == g || !bw[b2])) b2++;
  char spans[2] = {(char)('0' + (fw[g] ? 0 : (b - a > 5 ? 5 : b - a))), (char)('0' + (bw[g] ? 0 : (b2 - a2 > 5 ? 5 : b2 - a2)))};
  f[k++] = fhash(21, spans, 2, shape, 2, "", 0);
  /* rimes: a syllable without its first letter, for unseen names and loans */
  f[k++] = fhash(22, L + (nL > 1), nL - (nL > 1), R + (nR > 1), nR - (nR > 1), shape, 2);
  return k;
}

static float score(const vnt_wmodel *m, const uint64_t *f, size_t nf) {
  float s = 0;
  for (size_t i = 0; i < nf; i++) {
    const wslot *w = wfind(m, f[i]);
    if (w->h) s += w->w;
  }
  return s;
}

/* Decide the gaps of a run with the model: bw[g] = 1 where a word starts. */
static void model_decide(const vnt_wmodel *m, const vnt_dict *d, const syl *Y, size_t n, const char *keys, unsigned char *fw,
                         unsigned char *bw, const unsigned char *pf, int sent_start, unsigned char *out) {
  uint64_t f[NFEAT];
  out[0] = 1;
  int prev_join = 0;
  for (size_t g = 1; g < n; g++) {
    size_t nf = gap_features(d, Y, n, g, keys, fw, bw, pf, sent_start, f);
    char pj = (char)('0' + prev_join);
    f[nf++] = fhash(15, &pj, 1, "", 0, "", 0);
    uint64_t lk = fhash(0, keys + Y[g - 1].kstart, Y[g - 1].klen, "", 0, "", 0);
    f[nf++] = fhash(16, &pj, 1, (const char *)&lk, sizeof lk, "", 0);
    int join = score(m, f, nf) > 0;
    out[g] = (unsigned char)!join;
    prev_join = join;
  }
}

/* Digits only (10, 2021): a number that can be part of a word. */
static int plain_number(const unsigned char *s, vnt_span t) {
  for (size_t k = t.start; k < t.end; k++)
    if (s[k] < '0' || s[k] > '9') return 0;
  return 1;
}

typedef struct trainer trainer;
static int train_run(trainer *tr, const syl *Y, size_t n, const char *keys, const unsigned char *fw,
                     const unsigned char *bw, const unsigned char *pf, int sent_start);

static int segment(const vnt_dict *d, const char *str, size_t len, const vnt_words_opts *o, vnt_buf *out,
                   trainer *tr) {
  const unsigned char *s = (const unsigned char *)str;
  int join_names = o ? o->join_names : 1, join_numbers = o ? o->join_numbers : 1;
  const vnt_wmodel *model = o ? o->model : NULL;
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
    /* with a model, a plain number joins the run (10 triệu is one word in
     * the treebank); the model decides, under the key "<n>" */
    int num_ok = (model != NULL || tr != NULL);
#define IN_RUN(t) ((t).kind == VNT_TOK_WORD || (num_ok && (t).kind == VNT_TOK_NUMBER && plain_number(s, (t))))
    int starts_run = IN_RUN(T[i]) && !(T[i].kind == VNT_TOK_NUMBER && join_numbers && i + 2 < nt &&
                                      T[i + 1].kind == VNT_TOK_PUNCT && T[i + 2].kind == VNT_TOK_NUMBER);
    if (!starts_run || d == NULL) {
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
    while (j < nt && IN_RUN(T[j]) && memchr(s + T[j - 1].end, '\n', T[j].start - T[j - 1].end) == NULL)
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
      if (T[k].kind == VNT_TOK_NUMBER) {
        if (vnt_buf_append(&keys, "<n>", 3) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
      } else if ((rc = syllable_key(str + y.start, y.end - y.start, &keys)) < 0) {
        goto done;
      }
      y.klen = keys.len - y.kstart;
      y.cap = is_cap(str + y.start, y.end - y.start);
      if (vnt_buf_append(&ys, &y, sizeof y) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
    }
    if (vnt_buf_reserve(&cuts, 4 * n) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
    unsigned char *fw = (unsigned char *)cuts.data, *bw = fw + n, *pf = bw + n, *cut = pf + n;
    const syl *Y = (const syl *)(void *)ys.data;
    int fwd = mm(d, Y, n, keys.data, fw, bw, pf);
    if (tr) {   /* training: learn from the gaps of this run, then go on */
      rc = train_run(tr, Y, n, keys.data, fw, bw, pf, sent_start);
      if (rc < 0) goto done;
    }
    if (model) {
      model_decide(model, d, Y, n, keys.data, fw, bw, pf, sent_start, cut);
      memcpy(bw, cut, n);
    } else if (fwd) {
      memcpy(bw, fw, n);
    }
    if (join_names && !model) {   /* capitalized runs inside a sentence are names */
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

int vnt_words(const vnt_dict *d, const char *s, size_t len, const vnt_words_opts *o, vnt_buf *out) {
  return segment(d, s, len, o, out, NULL);
}

/* ---- training ------------------------------------------------------------------ */

struct trainer {
  const vnt_dict *d;
  const char *raw;        /* the text with '_' turned into ' ' */
  const unsigned char *joined;   /* joined[i]: the byte i of raw was a '_' */
  vnt_buf feats;          /* uint64 features of every gap, NFEAT - 2 slots each */
  vnt_buf labels;         /* per gap: 1 join, 0 split; 2 starts a run */
  vnt_buf prevkeys;       /* per gap: the left syllable's key hash, for feature 16 */
};

static int train_run(trainer *tr, const syl *Y, size_t n, const char *keys, const unsigned char *fw,
                     const unsigned char *bw, const unsigned char *pf, int sent_start) {
  for (size_t g = 1; g < n; g++) {
    uint64_t f[NFEAT] = {0};
    if (gap_features(tr->d, Y, n, g, keys, fw, bw, pf, sent_start, f) != NBASE) return VNT_EINVAL;
    /* joined in the gold when a '_' stood between the two syllables */
    int join = 0;
    for (size_t k = Y[g - 1].end; k < Y[g].start; k++) join |= tr->joined[k];
    unsigned char lab = (unsigned char)(join | (g == 1 ? 2 : 0));
    uint64_t lk = fhash(0, keys + Y[g - 1].kstart, Y[g - 1].klen, "", 0, "", 0);
    if (vnt_buf_append(&tr->feats, f, sizeof f) != VNT_OK || vnt_buf_append(&tr->labels, &lab, 1) != VNT_OK ||
        vnt_buf_append(&tr->prevkeys, &lk, sizeof lk) != VNT_OK)
      return VNT_ENOMEM;
  }
  return VNT_OK;
}

static int update(vnt_wmodel *m, const uint64_t *f, size_t nf, int y) {
  for (size_t i = 0; i < nf; i++) {
    wslot *w = wput(m, f[i]);
    if (w == NULL) return VNT_ENOMEM;
    w->w += (float)y;
    w->acc += m->time * y;
  }
  return VNT_OK;
}

int vnt_wmodel_train(vnt_wmodel *m, const vnt_dict *d, const char *gold, size_t len, int epochs, size_t *ngaps) {
  if (epochs < 1 || epochs > 1000) return VNT_EINVAL;
  trainer tr;
  vnt_buf raw = VNT_BUF_INIT, joined = VNT_BUF_INIT, out = VNT_BUF_INIT;
  vnt_buf_init(&tr.feats);
  vnt_buf_init(&tr.labels);
  vnt_buf_init(&tr.prevkeys);
  int rc = VNT_OK;
  if (vnt_buf_reserve(&raw, len + 1) != VNT_OK || vnt_buf_reserve(&joined, len + 1) != VNT_OK) { rc = VNT_ENOMEM; goto done; }
  for (size_t i = 0; i < len; i++) {
    raw.data[i] = gold[i] == '_' ? ' ' : gold[i];
    joined.data[i] = gold[i] == '_';
  }
  raw.len = joined.len = len;
  tr.raw = raw.data;
  tr.d = d;
  tr.joined = (const unsigned char *)joined.data;
  vnt_words_opts o = {0, 0, NULL};
  if ((rc = segment(d, raw.data, len, &o, &out, &tr)) < 0) goto done;
  size_t G = tr.labels.len;
  const uint64_t *F = (const uint64_t *)(const void *)tr.feats.data;
  const unsigned char *Lb = (const unsigned char *)tr.labels.data;
  const uint64_t *PK = (const uint64_t *)(const void *)tr.prevkeys.data;
  for (int e = 0; e < epochs; e++) {
    int prev_join = 0;
    for (size_t g = 0; g < G; g++) {
      uint64_t f[NFEAT];
      memcpy(f, F + g * NFEAT, sizeof f);
      size_t nf = NBASE;
      if (Lb[g] & 2) prev_join = 0;
      char pj = (char)('0' + prev_join);
      f[nf++] = fhash(15, &pj, 1, "", 0, "", 0);
      /* feature 16 hashes the previous decision with the left key: rebuild it from the key's hash */
      f[nf++] = fhash(16, &pj, 1, (const char *)&PK[g], sizeof PK[g], "", 0);
      int gold_join = Lb[g] & 1;
      int pred = score(m, f, nf) > 0;
      m->time += 1;
      if (pred != gold_join && (rc = update(m, f, nf, gold_join ? 1 : -1)) < 0) goto done;
      prev_join = pred;   /* train as the decoder runs: on its own previous decision */
    }
  }
  /* average: w - acc / time */
  for (size_t i = 0; i < m->cap; i++)
    if (m->t[i].h) m->t[i].w = (float)(m->t[i].w - m->t[i].acc / m->time);
  if (ngaps) *ngaps = G;
done:
  vnt_buf_free(&raw);
  vnt_buf_free(&joined);
  vnt_buf_free(&out);
  vnt_buf_free(&tr.feats);
  vnt_buf_free(&tr.labels);
  vnt_buf_free(&tr.prevkeys);
  return rc;
}

/* The model as text: "vnt-wmodel 1 N" then N lines "hash weight", sorted. */
static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int vnt_wmodel_save(const vnt_wmodel *m, vnt_buf *out) {
  size_t n = 0;
  uint64_t *hs = malloc((m->used + 1) * sizeof *hs);
  if (hs == NULL) return VNT_ENOMEM;
  for (size_t i = 0; i < m->cap; i++)
    if (m->t[i].h && m->t[i].w != 0) hs[n++] = m->t[i].h;
  qsort(hs, n, sizeof *hs, cmp_u64);
  char line[64];
  int k = snprintf(line, sizeof line, "vnt-wmodel 1 %zu\n", n);
  int rc = vnt_buf_append(out, line, (size_t)k);
  for (size_t i = 0; i < n && rc == VNT_OK; i++) {
    k = snprintf(line, sizeof line, "%016llx %.6g\n", (unsigned long long)hs[i], (double)wfind(m, hs[i])->w);
    rc = vnt_buf_append(out, line, (size_t)k);
  }
  free(hs);
  return rc;
}

int vnt_wmodel_load(vnt_wmodel *m, const char *s, size_t len, size_t *err_line) {
  size_t i = 0, line = 1, n = 0;
  char buf[80];
  const char *nl = memchr(s, '\n', len);
  size_t e = nl ? (size_t)(nl - s) : len;
  if (e >= sizeof buf) { *err_line = 1; return VNT_EINVAL; }
  memcpy(buf, s, e);
  buf[e] = '\0';
  unsigned long long count;
  if (sscanf(buf, "vnt-wmodel 1 %llu", &count) != 1) { *err_line = 1; return VNT_EINVAL; }
  i = e + 1;
  while (i < len) {
    line++;
    nl = memchr(s + i, '\n', len - i);
    e = nl ? (size_t)(nl - s) : len;
    if (e - i >= sizeof buf) { *err_line = line; return VNT_EINVAL; }
    memcpy(buf, s + i, e - i);
    buf[e - i] = '\0';
    unsigned long long h;
    float w;
    if (buf[0] != '\0') {
      if (sscanf(buf, "%16llx %g", &h, &w) != 2 || h == 0) { *err_line = line; return VNT_EINVAL; }
      wslot *ws = wput(m, (uint64_t)h);
      if (ws == NULL) return VNT_ENOMEM;
      ws->w = w;
      n++;
    }
    i = e + 1;
  }
  if (n != count) { *err_line = line; return VNT_EINVAL; }
  return VNT_OK;
}

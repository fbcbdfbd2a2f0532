/* count.c -- a hash counter of byte strings, mergeable and saved as TSV.
 *
 * Open addressing with linear probing; each key is stored once in an arena;
 * slots hold a 64-bit keyed hash of the key under a per-counter random key
 * (from getrandom), so input crafted to collide cannot make counting
 * quadratic.  Adding
 * a key that is already there allocates nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/random.h>

#include "vnt.h"
#include "vnt_internal.h"

typedef struct cslot {
  uint64_t hash;    /* 0: empty */
  int64_t count;
  uint32_t len;
  uint32_t pad;
  union {
    uint64_t off;   /* key in the arena, when longer than 8 bytes */
    char in[8];     /* the key itself, when it fits: most syllables do */
  } k;
} cslot;

static inline const char *slot_key(const vnt_counter *c, const cslot *s);

struct vnt_counter {
  cslot *t;
  size_t cap, used;
  int64_t total;
  uint64_t k0, k1;  /* SipHash key */
  vnt_buf arena;
  vnt_buf scratch;
};

static inline const char *slot_key(const vnt_counter *c, const cslot *s) {
  return s->len <= 8 ? s->k.in : c->arena.data + s->k.off;
}

/* The 128-bit product of a and b, folded to 64 bits. */
static inline uint64_t mum(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t load8(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint64_t load4(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* A keyed multiply-fold hash: the random key (k0, k1) enters every step, so
 * an attacker who does not know it cannot aim collisions; much faster than
 * SipHash on the short keys a counter holds (syllables are 1 to 8 bytes).
 * Short keys are read with fixed-size, overlapping loads, never past the end. */
/* A key of at most 8 bytes as one word, the bytes past it zero: fixed-size,
 * overlapping loads, never past the end, no call to memcpy. */
static inline uint64_t pack8(const unsigned char *p, size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  uint64_t w = 0;   /* the word must hold the bytes in memory order: k.in aliases it */
  memcpy(&w, p, n);
  return w;
#endif
  if (n >= 4) return load4(p) | (load4(p + n - 4) << (8 * (n - 4)));
  if (n == 0) return 0;
  return (uint64_t)p[0] | ((uint64_t)p[n >> 1] << (8 * (n >> 1))) | ((uint64_t)p[n - 1] << (8 * (n - 1)));
}

/* A keyed multiply-fold hash: the random key (k0, k1) enters every step, so
 * an attacker who does not know it cannot aim collisions; much faster than
 * SipHash on the short keys a counter holds (syllables are 1 to 8 bytes,
 * hashed from their packed word w).  Longer keys are read with fixed-size,
 * overlapping loads, never past the end. */
static inline uint64_t khash_kw(uint64_t k0, uint64_t k1, uint64_t w, size_t n) {
  uint64_t h = mum(w ^ k1, k0 ^ (n * UINT64_C(0x9E3779B97F4A7C15)));
  return h ? h : 1;
}

static inline uint64_t khash_w(const vnt_counter *c, uint64_t w, size_t n) { return khash_kw(c->k0, c->k1, w, n); }

static uint64_t khash(const vnt_counter *c, const char *key, size_t n) {
  const unsigned char *p = (const unsigned char *)key;
  if (n <= 8) return khash_w(c, pack8(p, n), n);
  uint64_t a, b, h = c->k0 ^ (n * UINT64_C(0x9E3779B97F4A7C15));
  if (n <= 16) {
    a = load8(p);
    b = load8(p + n - 8);
  } else {
    size_t i = 0;
    for (; n - i > 16; i += 16) h = mum(load8(p + i) ^ c->k1 ^ h, load8(p + i + 8) ^ c->k0);
    a = load8(p + n - 16);
    b = load8(p + n - 8);
  }
  h = mum(a ^ c->k1 ^ h, b ^ c->k0 ^ UINT64_C(0xA0761D6478BD642F));
  h = mum(h ^ c->k0, UINT64_C(0xE7037ED1A0B428DB) ^ n);
  return h ? h : 1;
}

/* A table of cap empty slots, each page written at once: a fresh page of
 * calloc's is the shared zero page until first written, and the probe reads
 * a slot before it writes it, so each page would fault twice, the second
 * time with a flush of every other thread's TLB (seen in perf under -j 2). */
static cslot *new_table(size_t cap) {
  cslot *t = calloc(cap, sizeof *t);
  if (t != NULL)   /* a write to every page (volatile: the compiler keeps it) */
    for (size_t i = 0; i < cap * sizeof *t; i += 4096) ((volatile char *)t)[i] = 0;
  return t;
}

vnt_counter *vnt_counter_new(void) {
  vnt_counter *c = calloc(1, sizeof *c);
  if (c == NULL) return NULL;
  c->cap = 1024;
  c->t = new_table(c->cap);
  if (c->t == NULL) { free(c); return NULL; }
  uint64_t key[2];
  if (getrandom(key, sizeof key, GRND_NONBLOCK) != (ssize_t)sizeof key) {   /* not yet seeded: the clock */
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    key[0] = (uint64_t)ts.tv_nsec * UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)(uintptr_t)c;
    key[1] = (uint64_t)ts.tv_sec * UINT64_C(0xC2B2AE3D27D4EB4F) ^ (uint64_t)(uintptr_t)&ts;
  }
  c->k0 = key[0];
  c->k1 = key[1];
  vnt_buf_init(&c->arena);
  vnt_buf_init(&c->scratch);
  return c;
}

void vnt_counter_free(vnt_counter *c) {
  if (c == NULL) return;
  free(c->t);
  vnt_buf_free(&c->arena);
  vnt_buf_free(&c->scratch);
  free(c);
}

size_t vnt_counter_size(const vnt_counter *c) { return c->used; }
int64_t vnt_counter_total(const vnt_counter *c) { return c->total; }

/* The slot of the short key packed in w (n <= 8), or the empty slot where it goes. */
static inline cslot *cfind_w(const vnt_counter *c, uint64_t w, size_t n, uint64_t h) {
  size_t mask = c->cap - 1, i = (size_t)h & mask;
  for (;;) {   /* inline keys: one 8-byte compare (slots are zeroed past the key) */
    cslot *s = &c->t[i];
    if (s->hash == 0) return s;
    if (s->hash == h && s->len == n && s->k.off == w) return s;
    i = (i + 1) & mask;
  }
}

static cslot *cfind(const vnt_counter *c, const char *k, size_t n, uint64_t h) {
  size_t mask = c->cap - 1, i = (size_t)h & mask;
  if (n <= 8) return cfind_w(c, pack8((const unsigned char *)k, n), n, h);
  for (;;) {
    cslot *s = &c->t[i];
    if (s->hash == 0) return s;
    if (s->hash == h && s->len == n && memcmp(slot_key(c, s), k, n) == 0) return s;
    i = (i + 1) & mask;
  }
}

static int cgrow(vnt_counter *c) {
  size_t cap = c->cap * 2;
  cslot *nt = new_table(cap);
  if (nt == NULL) return VNT_ENOMEM;
  for (size_t i = 0; i < c->cap; i++) {
    if (c->t[i].hash == 0) continue;
    size_t j = (size_t)c->t[i].hash & (cap - 1);
    while (nt[j].hash) j = (j + 1) & (cap - 1);
    nt[j] = c->t[i];
  }
  free(c->t);
  c->t = nt;
  c->cap = cap;
  return VNT_OK;
}

/* Add `by` to key k of hash h. */
static inline int add_hashed(vnt_counter *c, const char *k, size_t n, uint64_t h, int64_t by) {
  cslot *s = cfind(c, k, n, h);
  if (s->hash == 0) {
    if ((c->used + 1) * 2 > c->cap) {
      if (cgrow(c) != VNT_OK) return VNT_ENOMEM;
      s = cfind(c, k, n, h);
    }
    if (n <= 8) {
      s->k.off = 0;   /* the bytes past the key stay zero: cfind compares 8 at once */
      memcpy(s->k.in, k, n);
    } else {
      size_t off = c->arena.len;
      if (vnt_buf_append(&c->arena, k, n) != VNT_OK) return VNT_ENOMEM;
      s->k.off = off;
    }
    s->hash = h;
    s->len = (uint32_t)n;
    s->count = 0;
    c->used++;
  }
  /* a count, or the total, that would pass INT64 is an error, never a wrap */
  int64_t count, total;
  if (__builtin_add_overflow(s->count, by, &count) || __builtin_add_overflow(c->total, by, &total))
    return VNT_EOVERFLOW;
  s->count = count;
  c->total = total;
  return VNT_OK;
}

int vnt_counter_add(vnt_counter *c, const char *k, size_t n, int64_t by) {
  if (k == NULL) { if (n > 0) return VNT_EINVAL; k = ""; }   /* NULL with length 0: the empty key */
  if (n > UINT32_MAX) return VNT_ELIMIT;
  return add_hashed(c, k, n, khash(c, k, n), by);
}

int64_t vnt_counter_get(const vnt_counter *c, const char *k, size_t n) {
  if (k == NULL) { if (n > 0) return 0; k = ""; }
  const cslot *s = cfind(c, k, n, khash(c, k, n));
  return s->hash ? s->count : 0;
}

int vnt_counter_next(const vnt_counter *c, size_t *pos, const char **k, size_t *n, int64_t *count) {
  while (*pos < c->cap) {
    const cslot *s = &c->t[(*pos)++];
    if (s->hash) {
      *k = slot_key(c, s);
      *n = s->len;
      *count = s->count;
      return 1;
    }
  }
  return 0;
}

vnt_counter *vnt_counter_new_like(const vnt_counter *c) {
  vnt_counter *d = vnt_counter_new();
  if (d != NULL) {
    d->k0 = c->k0;
    d->k1 = c->k1;
  }
  return d;
}

int vnt_counter_merge(vnt_counter *dst, const vnt_counter *src) {
  const int same_hash = dst->k0 == src->k0 && dst->k1 == src->k1;   /* vnt_counter_new_like */
  for (size_t i = 0; i < src->cap; i++) {
    const cslot *s = &src->t[i];
    if (s->hash == 0) continue;
    int rc;
    if (same_hash) {
      /* the slot a few keys on, asked for from memory while this one is added */
      if (i + 8 < src->cap && src->t[i + 8].hash) __builtin_prefetch(&dst->t[src->t[i + 8].hash & (dst->cap - 1)]);
      rc = add_hashed(dst, slot_key(src, s), s->len, s->hash, s->count);
    } else {
      rc = vnt_counter_add(dst, slot_key(src, s), s->len, s->count);
    }
    if (rc != VNT_OK) return rc;
  }
  return VNT_OK;
}

/* ---- order ------------------------------------------------------------------------------ */

typedef vnt_counter_entry sent;   /* key, length, count */

/* An entry while sorting: the key's first 8 bytes as a big-endian number
 * decide most comparisons without memcmp. */
typedef struct sortent {
  uint64_t pre;
  int64_t count;
  const char *key;
  size_t len;
} sortent;

/* By count (highest first) when order_by_count, then by key in byte order:
 * -1, 0, 1.  Inline for the sorts below; by_key and by_count for qsort. */
static inline int cmp_entries(const sortent *x, const sortent *y, int order_by_count) {
  if (order_by_count && x->count != y->count) return x->count > y->count ? -1 : 1;
  if (x->pre != y->pre) return x->pre < y->pre ? -1 : 1;
  size_t m = x->len < y->len ? x->len : y->len;
  int r = m > 8 ? memcmp(x->key + 8, y->key + 8, m - 8) : 0;
  return r ? r : (x->len > y->len) - (x->len < y->len);
}

static int by_key(const void *a, const void *b) { return cmp_entries(a, b, 0); }
static int by_count(const void *a, const void *b) { return cmp_entries(a, b, 1); }

/* Sort t[0..n): quicksort with the comparison inline (median of three,
 * insertion sort for short ranges, the smaller side first), qsort past a
 * depth bound.  The entries come in the order of the table, which a
 * random key scatters, so the expected time is n log n whatever the text. */
static void sort_entries(sortent *t, size_t n, int order_by_count, int depth) {
  while (n > 16) {
    if (depth-- <= 0) { qsort(t, n, sizeof *t, order_by_count ? by_count : by_key); return; }
    size_t mid = n / 2;
    if (cmp_entries(&t[mid], &t[0], order_by_count) < 0) { sortent x = t[mid]; t[mid] = t[0]; t[0] = x; }
    if (cmp_entries(&t[n - 1], &t[0], order_by_count) < 0) { sortent x = t[n - 1]; t[n - 1] = t[0]; t[0] = x; }
    if (cmp_entries(&t[n - 1], &t[mid], order_by_count) < 0) { sortent x = t[n - 1]; t[n - 1] = t[mid]; t[mid] = x; }
    sortent pivot = t[mid];
    size_t i = 0, j = n - 1;
    for (;;) {   /* Hoare partition: t[0] <= pivot <= t[n - 1] bound both scans */
      while (cmp_entries(&t[i], &pivot, order_by_count) < 0) i++;
      while (cmp_entries(&pivot, &t[j], order_by_count) < 0) j--;
      if (i >= j) break;
      sortent x = t[i]; t[i] = t[j]; t[j] = x;
      i++;
      j--;
    }
    size_t left = j + 1;   /* t[0..left) <= pivot <= t[left..n) */
    if (left < n - left) {
      sort_entries(t, left, order_by_count, depth);
      t += left;
      n -= left;
    } else {
      sort_entries(t + left, n - left, order_by_count, depth);
      n = left;
    }
  }
  for (size_t i = 1; i < n; i++) {   /* insertion sort */
    sortent x = t[i];
    size_t j = i;
    while (j > 0 && cmp_entries(&x, &t[j - 1], order_by_count) < 0) { t[j] = t[j - 1]; j--; }
    t[j] = x;
  }
}

/* Put the `k` first entries of t[0..n) in by_count order into t[0..k), in
 * any order (quickselect, median of three; linear on average). */
static void select_top(sortent *t, size_t n, size_t k) {
  size_t lo = 0, hi = n;   /* the k-th lies in [lo, hi) */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    /* median of three to the front as the pivot */
    if (cmp_entries(&t[mid], &t[lo], 1) < 0) { sortent x = t[mid]; t[mid] = t[lo]; t[lo] = x; }
    if (cmp_entries(&t[hi - 1], &t[lo], 1) < 0) { sortent x = t[hi - 1]; t[hi - 1] = t[lo]; t[lo] = x; }
    if (cmp_entries(&t[hi - 1], &t[mid], 1) < 0) { sortent x = t[hi - 1]; t[hi - 1] = t[mid]; t[mid] = x; }
    sortent pivot = t[mid];
    t[mid] = t[lo];
    t[lo] = pivot;
    size_t store = lo + 1;   /* partition: before `store` precede the pivot */
    for (size_t i = lo + 1; i < hi; i++)
      if (cmp_entries(&t[i], &pivot, 1) < 0) { sortent x = t[i]; t[i] = t[store]; t[store] = x; store++; }
    sortent x = t[store - 1]; t[store - 1] = t[lo]; t[lo] = x;   /* the pivot to its place */
    size_t p = store - 1;
    if (p == k || p + 1 == k) return;
    if (k < p) hi = p;
    else lo = p + 1;
  }
}

/* All entries, or the first k of them (k < (size_t)-1), in an array the
 * caller frees: by count (highest first, ties by key) or by key (byte
 * order); *n gets how many. */
static sent *entries_k(const vnt_counter *c, int order_by_count, size_t k_max, size_t *n_out) {
  sent *e = malloc((c->used + 1) * sizeof *e);
  sortent *t = malloc((c->used + 1) * sizeof *t);
  if (e == NULL || t == NULL) { free(e); free(t); return NULL; }
  size_t k = 0;
  for (size_t i = 0; i < c->cap; i++)
    if (c->t[i].hash) {
      const unsigned char *key = (const unsigned char *)slot_key(c, &c->t[i]);
      size_t n = c->t[i].len;
      uint64_t pre = 0;
      for (size_t j = 0; j < 8; j++) pre = pre << 8 | (j < n ? key[j] : 0);
      t[k].pre = pre;
      t[k].count = c->t[i].count;
      t[k].key = (const char *)key;
      t[k].len = n;
      k++;
    }
  if (order_by_count && k_max < k / 2) {   /* a few of many: select them, sort only those */
    select_top(t, k, k_max);
    k = k_max;
  }
  int depth = 2;
  for (size_t x = k; x > 1; x >>= 1) depth += 2;
  sort_entries(t, k, order_by_count, depth);
  if (k_max < k) k = k_max;
  for (size_t i = 0; i < k; i++) {
    e[i].key = t[i].key;
    e[i].len = t[i].len;
    e[i].count = t[i].count;
  }
  free(t);
  if (n_out) *n_out = k;
  return e;
}

static sent *entries(const vnt_counter *c, int order_by_count) {
  return entries_k(c, order_by_count, (size_t)-1, NULL);
}

int vnt_counter_top(const vnt_counter *c, size_t k, vnt_counter_entry **out, size_t *n) {
  sent *e = entries_k(c, 1, k, n);
  if (e == NULL) return VNT_ENOMEM;
  *out = e;
  return VNT_OK;
}

int vnt_counter_sorted(const vnt_counter *c, int by_count_order, vnt_counter_entry **out) {
  sent *e = entries(c, by_count_order);
  if (e == NULL) return VNT_ENOMEM;
  *out = e;
  return VNT_OK;
}

/* ---- TSV ------------------------------------------------------------------------------- */

int vnt_counter_save(const vnt_counter *c, vnt_buf *out) {
  sent *e = entries(c, 0);
  if (e == NULL) return VNT_ENOMEM;
  int rc = VNT_OK;
  for (size_t i = 0; i < c->used && rc == VNT_OK; i++) {
    char num[24];
    int m = snprintf(num, sizeof num, "\t%lld\n", (long long)e[i].count);
    if (memchr(e[i].key, '\t', e[i].len) || memchr(e[i].key, '\n', e[i].len)) { rc = VNT_EINVAL; break; }
    rc = vnt_buf_append(out, e[i].key, e[i].len);
    if (rc == VNT_OK) rc = vnt_buf_append(out, num, (size_t)m);
  }
  free(e);
  return rc;
}

int vnt_counter_load(vnt_counter *c, const char *s, size_t len, size_t *err_line) {
  size_t i = 0, line = 0, ignored;
  if (err_line == NULL) err_line = &ignored;
  *err_line = 0;
  while (i < len) {
    line++;
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len;
    if (e > i) {
      const char *tab = NULL;   /* the last tab: keys hold no tab */
      for (size_t k = e; k > i; k--) if (s[k - 1] == '\t') { tab = s + k - 1; break; }
      if (tab == NULL || tab == s + e - 1) { *err_line = line; return VNT_EINVAL; }
      int64_t v = 0;
      int neg = 0;
      const char *p = tab + 1;
      if (*p == '-') { neg = 1; p++; }
      if (p == s + e) { *err_line = line; return VNT_EINVAL; }
      for (; p < s + e; p++) {
        if (*p < '0' || *p > '9' || v > (INT64_MAX - 9) / 10) { *err_line = line; return VNT_EINVAL; }
        v = v * 10 + (*p - '0');
      }
      int rc = vnt_counter_add(c, s + i, (size_t)(tab - (s + i)), neg ? -v : v);
      if (rc != VNT_OK) { *err_line = line; return rc; }   /* out of memory, or a count past INT64_MAX */
    }
    i = e + 1;
  }
  return VNT_OK;
}

/* ---- counting text ------------------------------------------------------------------- */

/* The key of one token under the options: as it is, or normalized. */
static int token_key(const char *s, size_t n, const vnt_count_opts *o, vnt_buf *out) {
  if (!o->normalize) return vnt_buf_append(out, s, n);
  const vnt_norm_opts *no = &o->norm;
  if (no->form == VNT_NFC && no->tones == VNT_TONES_NEW && no->casing == VNT_CASE_LOWER && no->flags == 0) {
    size_t len0 = out->len;   /* the common case, table-driven */
    int rc = vnt__syllable_key(s, n, out);
    if (rc != VNT_EINVAL) return rc;
    out->len = len0;
  }
  vnt_status st;
  int rc = vnt_normalize(s, n, no, out, &st);
  if (rc == VNT_SAME) return vnt_buf_append(out, s, n);
  return rc < 0 ? rc : VNT_OK;
}

/* Add 1 to each of nk keys (at base + ofs[i], lens[i] bytes).  Many
 * distinct keys (n-grams) make a table far bigger than the caches: the
 * slots of all the keys are asked for from memory first, then the stored
 * keys of those that match, so that the misses overlap; then the adds. */
#define KEY_BATCH 64
static int add_batch(vnt_counter *c, const char *base, const size_t *ofs, const size_t *lens, size_t nk) {
  uint64_t h[KEY_BATCH];
  size_t mask = c->cap - 1;
  for (size_t i = 0; i < nk; i++) {
    h[i] = khash(c, base + ofs[i], lens[i]);
    __builtin_prefetch(&c->t[h[i] & mask]);
  }
  for (size_t i = 0; i < nk; i++) {
    const cslot *e = &c->t[h[i] & mask];
    if (e->hash == h[i] && e->len > 8) __builtin_prefetch(c->arena.data + e->k.off);
  }
  for (size_t i = 0; i < nk; i++) {
    if (lens[i] > UINT32_MAX) return VNT_ELIMIT;   /* as vnt_counter_add */
    int rc = add_hashed(c, base + ofs[i], lens[i], h[i], 1);
    if (rc != VNT_OK) return rc;
  }
  return VNT_OK;
}

/* where the n bytes of w first are in s (0 if nowhere) */
static size_t find_bytes(const char *s, size_t len, const char *w, size_t n) {
  if (n == 0 || n > len) return 0;
  for (const char *p = s; (p = memchr(p, w[0], len - n + 1 - (size_t)(p - s))) != NULL; p++)
    if (memcmp(p, w, n) == 0) return (size_t)(p - s);
  return 0;
}

int vnt_counter_add_text(vnt_counter *c, const char *s, size_t len, const vnt_count_opts *o, vnt_status *st) {
  vnt_count_opts dflt = {1, VNT_COUNT_SYLLABLE, 0, VNT_NORM_OPTS_INIT, NULL, 0};
  if (o == NULL) o = &dflt;
  if (o->n < 1 || o->n > 8) return VNT_EINVAL;
  if (st) st->offset = 0;
  if (o->n == 1 && o->unit == VNT_COUNT_SYLLABLE && o->normalize && len >= VNT__RAW_FIRST) {
    /* normalized unigrams of a long text: the tokens counted as written
     * first, then each distinct one normalized once and its count added
     * to its key -- the same counts, a normalization per distinct token
     * instead of per token */
    vnt_counter *raw = vnt_counter_new();
    if (raw == NULL) return VNT_ENOMEM;
    vnt_count_opts ro = *o;
    ro.normalize = 0;
    int rc = vnt_counter_add_text(raw, s, len, &ro, st);
    vnt_buf *k = &c->scratch;
    for (size_t i = 0; i < raw->cap && rc == VNT_OK; i++) {
      const cslot *r = &raw->t[i];
      if (r->hash == 0) continue;
      vnt_buf_reset(k);
      rc = token_key(slot_key(raw, r), r->len, o, k);
      if (rc < 0 && st) {   /* the key that failed: report where it first is in the text */
        st->offset = find_bytes(s, len, slot_key(raw, r), r->len);
      }
      if (rc == VNT_OK) rc = vnt_counter_add(c, k->data, k->len, r->count);
    }
    vnt_counter_free(raw);
    return rc;
  }
  size_t off = 0;
  if (vnt_utf8_validate(s, len, &off) != VNT_OK) { if (st) st->offset = off; return VNT_EUTF8; }
  vnt_buf *k = &c->scratch;
  int rc = VNT_OK;
  if (o->n == 1 && o->unit == VNT_COUNT_SYLLABLE) {
    /* unigrams of tokens: no sentences, no runs, no copies unless normalized;
     * the tokens found a batch at a time, then counted in a loop of their own */
    vnt_span batch[256];
    size_t p = 0, m;
    const int words_only = !o->all_tokens;
    while (rc == VNT_OK && (m = vnt__token_batch(s, len, &p, batch, sizeof batch / sizeof batch[0], words_only)) > 0) {
      if (o->normalize) {
        for (size_t i = 0; i < m && rc == VNT_OK; i++) {
          const vnt_span *t = &batch[i];
          if (t->kind == VNT_TOK_PUNCT) continue;   /* words only: there is none */
          vnt_buf_reset(k);
          rc = token_key(s + t->start, t->end - t->start, o, k);
          if (rc < 0 && st) st->offset = t->start;
          if (rc == VNT_OK) rc = vnt_counter_add(c, k->data, k->len, 1);
        }
        continue;
      }
      /* as written: short keys looked up here with the table in locals (the
       * stores to counts cannot change them), the sum added once a batch */
      cslot *tab = c->t;
      size_t mask = c->cap - 1;
      const uint64_t k0 = c->k0, k1 = c->k1;
      int64_t added = 0;
      for (size_t i = 0; i < m && rc == VNT_OK; i++) {
        const vnt_span *t = &batch[i];
        if (t->kind == VNT_TOK_PUNCT) continue;
        size_t tn = t->end - t->start;
        if (tn - 1 < 8 && t->start + 8 <= len) {   /* 1..8 bytes */
          /* a short key read in one load, no branch on its length */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
          uint64_t w = pack8((const unsigned char *)s + t->start, tn);
#else
          uint64_t w = load8((const unsigned char *)s + t->start) & (~UINT64_C(0) >> (64 - 8 * tn));
#endif
          uint64_t h = khash_kw(k0, k1, w, tn);
          size_t j = (size_t)h & mask;
          for (;;) {   /* inline keys: one 8-byte compare (slots are zeroed past the key) */
            cslot *e = &tab[j];
            if (e->hash == h && e->len == tn && e->k.off == w) { e->count++; added++; break; }
            if (e->hash == 0) {   /* a new key: the general way, which may grow the table */
              rc = vnt_counter_add(c, s + t->start, tn, 1);
              tab = c->t;
              mask = c->cap - 1;
              break;
            }
            j = (j + 1) & mask;
          }
        } else {
          rc = vnt_counter_add(c, s + t->start, tn, 1);
          tab = c->t;
          mask = c->cap - 1;
        }
      }
      c->total += added;
    }
    return rc;
  }
  vnt_buf spans = VNT_BUF_INIT;
  /* the keys are built one after another in k and added KEY_BATCH at a time */
  size_t kofs[KEY_BATCH], klen[KEY_BATCH], nk = 0;
  vnt_buf_reset(k);
  /* the units: tokens, or words; runs of units break at other tokens and at sentence ends */
  size_t pos = 0;
  vnt_span sp = {0, 0, 0};
  while (rc == VNT_OK && vnt_sentence_next(s, len, pos, NULL, &sp)) {
    pos = sp.end;
    vnt_buf_reset(&spans);
    if (o->unit == VNT_COUNT_WORD) {
      vnt_words_opts wo = {1, 1, NULL};
      rc = vnt_words(o->dict, s + sp.start, sp.end - sp.start, &wo, &spans);
    } else {
      vnt_span t;
      size_t p = 0;
      while (rc == VNT_OK && vnt_token_next(s + sp.start, sp.end - sp.start, p, &t)) {
        rc = vnt_buf_append(&spans, &t, sizeof t);
        p = t.end;
      }
    }
    if (rc != VNT_OK) break;
    const vnt_span *u = (const vnt_span *)(const void *)spans.data;
    size_t m = spans.len / sizeof *u;
    for (size_t a = 0; a < m && rc == VNT_OK;) {
      int unit = u[a].kind == VNT_TOK_WORD || u[a].kind == VNT_TOK_ABBREV || (o->all_tokens && u[a].kind != VNT_TOK_PUNCT);
      if (!unit) { a++; continue; }
      size_t e = a;
      while (e < m && (u[e].kind == VNT_TOK_WORD || u[e].kind == VNT_TOK_ABBREV ||
                       (o->all_tokens && u[e].kind != VNT_TOK_PUNCT)))
        e++;
      for (size_t i = a; i + (size_t)o->n <= e && rc == VNT_OK; i++) {
        size_t k0 = k->len;
        for (size_t j = i; j < i + (size_t)o->n && rc == VNT_OK; j++) {
          if (j > i) rc = vnt_buf_append(k, " ", 1);
          const char *w = s + sp.start + u[j].start;
          size_t wn = u[j].end - u[j].start;
          if (rc == VNT_OK && o->unit == VNT_COUNT_WORD && memchr(w, ' ', wn)) {
            /* a multi-syllable word: its syllables joined by '_' */
            size_t q = 0;
            while (q < wn && rc == VNT_OK) {
              size_t r = q;
              while (r < wn && w[r] != ' ' && w[r] != '\t') r++;
              if (q > 0) rc = vnt_buf_append(k, "_", 1);
              if (rc == VNT_OK) rc = token_key(w + q, r - q, o, k);
              while (r < wn && (w[r] == ' ' || w[r] == '\t')) r++;
              q = r;
            }
          } else if (rc == VNT_OK) {
            rc = token_key(w, wn, o, k);
          }
        }
        if (rc != VNT_OK) break;
        kofs[nk] = k0;
        klen[nk] = k->len - k0;
        if (++nk == KEY_BATCH) {
          rc = add_batch(c, k->data, kofs, klen, nk);
          nk = 0;
          vnt_buf_reset(k);
        }
      }
      a = e;
    }
  }
  if (rc == VNT_OK && nk > 0) rc = add_batch(c, k->data, kofs, klen, nk);
  if (rc < 0 && rc != VNT_ENOMEM && st) st->offset = sp.start;   /* the sentence it failed in */
  vnt_buf_free(&spans);
  return rc;
}

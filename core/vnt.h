/*
 * vnt.h -- the public interface of libvnt, the C core of vnt.
 *
 * Conventions (see docs/c.md):
 *  - Text comes in as (const char *s, size_t len); no NUL terminator is needed
 *    and embedded NULs are ordinary characters.
 *  - Functions return an int: VNT_OK (0) or another non-negative status on
 *    success, a negative VNT_E* code on failure.  vnt_strerror() gives the text.
 *  - Where a failure has a place in the input, it is reported as a 0-based byte
 *    offset through the caller's vnt_status.
 *  - Output text is appended to a caller-owned vnt_buf; the core never prints,
 *    never exits and keeps no global mutable state.
 */
#ifndef VNT_H
#define VNT_H

#include <stddef.h>
#include <stdint.h>

#define VNT_VERSION "0.1.0"

/* Everything declared here is the library's interface and exported from
 * libvnt.so.0; the core is built with -fvisibility=hidden, so what its files
 * share (vnt_internal.h) stays inside. */
#if defined(__GNUC__) && __GNUC__ >= 4
#pragma GCC visibility push(default)
#define VNT_VISIBILITY_PUSHED 1
#endif

/* Status codes. */
enum {
  VNT_OK = 0,
  VNT_SAME = 1,      /* success: the output would equal the input; nothing was written */
  VNT_EUTF8 = -1,    /* invalid UTF-8 (offset of the first bad byte in vnt_status) */
  VNT_ENOMEM = -2,   /* out of memory */
  VNT_EINVAL = -3,   /* bad options */
  VNT_ELIMIT = -4,   /* a size limit was exceeded (see VNT_MAX_SEGMENT) */
  VNT_EOVERFLOW = -5 /* a count would pass INT64_MAX (counters never wrap) */
};

const char *vnt_strerror(int code);

/* ---- growable byte buffer (core/buf.c) ------------------------------------ */

typedef struct vnt_buf {
  char *data;   /* owned; may be NULL while cap == 0 */
  size_t len;
  size_t cap;
} vnt_buf;

#define VNT_BUF_INIT {NULL, 0, 0}

void vnt_buf_init(vnt_buf *b);
/* Make room for at least `extra` more bytes; VNT_OK or VNT_ENOMEM. */
int vnt_buf_reserve(vnt_buf *b, size_t extra);
int vnt_buf_append(vnt_buf *b, const void *p, size_t n);
void vnt_buf_reset(vnt_buf *b);   /* len = 0, memory kept for reuse */
void vnt_buf_free(vnt_buf *b);    /* releases memory; b may be reused after init */

/* ---- UTF-8 (core/utf8.c) --------------------------------------------------- */

/* Decode one code point of s[0..len).  len 0 (or s NULL): returns 0, *cp = -1.  Returns its length in bytes
 * (1..4) and stores it in *cp, or returns the negated length (-1..-3) of the
 * maximal invalid subpart (Unicode 15, 3.9 "U+FFFD substitution of maximal
 * subparts") and stores -1.  Rejects overlongs, surrogates, > U+10FFFF. */
int vnt_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);

/* Encode cp (a valid scalar value) into dst[0..4); returns the length. */
int vnt_utf8_encode(int32_t cp, char *dst);

/* VNT_OK if s is valid UTF-8; else VNT_EUTF8 with *err_off = offset of the
 * first byte of the first invalid sequence. */
int vnt_utf8_validate(const char *s, size_t len, size_t *err_off);

/* Append s to out, each maximal invalid subpart replaced by U+FFFD.
 * *nrepl (may be NULL) receives the number of replacements. */
int vnt_utf8_repair(const char *s, size_t len, vnt_buf *out, size_t *nrepl);

/* ---- normalization (core/normalize.c, core/viet.c) ------------------------- */

typedef enum vnt_form {
  VNT_FORM_NONE = 0,  /* leave the Unicode form as it is */
  VNT_NFC, VNT_NFD, VNT_NFKC, VNT_NFKD
} vnt_form;

typedef enum vnt_tones {
  VNT_TONES_KEEP = 0, /* leave tone marks where the text put them */
  VNT_TONES_NEW,      /* 2018 rules: on the main vowel (hoà, khoẻ, thuỷ) */
  VNT_TONES_OLD       /* traditional: on the first vowel of open oa/oe/uy (hòa, khỏe, thủy) */
} vnt_tones;

typedef enum vnt_case {
  VNT_CASE_KEEP = 0, VNT_CASE_LOWER, VNT_CASE_UPPER, VNT_CASE_FOLD
} vnt_case;

/* Flags for vnt_norm_opts.flags. */
#define VNT_STRIP   (1u << 0)  /* remove diacritics: "Chuyển đổi số" -> "Chuyen doi so", đ -> d */
#define VNT_SPACE   (1u << 1)  /* NBSP and other spaces -> ' ', drop zero-width chars, squeeze runs, trim lines */
#define VNT_PUNCT   (1u << 2)  /* typographic quotes -> ASCII, dashes -> '-', ellipsis -> "..." */
#define VNT_REPAIR  (1u << 3)  /* replace invalid UTF-8 with U+FFFD instead of failing */

typedef struct vnt_norm_opts {
  vnt_form form;
  vnt_tones tones;
  vnt_case casing;
  unsigned flags;
} vnt_norm_opts;

/* The defaults: NFC, tones kept, case kept, no flags. */
#define VNT_NORM_OPTS_INIT {VNT_NFC, VNT_TONES_KEEP, VNT_CASE_KEEP, 0u}

/* Longest run of code points the slow path will take as one normalization
 * segment (a base and its combining marks).  Longer runs fail with
 * VNT_ELIMIT; the time spent is linear in any case. */
#define VNT_MAX_SEGMENT (1u << 22)

typedef struct vnt_status {
  size_t offset;   /* on VNT_EUTF8/VNT_ELIMIT: byte offset in the input */
  size_t repairs;  /* number of U+FFFD substitutions made (VNT_REPAIR) */
} vnt_status;

/* Normalize s according to o, appending the result to out.
 * Returns VNT_OK (result appended), VNT_SAME (the result equals the input:
 * nothing was appended, use the input), or a negative code with
 * st->offset set.  On failure out->len is restored to its value on entry.
 * Memory: temporaries are freed before return; out is the caller's. */
int vnt_normalize(const char *s, size_t len, const vnt_norm_opts *o,
                  vnt_buf *out, vnt_status *st);

/* Is s already in form f (and valid UTF-8)?  1 yes, 0 no, VNT_EUTF8 on bad
 * input (offset in *err_off). */
int vnt_is_normalized(const char *s, size_t len, vnt_form f, size_t *err_off);   /* VNT_EINVAL: f is no form (NONE, bad value) */

/* Where a stream of text may be cut so that normalizing the two parts
 * separately gives the same result as normalizing the whole: returns the
 * offset of the start of the tail to carry over into the next chunk (just
 * after the last '\n', else the start of the last run of blanks, else the
 * last ASCII byte), or 0 when s has no such place. */
size_t vnt_safe_cut(const char *s, size_t len);

/* ---- segmentation (core/segment.c, core/viet.c) ---------------------------
 * Iterator steps over valid UTF-8 (validate first: an invalid byte is read as
 * one character of its own, safely, but its class is a guess).  Spans are
 * byte offsets into the text, end exclusive. */

typedef struct vnt_span {
  size_t start, end;
  int kind;   /* tokens: a vnt_token_kind */
} vnt_span;

typedef enum vnt_token_kind {
  VNT_TOK_WORD = 1,   /* a syllable or a foreign word: letters, marks, digits after a letter */
  VNT_TOK_NUMBER,     /* 160.000  1,5  95%  and an attached unit: 40Mbit/s  5G */
  VNT_TOK_DATE,       /* 14/10/2021  29/7  12.6.2023  20-10 */
  VNT_TOK_TIME,       /* 16:50  16h30  7h */
  VNT_TOK_PUNCT,      /* one mark, or a run of the same mark: ...  !!! */
  VNT_TOK_SYMBOL,     /* one grapheme cluster: $  +  emoji */
  VNT_TOK_URL,        /* https://...  www.... */
  VNT_TOK_EMAIL,
  VNT_TOK_HASHTAG,    /* #chuyendoiso */
  VNT_TOK_MENTION,    /* @vnt */
  VNT_TOK_ABBREV      /* two capitals or more, may be joined by & or -: UBND  CĐS  TT&TT  CNTT-TT */
} vnt_token_kind;

const char *vnt_token_kind_name(int kind);   /* "word", "number", ... */

typedef struct vnt_sent_opts {
  const char *const *abbrev;   /* more abbreviations (without the full stop) */
  const size_t *abbrev_len;
  size_t n_abbrev;
  int soft_wrap;               /* join a line break followed by a lower-case word */
} vnt_sent_opts;

/* The next sentence at or after pos: 1 and *sp (blanks around it left out),
 * or 0 when only blanks remain.  o may be NULL (built-in abbreviations, soft
 * wraps joined).  Continue from sp->end. */
int vnt_sentence_next(const char *s, size_t len, size_t pos, const vnt_sent_opts *o, vnt_span *sp);

/* The next token at or after pos: 1 and *tok, or 0.  What lies between
 * tokens is white space (including zero-width and control characters), so
 * tokens and the gaps between them give back the text exactly. */
int vnt_token_next(const char *s, size_t len, size_t pos, vnt_span *tok);

/* The end of the extended grapheme cluster (UAX #29) that starts at pos. */
size_t vnt_grapheme_next(const char *s, size_t len, size_t pos);

/* Is s one Vietnamese syllable by the spelling rules: onset, glide, nucleus,
 * coda, and a tone the coda allows?  1 or 0 (Viettel, Houlin: 0). */
int vnt_syllable_valid(const char *s, size_t len);

/* ---- words (core/words.c) ------------------------------------------------------
 * A dictionary of words (syllable sequences) and a segmenter over it.  Keys
 * are normalized: lower case, NFC, tone marks in the new style, so any
 * spelling of an entry matches any spelling in the text. */

typedef struct vnt_dict vnt_dict;

/* A new empty dictionary (NULL: out of memory); seed varies the hash. */
vnt_dict *vnt_dict_new(uint64_t seed);
void vnt_dict_free(vnt_dict *d);
/* Add one word, its syllables separated by blanks or '_'.  VNT_OK, VNT_SAME
 * (skipped: empty or longer than 8 syllables), or VNT_ENOMEM. */
int vnt_dict_add(vnt_dict *d, const char *w, size_t len);
/* Add a word list, one word a line (Viet74K.txt, or the '_' format); lines
 * with digits or ASCII punctuation are skipped.  *added: new words. */
int vnt_dict_add_lines(vnt_dict *d, const char *s, size_t len, size_t *added);
/* Is w an entry?  1 or 0 (VNT_ENOMEM).  It builds w's key in d's scratch
 * buffer, so it is NOT thread-safe: one thread at a time per dictionary
 * (vnt_words does not change d, and threads may share d for it). */
int vnt_dict_has(vnt_dict *d, const char *w, size_t len);
/* From now on, skip two-syllable entries that the Vietnamese treebank
 * writes as two words: two function syllables (sau đó, có một, cho biết)
 * or a verb and a directional complement (đưa ra, trở về). */
void vnt_dict_split_free(vnt_dict *d, int on);
size_t vnt_dict_size(const vnt_dict *d);                     /* words */

/* ---- word sets (core/wordset.c) ---------------------------------------------
 * A small set of words looked up in any case (ASCII and the precomposed
 * Vietnamese letters: Tháng, THÁNG and tháng are one word), and the scan
 * that finds where the words of a text that are in it start: where a
 * finder written as a grammar need be tried. */

typedef struct vnt_wordset vnt_wordset;

vnt_wordset *vnt_wordset_new(void);                          /* NULL: out of memory */
void vnt_wordset_free(vnt_wordset *ws);
/* Add a word (no blanks; up to 48 bytes).  VNT_OK, VNT_SAME (already there),
 * VNT_EINVAL (empty or too long), VNT_ENOMEM. */
int vnt_wordset_add(vnt_wordset *ws, const char *w, size_t len);
/* Add a word that starts only before the word next (after blanks), or, with
 * next NULL, before a number: the scan finds "trong" in "trong 3 ngày" and
 * "trong vòng", not in "trong nhà".  Same returns. */
int vnt_wordset_add_next(vnt_wordset *ws, const char *w, size_t len, const char *next, size_t nlen);
/* Whether w, in any case, is in the set as a word alone (vnt_wordset_add). */
int vnt_wordset_has(const vnt_wordset *ws, const char *w, size_t len);
size_t vnt_wordset_size(const vnt_wordset *ws);   /* entries: words and word pairs */
/* The words of s[*pos..len) that are in the set, and (digits != 0) the
 * runs that start with a digit: their byte offsets, up to cap of them, in
 * out (a word added with vnt_wordset_add_next only where its next word
 * or a number follows); *pos moves past what was read, to go on from.  A word is a run of
 * ASCII letters and digits and UTF-8 letters (lead bytes C3..E1 and their
 * continuation bytes), after any other byte or character (“Từ is a word
 * after its quote mark).  Returns how many were found; fewer than cap only
 * at the end of the text. */
size_t vnt_wordset_scan(const vnt_wordset *ws, const char *s, size_t len, size_t *pos, size_t *out, size_t cap,
                        int digits);

/* A gap model: an averaged perceptron that joins or splits each gap between
 * two syllables, with the dictionary's matches among its features. */
typedef struct vnt_wmodel vnt_wmodel;
vnt_wmodel *vnt_wmodel_new(void);
void vnt_wmodel_free(vnt_wmodel *m);
size_t vnt_wmodel_size(const vnt_wmodel *m);   /* features */
/* Train on gold text in the '_' format (words separated by blanks, the
 * syllables of a word joined by '_'), `epochs` passes; d may be NULL.
 * *ngaps: the gaps learned from.  Train once, on a new model. */
int vnt_wmodel_train(vnt_wmodel *m, const vnt_dict *d, const char *gold, size_t len, int epochs, size_t *ngaps);
/* Save as text ("vnt-wmodel 1 N", then "hash weight" lines) / load it back;
 * a bad file gives VNT_EINVAL and the line in *err_line. */
int vnt_wmodel_save(const vnt_wmodel *m, vnt_buf *out);
int vnt_wmodel_load(vnt_wmodel *m, const char *s, size_t len, size_t *err_line);

typedef struct vnt_words_opts {
  int join_names;     /* capitalized syllables inside a sentence form one word (without a model) */
  int join_numbers;   /* 10 . 000 and 1 , 5 written apart form one word */
  const vnt_wmodel *model;   /* NULL: the dictionary's bidirectional matching decides */
} vnt_words_opts;

/* Segment s into words, appending one vnt_span per word (a run of syllables,
 * or any other token) to out as raw structs.  d NULL: every syllable is a
 * word.  o NULL: both joins on.  Does not change d: threads may share it. */
int vnt_words(const vnt_dict *d, const char *s, size_t len, const vnt_words_opts *o, vnt_buf *out);

/* ---- encodings (core/encoding.c) -------------------------------------------------- */

typedef enum vnt_encoding {
  VNT_ENC_UNKNOWN = 0,
  VNT_ENC_UTF8, VNT_ENC_UTF16LE, VNT_ENC_UTF16BE,
  VNT_ENC_CP1258,   /* Windows-1258 (iconv) */
  VNT_ENC_TCVN3,    /* TCVN3 / ABC (iconv's TCVN5712-1) */
  VNT_ENC_VNI,      /* VNI-Windows (vnt's own) */
  VNT_ENC_VIQR,     /* VIQR, Vietnamese in ASCII (vnt's own) */
  VNT_ENC_VISCII,   /* (iconv) */
  VNT_ENC_BINARY    /* detection only: not text */
} vnt_encoding;

const char *vnt_encoding_name(int e);              /* "utf-8", "tcvn3", "vni", ... */
int vnt_encoding_from_name(const char *name);      /* VNT_ENC_UNKNOWN if none */

/* Guess the encoding of s from its first 64 KiB: byte order marks, NUL
 * bytes (UTF-16, or binary), UTF-8 validity, else the 8-bit encoding that
 * decodes into the most Vietnamese syllables.  *confidence: 0..100 (0 with
 * VNT_ENC_UNKNOWN: cannot tell). */
int vnt_detect(const char *s, size_t len, int *confidence);

/* Convert s from encoding enc to UTF-8 NFC (a BOM is dropped), appending
 * to out.  Bytes the encoding cannot hold: VNT_EUTF8 with st->offset. */
int vnt_decode(const char *s, size_t len, int enc, vnt_buf *out, vnt_status *st);

/* Convert UTF-8 s to encoding enc.  A character the encoding lacks:
 * VNT_EINVAL with st->offset. */
int vnt_encode(const char *s, size_t len, int enc, vnt_buf *out, vnt_status *st);

/* ---- counting (core/count.c) ------------------------------------------------------- */

/* A hash counter of byte strings: open addressing, keys of up to 8 bytes
 * inline and longer ones once in an arena, a keyed hash under a random key
 * per counter (crafted keys cannot make it slow).  Counts are int64. */
typedef struct vnt_counter vnt_counter;

typedef struct vnt_counter_entry {
  const char *key;   /* points into the counter: valid while it is unchanged */
  uint32_t len;
  int64_t count;
} vnt_counter_entry;

vnt_counter *vnt_counter_new(void);
/* A new empty counter that hashes keys as c does (the same random key), so
 * merging one into the other reuses the hashes: for counters filled on
 * threads and merged at the end. */
vnt_counter *vnt_counter_new_like(const vnt_counter *c);
void vnt_counter_free(vnt_counter *c);
int vnt_counter_add(vnt_counter *c, const char *key, size_t len, int64_t by);   /* VNT_OK, VNT_ENOMEM or VNT_EOVERFLOW */
int64_t vnt_counter_get(const vnt_counter *c, const char *key, size_t len);     /* 0 if absent */
size_t vnt_counter_size(const vnt_counter *c);    /* distinct keys */
int64_t vnt_counter_total(const vnt_counter *c);  /* sum of counts */
int vnt_counter_merge(vnt_counter *dst, const vnt_counter *src);                /* dst += src; VNT_ENOMEM, VNT_EOVERFLOW */
/* Visit every entry in table order: *pos starts at 0; 1 while there is one. */
int vnt_counter_next(const vnt_counter *c, size_t *pos, const char **key, size_t *len, int64_t *count);
/* All entries, by count (highest first, ties by key) or by key (bytes);
 * *out is malloc'ed: free() it. */
int vnt_counter_sorted(const vnt_counter *c, int by_count, vnt_counter_entry **out);
/* The k most frequent entries (ties by key), highest first, in a new array
 * the caller frees; *n gets how many (k, or fewer keys).  Linear in the
 * keys on average, plus sorting the k. */
int vnt_counter_top(const vnt_counter *c, size_t k, vnt_counter_entry **out, size_t *n);
/* TSV: "key<TAB>count" lines sorted by key.  Keys with a tab or a line
 * break cannot be saved (VNT_EINVAL).  Loading adds to what is there; a bad
 * line gives VNT_EINVAL and its number. */
int vnt_counter_save(const vnt_counter *c, vnt_buf *out);
int vnt_counter_load(vnt_counter *c, const char *s, size_t len, size_t *err_line);

enum { VNT_COUNT_SYLLABLE = 0, VNT_COUNT_WORD = 1 };

typedef struct vnt_count_opts {
  int n;                 /* n-grams of n units (1..8) */
  int unit;              /* VNT_COUNT_SYLLABLE (word and abbreviation tokens) or VNT_COUNT_WORD (vnt_words) */
  int normalize;         /* keys normalized with norm (else as written) */
  vnt_norm_opts norm;
  const vnt_dict *dict;  /* for VNT_COUNT_WORD */
  int all_tokens;        /* count numbers, dates, symbols... too (punctuation never) */
} vnt_count_opts;

/* Tokenize s, normalize the keys, and count unit n-grams that do not cross
 * a sentence end or another token; words are keyed with '_' between their
 * syllables, n-gram units with ' '.  o NULL: syllable unigrams as written.
 * Invalid UTF-8: VNT_EUTF8 with st->offset. */
int vnt_counter_add_text(vnt_counter *c, const char *s, size_t len, const vnt_count_opts *o, vnt_status *st);

#ifdef VNT_VISIBILITY_PUSHED
#pragma GCC visibility pop
#undef VNT_VISIBILITY_PUSHED
#endif

#endif /* VNT_H */

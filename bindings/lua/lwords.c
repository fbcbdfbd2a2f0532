/* lwords.c -- the Lua side of word segmentation: vnt.dict userdata and
 * vnt.words / vnt.write_words. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "vnt.h"
#include "lvnt.h"

#define DICT_MT "vnt.dict"
#define MODEL_MT "vnt.wmodel"

typedef struct lmodel {
  vnt_wmodel *m;   /* NULL until created, and after __gc */
} lmodel;

static lmodel *new_model(lua_State *L) {
  lmodel *lm = (lmodel *)lua_newuserdatauv(L, sizeof *lm, 0);
  lm->m = NULL;
  luaL_setmetatable(L, MODEL_MT);
  lm->m = vnt_wmodel_new();
  if (lm->m == NULL) luaL_error(L, "vnt: out of memory");
  return lm;
}

static lmodel *check_model(lua_State *L, int arg) {
  lmodel *lm = (lmodel *)luaL_checkudata(L, arg, MODEL_MT);
  luaL_argcheck(L, lm->m != NULL, arg, "model already freed");
  return lm;
}

static int lm_gc(lua_State *L) {
  lmodel *lm = (lmodel *)luaL_checkudata(L, 1, MODEL_MT);
  vnt_wmodel_free(lm->m);
  lm->m = NULL;
  return 0;
}

static int lm_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)vnt_wmodel_size(check_model(L, 1)->m));
  return 1;
}

static int lm_tostring(lua_State *L) {
  lmodel *lm = (lmodel *)luaL_checkudata(L, 1, MODEL_MT);
  if (lm->m == NULL) lua_pushliteral(L, "vnt.wmodel (freed)");
  else lua_pushfstring(L, "vnt.wmodel (%d features)", (int)vnt_wmodel_size(lm->m));
  return 1;
}

/* m:dump() -> the model as text (see vnt_wmodel_save) */
static int lm_dump(lua_State *L) {
  lmodel *lm = check_model(L, 1);
  vnt_buf *b = (vnt_buf *)lua_newuserdatauv(L, sizeof *b, 0);
  vnt_buf_init(b);
  int rc = vnt_wmodel_save(lm->m, b);
  if (rc < 0) { vnt_buf_free(b); return lv_fail(L, "wmodel:dump", rc, 0); }
  lua_pushlstring(L, b->data, b->len);
  vnt_buf_free(b);
  return 1;
}

/* vnt.wmodel(text) -> a model read from its text; raises naming the bad line */
static int lv_wmodel(lua_State *L) {
  size_t len, line = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  lmodel *lm = new_model(L);
  int rc = vnt_wmodel_load(lm->m, s, len, &line);
  if (rc == VNT_EINVAL) return luaL_error(L, "vnt.wmodel: not a vnt word model (line %d)", (int)line);
  if (rc < 0) return lv_fail(L, "wmodel", rc, 0);
  return 1;
}

typedef struct ldict {
  vnt_dict *d;   /* NULL until created, and after __gc */
} ldict;

static ldict *check_dict(lua_State *L, int arg) {
  ldict *ld = (ldict *)luaL_checkudata(L, arg, DICT_MT);
  luaL_argcheck(L, ld->d != NULL, arg, "dictionary already freed");
  return ld;
}

struct vnt_dict *lv_check_dict(lua_State *L, int arg) { return check_dict(L, arg)->d; }

/* vnt.dict([words]) -> a new dictionary, filled from a list of strings */
static int lv_dict(lua_State *L) {
  int has_list = !lua_isnoneornil(L, 1);
  if (has_list) luaL_checktype(L, 1, LUA_TTABLE);
  /* the userdata exists, empty, before the C object: an allocation error
   * cannot leak it (liolib's newprefile habit) */
  ldict *ld = (ldict *)lua_newuserdatauv(L, sizeof *ld, 0);
  ld->d = NULL;
  luaL_setmetatable(L, DICT_MT);
  ld->d = vnt_dict_new(0x5EED5EEDu);
  if (ld->d == NULL) return luaL_error(L, "vnt.dict: out of memory");
  if (has_list) {
    lua_Integer n = luaL_len(L, 1);
    for (lua_Integer i = 1; i <= n; i++) {
      size_t len;
      const char *w = lua_rawgeti(L, 1, i) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
      if (w == NULL) return luaL_error(L, "vnt.dict: item %d is %s, not a string", (int)i, luaL_typename(L, -1));
      if (vnt_utf8_validate(w, len, NULL) != VNT_OK) return luaL_error(L, "vnt.dict: item %d is not valid UTF-8", (int)i);
      if (vnt_dict_add(ld->d, w, len) < 0) return luaL_error(L, "vnt.dict: out of memory");
      lua_pop(L, 1);
    }
  }
  return 1;
}

static int ld_gc(lua_State *L) {
  ldict *ld = (ldict *)luaL_checkudata(L, 1, DICT_MT);
  vnt_dict_free(ld->d);
  ld->d = NULL;
  return 0;
}

/* d:add(word) -> true if new or known, false if skipped */
static int ld_add(lua_State *L) {
  ldict *ld = check_dict(L, 1);
  const char *w;
  size_t len;
  check_text(L, 2, "dict:add", &w, &len);
  int rc = vnt_dict_add(ld->d, w, len);
  if (rc < 0) return lv_fail(L, "dict:add", rc, 0);
  lua_pushboolean(L, rc == VNT_OK);
  return 1;
}

/* d:add_lines(text [, {split_free = false}]) -> number of new words: a
 * word list, one a line; split_free skips the free combinations that the
 * treebank splits (see vnt_dict_split_free) */
static int ld_add_lines(lua_State *L) {
  ldict *ld = check_dict(L, 1);
  const char *s;
  size_t len, added = 0;
  check_text(L, 2, "dict:add_lines", &s, &len);
  int split = 0;
  if (!lua_isnoneornil(L, 3)) {
    static const char *const keys[] = {"split_free", NULL};
    luaL_checktype(L, 3, LUA_TTABLE);
    check_keys(L, 3, "dict:add_lines", keys);
    split = opt_bool(L, 3, "dict:add_lines", "split_free");
  }
  vnt_dict_split_free(ld->d, split);
  int rc = vnt_dict_add_lines(ld->d, s, len, &added);
  vnt_dict_split_free(ld->d, 0);
  if (rc < 0) return lv_fail(L, "dict:add_lines", rc, 0);
  lua_pushinteger(L, (lua_Integer)added);
  return 1;
}

static int ld_has(lua_State *L) {
  ldict *ld = check_dict(L, 1);
  size_t len;
  const char *w = luaL_checklstring(L, 2, &len);
  lua_pushboolean(L, vnt_utf8_validate(w, len, NULL) == VNT_OK && vnt_dict_has(ld->d, w, len) == 1);
  return 1;
}

static int ld_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)vnt_dict_size(check_dict(L, 1)->d));
  return 1;
}

static int ld_tostring(lua_State *L) {
  ldict *ld = (ldict *)luaL_checkudata(L, 1, DICT_MT);
  if (ld->d == NULL) lua_pushliteral(L, "vnt.dict (freed)");
  else lua_pushfstring(L, "vnt.dict (%d words)", (int)vnt_dict_size(ld->d));
  return 1;
}

static const char *const words_keys[] = {"dict", "model", "join_names", "join_numbers", NULL};
static const char *const wwords_keys[] = {"dict", "model", "join_names", "join_numbers", "continued", NULL};

/* The dictionary of option `dict`; absent: require("vnt.lexicon").default()
 * (nil there too: syllables).  false: no dictionary. */
static const vnt_dict *opt_dict(lua_State *L, int idx, vnt_words_opts *o) {
  o->join_names = 1;
  o->join_numbers = 1;
  o->model = NULL;
  if (!lua_isnoneornil(L, idx)) {
    luaL_checktype(L, idx, LUA_TTABLE);
    if (lua_getfield(L, idx, "model") != LUA_TNIL) o->model = check_model(L, lua_gettop(L))->m;
    lua_pop(L, 1);   /* the options table keeps the model alive */
  }
  int t = lua_isnoneornil(L, idx) ? LUA_TNIL : (luaL_checktype(L, idx, LUA_TTABLE), lua_getfield(L, idx, "dict"));
  if (!lua_isnoneornil(L, idx)) {
    if (lua_getfield(L, idx, "join_names") != LUA_TNIL) o->join_names = lua_toboolean(L, -1);
    if (lua_getfield(L, idx, "join_numbers") != LUA_TNIL) o->join_numbers = lua_toboolean(L, -1);
    lua_pop(L, 2);
  } else {
    lua_pushnil(L);
  }
  if (t == LUA_TBOOLEAN && !lua_toboolean(L, -1)) return NULL;
  if (t == LUA_TNIL) {
    lua_pop(L, 1);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "vnt.lexicon");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "default");
    lua_call(L, 0, 1);
    lua_remove(L, -2);
    if (lua_isnil(L, -1)) return NULL;
  }
  return check_dict(L, lua_gettop(L))->d;   /* stays on the stack while used */
}

/* vnt.words(text [, {dict = d, join_names = true, join_numbers = true}]) -> array of words */
static int lv_words(lua_State *L) {
  const char *s;
  size_t len;
  check_text(L, 1, "words", &s, &len);
  if (!lua_isnoneornil(L, 2)) { luaL_checktype(L, 2, LUA_TTABLE); check_keys(L, 2, "words", words_keys); }
  vnt_words_opts o;
  const vnt_dict *d = opt_dict(L, 2, &o);
  vnt_buf *b = (vnt_buf *)lua_newuserdatauv(L, sizeof *b, 0);   /* freed below; no Lua error in between */
  vnt_buf_init(b);
  int rc = vnt_words(d, s, len, &o, b);
  if (rc < 0) { vnt_buf_free(b); return lv_fail(L, "words", rc, 0); }
  size_t n = b->len / sizeof(vnt_span);
  vnt_span *w = (vnt_span *)(void *)b->data;
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushlstring(L, s + w[i].start, w[i].end - w[i].start);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  vnt_buf_free(b);
  return 1;
}

/* vnt.write_words(file, text [, opts]) -> #text: the '_' format, one output
 * line per input line: words separated by spaces, the syllables of a word
 * joined by '_' (what ../shared/tools/wseg-eval reads). */
static int lv_write_words(lua_State *L) {
  FILE *f = check_file(L, 1);
  const char *s;
  size_t len;
  check_text(L, 2, "write_words", &s, &len);
  if (!lua_isnoneornil(L, 3)) { luaL_checktype(L, 3, LUA_TTABLE); check_keys(L, 3, "write_words", wwords_keys); }
  int continued = lua_isnoneornil(L, 3) ? 0 : opt_bool(L, 3, "write_words", "continued");
  vnt_words_opts o;
  const vnt_dict *d = opt_dict(L, 3, &o);
  luaL_Buffer lb;
  vnt_buf *b = (vnt_buf *)lua_newuserdatauv(L, sizeof *b, 0);
  vnt_buf_init(b);
  int rc = vnt_words(d, s, len, &o, b);
  if (rc < 0) { vnt_buf_free(b); return lv_fail(L, "write_words", rc, 0); }
  size_t n = b->len / sizeof(vnt_span);
  const vnt_span *w = (const vnt_span *)(const void *)b->data;
  luaL_buffinit(L, &lb);
  size_t pos = 0;
  int line_open = continued;
  for (size_t i = 0; i < n; i++) {
    size_t nl = 0;
    for (size_t k = pos; k < w[i].start; k++) nl += s[k] == '\n';
    for (size_t k = 0; k < nl; k++) luaL_addchar(&lb, '\n');
    if (nl) line_open = 0;
    if (line_open && w[i].start > pos) luaL_addchar(&lb, ' ');   /* no blank in the text (TP.): none here */
    size_t run = w[i].start;   /* blanks inside a word become one '_' */
    for (size_t k = w[i].start; k < w[i].end; k++) {
      if (s[k] != ' ' && s[k] != '\t') continue;
      luaL_addlstring(&lb, s + run, k - run);
      luaL_addchar(&lb, '_');
      while (k + 1 < w[i].end && (s[k + 1] == ' ' || s[k + 1] == '\t')) k++;
      run = k + 1;
    }
    luaL_addlstring(&lb, s + run, w[i].end - run);
    line_open = 1;
    pos = w[i].end;
    if (lb.n > (1 << 16)) {   /* write as we go: memory stays small */
      luaL_pushresult(&lb);
      size_t m;
      const char *p = lua_tolstring(L, -1, &m);
      if (fwrite(p, 1, m, f) != m) { vnt_buf_free(b); return lv_write_failed(L); }
      lua_pop(L, 1);
      luaL_buffinit(L, &lb);
    }
  }
  for (size_t k = pos; k < len; k++)
    if (s[k] == '\n') luaL_addchar(&lb, '\n');
  vnt_buf_free(b);
  luaL_pushresult(&lb);
  size_t m;
  const char *p = lua_tolstring(L, -1, &m);
  if (m && fwrite(p, 1, m, f) != m) return lv_write_failed(L);
  lua_pushinteger(L, (lua_Integer)len);
  return 1;
}

static const luaL_Reg dict_methods[] = {
  {"add", ld_add}, {"add_lines", ld_add_lines}, {"has", ld_has}, {NULL, NULL}
};
static const luaL_Reg dict_meta[] = {
  {"__index", NULL}, {"__gc", ld_gc}, {"__close", ld_gc}, {"__len", ld_len}, {"__tostring", ld_tostring},
  {NULL, NULL}
};

static const char *const train_keys[] = {"dict", "epochs", NULL};

/* vnt.train_words(gold [, {dict = d|false, epochs = 10}]) -> model, gaps
 * gold: text in the '_' format (words separated by blanks, the syllables of
 * a word joined by '_').  The dictionary defaults to the default one. */
static int lv_train_words(lua_State *L) {
  const char *s;
  size_t len, gaps = 0;
  check_text(L, 1, "train_words", &s, &len);
  int epochs = 10;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    check_keys(L, 2, "train_words", train_keys);
    lua_getfield(L, 2, "epochs");
    if (!lua_isnil(L, -1)) epochs = (int)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    if (epochs < 1 || epochs > 1000) return luaL_error(L, "vnt.train_words: option 'epochs' must be 1..1000");
  }
  vnt_words_opts o;
  const vnt_dict *d = opt_dict(L, 2, &o);
  lmodel *lm = new_model(L);
  int rc = vnt_wmodel_train(lm->m, d, s, len, epochs, &gaps);
  if (rc < 0) return lv_fail(L, "train_words", rc, 0);
  lua_pushinteger(L, (lua_Integer)gaps);
  return 2;
}


/* ---- n-grams ------------------------------------------------------------------- */

/* Push one n-gram: units [a, a + n) of the span array, joined by spaces, the
 * blanks inside a unit (a multi-syllable word) written '_'. */
static void push_gram(lua_State *L, const char *s, const vnt_span *u, size_t a, size_t n) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (size_t i = a; i < a + n; i++) {
    if (i > a) luaL_addchar(&b, ' ');
    for (size_t k = u[i].start; k < u[i].end; k++) {
      char c = s[k];
      if (c == ' ' || c == '\t') {
        luaL_addchar(&b, '_');
        while (k + 1 < u[i].end && (s[k + 1] == ' ' || s[k + 1] == '\t')) k++;
      } else {
        luaL_addchar(&b, c);
      }
    }
  }
  luaL_pushresult(&b);
}

static const char *const ngram_keys[] = {"unit", "across", "dict", "model", "join_names", "join_numbers", NULL};
static const char *const unit_names[] = {"syllable", "word", NULL};

/* vnt.ngrams(text_or_list, n [, {unit = "syllable"|"word", across = false, dict, model}])
 *   -> array of n-grams
 * From a list of strings: its n-grams, joined by spaces.  From text: n-grams
 * of syllables (word and abbreviation tokens) or of words (vnt.words), that
 * do not cross a sentence boundary (unless across = true) or any other
 * token (punctuation, numbers, symbols). */
static int lv_ngrams(lua_State *L) {
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_argcheck(L, n >= 1 && n <= 16, 2, "n must be 1..16");
  if (lua_istable(L, 1)) {
    lua_Integer m = luaL_len(L, 1);
    lua_createtable(L, m >= n ? (int)(m - n + 1) : 0, 0);
    for (lua_Integer i = 1; i + n - 1 <= m; i++) {
      luaL_Buffer b;
      luaL_buffinit(L, &b);
      for (lua_Integer k = i; k < i + n; k++) {
        if (k > i) luaL_addchar(&b, ' ');
        if (lua_rawgeti(L, 1, k) != LUA_TSTRING) return luaL_error(L, "vnt.ngrams: item %d is not a string", (int)k);
        luaL_addvalue(&b);
      }
      luaL_pushresult(&b);
      lua_rawseti(L, -2, i);
    }
    return 1;
  }
  const char *s;
  size_t len;
  check_text(L, 1, "ngrams", &s, &len);
  int unit = 0, across = 0;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    check_keys(L, 3, "ngrams", ngram_keys);
    if (lua_getfield(L, 3, "unit") != LUA_TNIL) {
      const char *u = lua_tostring(L, -1);
      unit = u ? find_name(unit_names, u) : -1;
      if (unit < 0) return luaL_error(L, "vnt.ngrams: option 'unit' must be \"syllable\" or \"word\"");
    }
    lua_pop(L, 1);
    across = opt_bool(L, 3, "ngrams", "across");
  }
  vnt_words_opts o = {1, 1, NULL};
  const vnt_dict *d = unit == 1 ? opt_dict(L, 3, &o) : NULL;
  vnt_buf *b = (vnt_buf *)lua_newuserdatauv(L, sizeof *b, 0);   /* units of one sentence */
  vnt_buf_init(b);
  lua_newtable(L);
  lua_Integer out = 0;
  size_t pos = 0;
  vnt_span sp;
  while (across ? (pos < len ? (sp.start = 0, sp.end = len, 1) : 0) : vnt_sentence_next(s, len, pos, NULL, &sp)) {
    vnt_buf_reset(b);
    int rc = VNT_OK;
    if (unit == 1) {
      rc = vnt_words(d, s + sp.start, sp.end - sp.start, &o, b);
    } else {
      vnt_span t;
      size_t p = 0;
      while (rc == VNT_OK && vnt_token_next(s + sp.start, sp.end - sp.start, p, &t)) {
        rc = vnt_buf_append(b, &t, sizeof t);
        p = t.end;
      }
    }
    if (rc < 0) { vnt_buf_free(b); return lv_fail(L, "ngrams", rc, 0); }
    vnt_span *u = (vnt_span *)(void *)b->data;
    size_t m = b->len / sizeof *u;
    for (size_t i = 0; i < m; i++) { u[i].start += sp.start; u[i].end += sp.start; }
    /* runs of units; any other token breaks them */
    size_t a = 0;
    while (a < m) {
      if (u[a].kind != VNT_TOK_WORD && u[a].kind != VNT_TOK_ABBREV) { a++; continue; }
      size_t e = a;
      while (e < m && (u[e].kind == VNT_TOK_WORD || u[e].kind == VNT_TOK_ABBREV)) e++;
      for (size_t i = a; i + (size_t)n <= e; i++) {
        push_gram(L, s, u, i, (size_t)n);
        lua_rawseti(L, -2, ++out);
      }
      a = e;
    }
    pos = sp.end;
    if (across) break;
  }
  vnt_buf_free(b);
  return 1;
}

/* vnt.sentence_ranks(vecs, norms [, damping]) -> {rank, ...}
 * TextRank over the cosine similarities of n sentences: vecs[i] is a table
 * term -> weight (weights > 0), norms[i] its norm (0: a sentence with no
 * terms).  Two sentences are linked by the sum over their shared terms of
 * the products of their normalized weights; PageRank with damping
 * (default 0.85) over that weighted graph, at most 40 rounds, until the
 * ranks move less than 1e-3 in all.  The graph is a dense n x n matrix
 * built from the postings of the terms (entries sorted by term), so only
 * pairs that share a term are touched. */
typedef struct rank_entry {
  const char *term;
  size_t len;
  lua_Integer sent;   /* 0-based */
  double x;           /* weight / norm */
} rank_entry;

static int by_term(const void *a, const void *b) {
  const rank_entry *x = a, *y = b;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  int r = memcmp(x->term, y->term, x->len);
  if (r) return r;
  return (x->sent > y->sent) - (x->sent < y->sent);
}

static int lv_sentence_ranks(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  double d = luaL_optnumber(L, 3, 0.85);
  lua_Integer n = luaL_len(L, 1);
  luaL_argcheck(L, n >= 0 && n <= 100000, 1, "too many sentences");
  /* first pass: check and count the entries */
  size_t ne = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_geti(L, 1, i) != LUA_TTABLE) return luaL_error(L, "vnt.sentence_ranks: vecs[%d] is not a table", (int)i);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
        return luaL_error(L, "vnt.sentence_ranks: vecs[%d] holds a key that is not a string or a weight that is not a number", (int)i);
      ne++;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  /* the memory in userdata, so an error or a collection frees it */
  size_t nn = (size_t)n;
  if (nn > 0 && nn > ((size_t)-1 / sizeof(double)) / nn / 4) return luaL_error(L, "vnt.sentence_ranks: too many sentences");
  rank_entry *e = lua_newuserdatauv(L, (ne ? ne : 1) * sizeof *e, 0);
  double *m = lua_newuserdatauv(L, (nn * nn + 3 * nn + 1) * sizeof(double), 0);
  double *out_sum = m + nn * nn, *r = out_sum + nn, *nr = r + nn;
  memset(m, 0, nn * nn * sizeof(double));
  size_t k = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 2, i);
    double norm = lua_tonumber(L, -1);
    lua_pop(L, 1);
    lua_geti(L, 1, i);
    if (norm > 0) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        e[k].term = lua_tolstring(L, -2, &e[k].len);   /* (the key lives in the table) */
        e[k].sent = i - 1;
        e[k].x = lua_tonumber(L, -1) / norm;
        k++;
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  qsort(e, k, sizeof *e, by_term);
  for (size_t a = 0; a < k;) {   /* each term's postings: the pairs of its sentences */
    size_t b = a + 1;
    while (b < k && e[b].len == e[a].len && memcmp(e[b].term, e[a].term, e[a].len) == 0) b++;
    for (size_t p = a; p < b; p++)
      for (size_t q = p + 1; q < b; q++) m[(size_t)e[p].sent * nn + (size_t)e[q].sent] += e[p].x * e[q].x;
    a = b;
  }
  for (size_t i = 0; i < nn; i++)
    for (size_t j = i + 1; j < nn; j++) m[j * nn + i] = m[i * nn + j];
  for (size_t i = 0; i < nn; i++) {
    double s = 0;
    for (size_t j = 0; j < nn; j++) if (j != i) s += m[i * nn + j];
    out_sum[i] = s;
  }
  /* the weights of the in-edges, in place: m[i][j] / out_sum[j] where the edge counts, else 0 */
  for (size_t i = 0; i < nn; i++)
    for (size_t j = 0; j < nn; j++) {
      double w = m[i * nn + j];
      m[i * nn + j] = (j != i && w > 0 && out_sum[j] > 0) ? w / out_sum[j] : 0;
    }
  for (size_t i = 0; i < nn; i++) r[i] = 1.0 / (double)nn;
  double base = (1 - d) / (double)nn;
  for (int round = 0; round < 40; round++) {
    double delta = 0;
    for (size_t i = 0; i < nn; i++) {
      double s = 0;
      const double *row = m + i * nn;
      for (size_t j = 0; j < nn; j++) s += row[j] * r[j];
      nr[i] = base + d * s;
      delta += fabs(nr[i] - r[i]);
    }
    memcpy(r, nr, nn * sizeof(double));
    if (delta < 1e-3) break;   /* the order is what counts */
  }
  lua_createtable(L, (int)nn, 0);
  for (size_t i = 0; i < nn; i++) {
    lua_pushnumber(L, r[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* vnt.term_counts(text [, stop [, df]]) -> {term = count, ...}, number of terms
 * The syllables of text (word and abbreviation tokens) in lower case, each
 * with its count, leaving out those that are keys of the table `stop`: the
 * term frequencies of a sentence in one call, no table of tokens between.
 * With a table df, df[term] goes up by one for each distinct term (the
 * document frequencies of a collection of sentences, counted on the way). */
static int lv_term_counts(lua_State *L) {
  size_t len;
  luaL_checklstring(L, 1, &len);
  int has_stop = !lua_isnoneornil(L, 2);
  if (has_stop) luaL_checktype(L, 2, LUA_TTABLE);
  int has_df = !lua_isnoneornil(L, 3);
  if (has_df) luaL_checktype(L, 3, LUA_TTABLE);
  lua_settop(L, 3);
  /* lower case through vnt.lower (the same rules, one call) */
  lua_getfield(L, lua_upvalueindex(1), "lower");
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);                                   /* 4: the lowered text */
  size_t n;
  const char *s = lua_tolstring(L, 4, &n);
  lua_newtable(L);                                     /* 5: the counts */
  lua_Integer total = 0;
  size_t p = 0;
  vnt_span t;
  while (vnt_token_next(s, n, p, &t)) {
    p = t.end;
    if (t.kind != VNT_TOK_WORD && t.kind != VNT_TOK_ABBREV) continue;
    lua_pushlstring(L, s + t.start, t.end - t.start);  /* 6: the term */
    if (has_stop) {
      lua_pushvalue(L, 6);
      if (lua_rawget(L, 2) != LUA_TNIL) { lua_pop(L, 2); continue; }
      lua_pop(L, 1);
    }
    lua_pushvalue(L, 6);
    lua_Integer c = lua_rawget(L, 5) == LUA_TNUMBER ? lua_tointeger(L, -1) : 0;
    lua_pop(L, 1);
    if (c == 0 && has_df) {   /* a term new to this sentence: one more sentence holds it */
      lua_pushvalue(L, 6);
      lua_Integer d = lua_rawget(L, 3) == LUA_TNUMBER ? lua_tointeger(L, -1) : 0;
      lua_pop(L, 1);
      lua_pushvalue(L, 6);
      lua_pushinteger(L, d + 1);
      lua_rawset(L, 3);
    }
    lua_pushinteger(L, c + 1);
    lua_rawset(L, 5);                                  /* counts[term] = c + 1 (pops 6 and the count) */
    total++;
  }
  lua_pushinteger(L, total);
  return 2;
}

static const luaL_Reg model_methods[] = {{"dump", lm_dump}, {NULL, NULL}};
static const luaL_Reg model_meta[] = {
  {"__index", NULL}, {"__gc", lm_gc}, {"__close", lm_gc}, {"__len", lm_len}, {"__tostring", lm_tostring},
  {NULL, NULL}
};

static const luaL_Reg words_funcs[] = {
  {"dict", lv_dict}, {"words", lv_words}, {"write_words", lv_write_words},
  {"wmodel", lv_wmodel}, {"train_words", lv_train_words}, {"ngrams", lv_ngrams},
  {"sentence_ranks", lv_sentence_ranks}, {NULL, NULL}
};

void lv_open_words(lua_State *L) {
  luaL_newmetatable(L, DICT_MT);
  luaL_setfuncs(L, dict_meta, 0);
  luaL_newlibtable(L, dict_methods);
  luaL_setfuncs(L, dict_methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_newmetatable(L, MODEL_MT);
  luaL_setfuncs(L, model_meta, 0);
  luaL_newlibtable(L, model_methods);
  luaL_setfuncs(L, model_methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_setfuncs(L, words_funcs, 0);
  lua_pushvalue(L, -1);                                 /* term_counts finds vnt.lower through the module */
  lua_pushcclosure(L, lv_term_counts, 1);
  lua_setfield(L, -2, "term_counts");
}

/* lsegment.c -- the Lua side of segmentation: iterators over sentences,
 * tokens, syllables and grapheme clusters, and writers that format whole
 * texts of them in C (a Lua call per token would cost more than the
 * tokenizing itself). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "vnt.h"
#include "lvnt.h"


/* Iterators are C closures over (text, next position, options): one
 * allocation per loop, none per step beyond the values yielded.  Positions
 * given to Lua are 1-based and inclusive, so text:sub(i, j) is the span. */

typedef struct sent_state {
  vnt_sent_opts o;
  size_t n;
  const char *ptr[1];   /* n pointers, then n lengths (flexible tail) */
} sent_state;

static const char *const sent_keys[] = {"abbrev", "soft_wrap", NULL};

static int sent_iter(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  size_t pos = (size_t)lua_tointeger(L, lua_upvalueindex(2));
  sent_state *st = (sent_state *)lua_touserdata(L, lua_upvalueindex(3));
  vnt_span sp;
  if (!vnt_sentence_next(s, len, pos, &st->o, &sp)) return 0;
  lua_pushinteger(L, (lua_Integer)sp.end);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushlstring(L, s + sp.start, sp.end - sp.start);
  lua_pushinteger(L, (lua_Integer)sp.start + 1);
  lua_pushinteger(L, (lua_Integer)sp.end);
  return 3;
}

/* Reads the sentence options of the table at idx (abbrev, soft_wrap; other
 * keys must be in `keys`) into a new userdata pushed on the stack, which
 * also keeps the abbreviation strings alive. */
static sent_state *push_sent_state(lua_State *L, int idx, const char *fn, const char *const *keys) {
  size_t n = 0;
  int has_opts = !lua_isnoneornil(L, idx);
  if (has_opts) {
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, fn, keys);
    if (lua_getfield(L, idx, "abbrev") != LUA_TNIL) {
      if (!lua_istable(L, -1)) luaL_error(L, "vnt.%s: option 'abbrev' must be a list of strings", fn);
      n = (size_t)luaL_len(L, -1);
    }
    lua_pop(L, 1);
  }
  sent_state *st = (sent_state *)lua_newuserdatauv(L, sizeof *st + (n + 1) * (sizeof(char *) + sizeof(size_t)), 1);
  size_t *lens = (size_t *)(void *)(st->ptr + n + 1);
  st->n = n;
  st->o.abbrev = st->ptr;
  st->o.abbrev_len = lens;
  st->o.n_abbrev = n;
  st->o.soft_wrap = 1;
  if (has_opts) {
    if (n > 0) {
      lua_getfield(L, idx, "abbrev");
      for (size_t i = 0; i < n; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TSTRING)
          luaL_error(L, "vnt.%s: option 'abbrev' must be a list of strings (item %d is %s)",
                     fn, (int)i + 1, luaL_typename(L, -1));
        st->ptr[i] = lua_tolstring(L, -1, &lens[i]);
        lua_pop(L, 1);
      }
      lua_setiuservalue(L, -2, 1);   /* keep the strings alive with the state */
    }
    if (lua_getfield(L, idx, "soft_wrap") != LUA_TNIL) {
      if (!lua_isboolean(L, -1)) luaL_error(L, "vnt.%s: option 'soft_wrap' must be a boolean", fn);
      st->o.soft_wrap = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
  }
  return st;
}

/* vnt.sentences(text [, {abbrev = {...}, soft_wrap = true}]) -> iterator of sentence, i, j */
static int lv_sentences(lua_State *L) {
  const char *s;
  size_t len;
  check_text(L, 1, "sentences", &s, &len);
  push_sent_state(L, 2, "sentences", sent_keys);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  lua_pushvalue(L, -3);
  lua_pushcclosure(L, sent_iter, 3);
  return 1;
}

static int tok_iter(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  size_t pos = (size_t)lua_tointeger(L, lua_upvalueindex(2));
  vnt_span t;
  if (!vnt_token_next(s, len, pos, &t)) return 0;
  lua_pushinteger(L, (lua_Integer)t.end);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushlstring(L, s + t.start, t.end - t.start);
  lua_pushstring(L, vnt_token_kind_name(t.kind));
  lua_pushinteger(L, (lua_Integer)t.start + 1);
  lua_pushinteger(L, (lua_Integer)t.end);
  return 4;
}

/* vnt.tokens(text) -> iterator of token, kind, i, j */
static int lv_tokens(lua_State *L) {
  const char *s;
  size_t len;
  check_text(L, 1, "tokens", &s, &len);
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const none[] = {NULL};
    check_keys(L, 2, "tokens", none);
  }
  lua_settop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, tok_iter, 2);
  return 1;
}

static int syl_iter(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  size_t pos = (size_t)lua_tointeger(L, lua_upvalueindex(2));
  vnt_span t;
  do {
    if (!vnt_token_next(s, len, pos, &t)) return 0;
    pos = t.end;
  } while (t.kind != VNT_TOK_WORD);
  lua_pushinteger(L, (lua_Integer)t.end);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushlstring(L, s + t.start, t.end - t.start);
  lua_pushinteger(L, (lua_Integer)t.start + 1);
  lua_pushinteger(L, (lua_Integer)t.end);
  lua_pushboolean(L, vnt_syllable_valid(s + t.start, t.end - t.start));
  return 4;
}

/* vnt.syllables(text) -> iterator of syllable, i, j, valid (the word tokens) */
static int lv_syllables(lua_State *L) {
  const char *s;
  size_t len;
  check_text(L, 1, "syllables", &s, &len);
  lua_settop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, syl_iter, 2);
  return 1;
}

/* vnt.is_syllable(s) -> boolean */
static int lv_is_syllable(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_pushboolean(L, vnt_utf8_validate(s, len, NULL) == VNT_OK && vnt_syllable_valid(s, len));
  return 1;
}

static int graph_iter(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  size_t pos = (size_t)lua_tointeger(L, lua_upvalueindex(2));
  if (pos >= len) return 0;
  size_t e = vnt_grapheme_next(s, len, pos);
  lua_pushinteger(L, (lua_Integer)e);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushlstring(L, s + pos, e - pos);
  lua_pushinteger(L, (lua_Integer)pos + 1);
  lua_pushinteger(L, (lua_Integer)e);
  return 3;
}

/* vnt.graphemes(text) -> iterator of cluster, i, j */
static int lv_graphemes(lua_State *L) {
  const char *s;
  size_t len;
  check_text(L, 1, "graphemes", &s, &len);
  lua_settop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, graph_iter, 2);
  return 1;
}


/* ---- writers ------------------------------------------------------------------ */

typedef struct wbuf {
  FILE *f;
  size_t n;
  int err;
  char b[1 << 15];
} wbuf;

static void w_flush(wbuf *w) {
  if (w->n && fwrite(w->b, 1, w->n, w->f) != w->n) w->err = 1;
  w->n = 0;
}

static void w_put_slow(wbuf *w, const char *p, size_t n) {
  w_flush(w);
  if (n > sizeof w->b) {
    if (fwrite(p, 1, n, w->f) != n) w->err = 1;
    return;
  }
  memcpy(w->b, p, n);
  w->n = n;
}

static inline void w_put(wbuf *w, const char *p, size_t n) {
  if (n > sizeof w->b - w->n) { w_put_slow(w, p, n); return; }
  memcpy(w->b + w->n, p, n);
  w->n += n;
}

static void w_str(wbuf *w, const char *p) { w_put(w, p, strlen(p)); }

static void w_int(wbuf *w, size_t v) {
  char t[24];
  size_t k = sizeof t;
  do { t[--k] = (char)('0' + v % 10); v /= 10; } while (v);
  w_put(w, t + k, sizeof t - k);
}

/* A JSON string: only ", \ and control characters are escaped. */
static void w_json(wbuf *w, const char *p, size_t n) {
  w_put(w, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    w_put(w, p + run, i - run);
    run = i + 1;
    char e[8];
    switch (c) {
      case '"': w_put(w, "\\\"", 2); break;
      case '\\': w_put(w, "\\\\", 2); break;
      case '\n': w_put(w, "\\n", 2); break;
      case '\r': w_put(w, "\\r", 2); break;
      case '\t': w_put(w, "\\t", 2); break;
      default: snprintf(e, sizeof e, "\\u%04x", c); w_put(w, e, 6);
    }
  }
  w_put(w, p + run, n - run);
  w_put(w, "\"", 1);
}

static const char *const formats[] = {"text", "jsonl", "tsv", NULL};

static int opt_format(lua_State *L, int idx, const char *fn, int dflt, int allow_tsv) {
  int r = dflt;
  if (lua_getfield(L, idx, "format") != LUA_TNIL) {
    const char *v = lua_tostring(L, -1);
    r = v ? find_name(formats, v) : -1;
    if (r < 0 || (r == 2 && !allow_tsv))
      luaL_error(L, "vnt.%s: option 'format' must be %s (got %s)", fn,
                 allow_tsv ? "\"text\", \"jsonl\" or \"tsv\"" : "\"text\" or \"jsonl\"",
                 v ? v : luaL_typename(L, -1));
  }
  lua_pop(L, 1);
  return r;
}

static size_t opt_size(lua_State *L, int idx, const char *key) {
  lua_getfield(L, idx, key);
  lua_Integer v = lua_isnil(L, -1) ? 0 : luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  if (v < 0) luaL_error(L, "option '%s' must not be negative", key);
  return (size_t)v;
}

static const char *opt_doc(lua_State *L, int idx, size_t *n) {
  lua_getfield(L, idx, "doc");
  const char *d = lua_isnil(L, -1) ? "-" : luaL_checklstring(L, -1, n);
  if (lua_isnil(L, -1)) *n = 1;
  size_t bad;
  if (!lua_isnil(L, -1) && vnt_utf8_validate(d, *n, &bad) != VNT_OK) {
    /* a name with invalid UTF-8 (a file name is bytes): U+FFFD for each bad
     * sequence, as vnt.json writes it, so that the JSON stays UTF-8 */
    vnt_buf r = VNT_BUF_INIT;
    if (vnt_utf8_repair(d, *n, &r, NULL) != VNT_OK) { vnt_buf_free(&r); luaL_error(L, "out of memory"); }
    lua_pushlstring(L, r.data, r.len);
    vnt_buf_free(&r);
    lua_setfield(L, idx, "doc");
    lua_pop(L, 1);
    lua_getfield(L, idx, "doc");
    d = lua_tolstring(L, -1, n);
  }
  lua_pop(L, 1);   /* the string stays alive: the options table holds it */
  return d;
}

static int w_result(lua_State *L, wbuf *w, size_t consumed) {
  w_flush(w);
  if (w->err) return lv_write_failed(L);
  lua_pushinteger(L, (lua_Integer)consumed);
  return 1;
}

static const char *const wsent_keys[] = {"abbrev", "soft_wrap", "format", "doc", "base", "final", NULL};

/* vnt.write_sentences(file, text [, {format = "text"|"jsonl", doc = name,
 *   base = 0, final = true, abbrev = {...}, soft_wrap = true}]) -> consumed
 * Writes the sentences of text: "text", one a line (line breaks inside a
 * sentence become spaces), or "jsonl", {"doc","text","start","stop"} with
 * 0-based byte offsets plus base.  With final = false the last sentence is
 * held back and its start returned, so a stream can carry it on. */
static int lv_write_sentences(lua_State *L) {
  FILE *f = check_file(L, 1);
  const char *s;
  size_t len, dlen = 1;
  check_text(L, 2, "write_sentences", &s, &len);
  sent_state *st = push_sent_state(L, 3, "write_sentences", wsent_keys);
  int fmt = 0, final = 1;
  size_t base = 0;
  const char *doc = "-";
  if (!lua_isnoneornil(L, 3)) {
    fmt = opt_format(L, 3, "write_sentences", 0, 0);
    base = opt_size(L, 3, "base");
    doc = opt_doc(L, 3, &dlen);
    if (lua_getfield(L, 3, "final") != LUA_TNIL) final = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  wbuf *w = (wbuf *)lua_newuserdatauv(L, sizeof *w, 0);
  w->f = f;
  w->n = 0;
  w->err = 0;
  vnt_span cur, nx;
  if (!vnt_sentence_next(s, len, 0, &st->o, &cur)) return w_result(L, w, final ? len : 0);
  for (;;) {
    int more = vnt_sentence_next(s, len, cur.end, &st->o, &nx);
    if (!more && !final) return w_result(L, w, cur.start);
    if (fmt == 0) {
      size_t run = cur.start, n = cur.end - cur.start;   /* a wrapped line becomes one line */
      if (memchr(s + cur.start, '\n', n) || memchr(s + cur.start, '\r', n)) {
        for (size_t i = cur.start; i < cur.end; i++) {
          if (s[i] == '\n' || s[i] == '\r') {
            w_put(w, s + run, i - run);
            if (s[i] == '\n') w_put(w, " ", 1);
            run = i + 1;
          }
        }
      }
      w_put(w, s + run, cur.end - run);
      w_put(w, "\n", 1);
    } else {
      w_str(w, "{\"doc\":");
      w_json(w, doc, dlen);
      w_str(w, ",\"text\":");
      w_json(w, s + cur.start, cur.end - cur.start);
      w_str(w, ",\"start\":");
      w_int(w, base + cur.start);
      w_str(w, ",\"stop\":");
      w_int(w, base + cur.end);
      w_str(w, "}\n");
    }
    if (!more) return w_result(L, w, len);
    cur = nx;
  }
}

static const char *const wtok_keys[] = {"format", "doc", "base", "continued", "kinds", NULL};

/* vnt.write_tokens(file, text [, {format = "tsv"|"text"|"jsonl", doc = name,
 *   base = 0, kinds = {"date", ...}, continued = false}]) -> #text
 * "tsv": doc, start, stop, kind, token; "jsonl": the same as objects
 * (0-based byte offsets plus base, stop exclusive); "text": the tokens
 * separated by spaces, line breaks kept.  Cut a stream where vnt.safe_cut
 * says: no token spans such a cut.  continued: the text goes on a line the
 * previous call left open. */
static int lv_write_tokens(lua_State *L) {
  FILE *f = check_file(L, 1);
  const char *s;
  size_t len, dlen = 1;
  check_text(L, 2, "write_tokens", &s, &len);
  int fmt = 2, continued = 0;
  size_t base = 0;
  const char *doc = "-";
  unsigned want = ~0u;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    check_keys(L, 3, "write_tokens", wtok_keys);
    fmt = opt_format(L, 3, "write_tokens", 2, 1);
    base = opt_size(L, 3, "base");
    doc = opt_doc(L, 3, &dlen);
    continued = opt_bool(L, 3, "write_tokens", "continued");
    if (lua_getfield(L, 3, "kinds") != LUA_TNIL) {
      luaL_checktype(L, -1, LUA_TTABLE);
      want = 0;
      lua_Integer n = luaL_len(L, -1);
      for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        const char *k = lua_tostring(L, -1);
        int found = 0;
        for (int kind = VNT_TOK_WORD; kind <= VNT_TOK_ABBREV && k; kind++)
          if (strcmp(k, vnt_token_kind_name(kind)) == 0) { want |= 1u << kind; found = 1; }
        if (!found) luaL_error(L, "vnt.write_tokens: unknown token kind '%s'", k ? k : luaL_typename(L, -1));
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  wbuf *w = (wbuf *)lua_newuserdatauv(L, sizeof *w, 0);
  w->f = f;
  w->n = 0;
  w->err = 0;
  vnt_span t;
  size_t pos = 0;
  int line_open = continued;
  while (vnt_token_next(s, len, pos, &t)) {
    if (fmt == 0) {   /* the gap before: its line breaks, else one space */
      size_t nl = 0;
      for (size_t i = pos; i < t.start; i++) nl += s[i] == '\n';
      if (nl) { for (size_t i = 0; i < nl; i++) w_put(w, "\n", 1); line_open = 0; }
    }
    pos = t.end;
    if (!(want & (1u << t.kind))) continue;
    const char *kind = vnt_token_kind_name(t.kind);
    if (fmt == 2) {
      w_put(w, doc, dlen);
      w_put(w, "\t", 1);
      w_int(w, base + t.start);
      w_put(w, "\t", 1);
      w_int(w, base + t.end);
      w_put(w, "\t", 1);
      w_str(w, kind);
      w_put(w, "\t", 1);
      w_put(w, s + t.start, t.end - t.start);
      w_put(w, "\n", 1);
    } else if (fmt == 1) {
      w_str(w, "{\"doc\":");
      w_json(w, doc, dlen);
      w_str(w, ",\"start\":");
      w_int(w, base + t.start);
      w_str(w, ",\"stop\":");
      w_int(w, base + t.end);
      w_str(w, ",\"kind\":\"");
      w_str(w, kind);
      w_str(w, "\",\"token\":");
      w_json(w, s + t.start, t.end - t.start);
      w_str(w, "}\n");
    } else {
      if (line_open) w_put(w, " ", 1);
      w_put(w, s + t.start, t.end - t.start);
      line_open = 1;
    }
  }
  if (fmt == 0)
    for (size_t i = pos; i < len; i++)
      if (s[i] == '\n') w_put(w, "\n", 1);
  return w_result(L, w, len);
}

static const luaL_Reg seg_funcs[] = {
  {"sentences", lv_sentences}, {"tokens", lv_tokens}, {"syllables", lv_syllables},
  {"is_syllable", lv_is_syllable}, {"graphemes", lv_graphemes},
  {"write_sentences", lv_write_sentences}, {"write_tokens", lv_write_tokens},
  {NULL, NULL}
};

/* ---- phrases ------------------------------------------------------------------- */

/* vnt.phrases(list) -> a finder of the phrases of `list` (byte strings,
 * spaces inside allowed) in text, as whole words: a phrase starts where a
 * word starts and ends where a word ends (a word: a run of ASCII letters
 * and bytes >= 0x80).  ph:find(text) -> {start1, phrase1, stop1, ...}
 * (1-based start, stop exclusive, phrase as written in the text), the
 * longest phrase at each word start, left to right, not overlapping; a
 * word that starts no phrase is passed over whole.  A byte trie: one step
 * a byte, whatever the number of phrases. */
typedef struct ph_node {
  int32_t child;     /* first child, -1: none */
  int32_t sibling;   /* next child of the same parent, -1: none */
  unsigned char byte;
  unsigned char end; /* a phrase ends here */
} ph_node;

typedef struct phrases {
  ph_node *n;
  size_t len, cap;
} phrases;

#define PHRASES_MT "vnt.phrases"

static int ph_gc(lua_State *L) {
  phrases *p = (phrases *)luaL_checkudata(L, 1, PHRASES_MT);
  free(p->n);
  p->n = NULL;
  return 0;
}

static int32_t ph_new_node(lua_State *L, phrases *p, unsigned char byte) {
  if (p->len == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 256;
    ph_node *n = realloc(p->n, cap * sizeof *n);
    if (n == NULL) luaL_error(L, "vnt.phrases: out of memory");
    p->n = n;
    p->cap = cap;
  }
  if (p->len >= INT32_MAX) luaL_error(L, "vnt.phrases: too many phrases");
  ph_node *x = &p->n[p->len];
  x->child = x->sibling = -1;
  x->byte = byte;
  x->end = 0;
  return (int32_t)p->len++;
}

static int32_t ph_child(const phrases *p, int32_t at, unsigned char b) {
  for (int32_t c = p->n[at].child; c >= 0; c = p->n[c].sibling)
    if (p->n[c].byte == b) return c;
  return -1;
}

static int is_word_byte(unsigned char c) { return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

static int lv_phrases(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  phrases *p = (phrases *)lua_newuserdatauv(L, sizeof *p, 0);
  p->n = NULL;
  p->len = p->cap = 0;
  luaL_setmetatable(L, PHRASES_MT);
  ph_new_node(L, p, 0);   /* the root */
  lua_Integer n = luaL_len(L, 1);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 1, i);
    size_t len;
    const char *w = lua_tolstring(L, -1, &len);
    if (w == NULL) return luaL_error(L, "vnt.phrases: item %d is not a string", (int)i);
    if (len > 0 && is_word_byte((unsigned char)w[0])) {   /* (a phrase must start a word) */
      int32_t at = 0;
      for (size_t k = 0; k < len; k++) {
        int32_t c = ph_child(p, at, (unsigned char)w[k]);
        if (c < 0) {
          c = ph_new_node(L, p, (unsigned char)w[k]);
          p->n[c].sibling = p->n[at].child;
          p->n[at].child = c;
        }
        at = c;
      }
      p->n[at].end = 1;
    }
    lua_pop(L, 1);
  }
  return 1;
}

static int ph_find(lua_State *L) {
  phrases *p = (phrases *)luaL_checkudata(L, 1, PHRASES_MT);
  size_t len;
  const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 2, &len);
  lua_newtable(L);
  lua_Integer k = 0;
  size_t i = 0;
  while (i < len) {
    if (!is_word_byte(s[i])) { i++; continue; }
    /* a word starts at i: the longest phrase from here that ends a word */
    size_t best = 0;
    int32_t at = 0;
    for (size_t j = i; j < len; j++) {
      at = ph_child(p, at, s[j]);
      if (at < 0) break;
      if (p->n[at].end && (j + 1 == len || !is_word_byte(s[j + 1]))) best = j + 1;
    }
    if (best) {
      lua_pushinteger(L, (lua_Integer)i + 1);
      lua_rawseti(L, -2, ++k);
      lua_pushlstring(L, (const char *)s + i, best - i);
      lua_rawseti(L, -2, ++k);
      lua_pushinteger(L, (lua_Integer)best + 1);
      lua_rawseti(L, -2, ++k);
      i = best;
    } else {
      while (i < len && is_word_byte(s[i])) i++;   /* the word, whole */
    }
  }
  return 1;
}

void lv_open_segment(lua_State *L) {
  luaL_setfuncs(L, seg_funcs, 0);
  if (luaL_newmetatable(L, PHRASES_MT)) {
    static const luaL_Reg m[] = {{"find", ph_find}, {"__gc", ph_gc}, {NULL, NULL}};
    luaL_setfuncs(L, m, 0);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, lv_phrases);
  lua_setfield(L, -2, "phrases");
}

/* lwordset.c -- the Lua side of word sets: vnt.wordset(entries) and its
 * methods has, starts and # (the entries: words and word pairs). */
#include <lua.h>
#include <lauxlib.h>

#include "vnt.h"
#include "lvnt.h"

#define WORDSET_MT "vnt.wordset"

typedef struct lwordset {
  vnt_wordset *ws;   /* NULL after __gc */
} lwordset;

static lwordset *check_ws(lua_State *L, int arg) {
  lwordset *w = (lwordset *)luaL_checkudata(L, arg, WORDSET_MT);
  luaL_argcheck(L, w->ws != NULL, arg, "word set already freed");
  return w;
}

static int ws_gc(lua_State *L) {
  lwordset *w = (lwordset *)luaL_checkudata(L, 1, WORDSET_MT);
  vnt_wordset_free(w->ws);
  w->ws = NULL;
  return 0;
}

static int ws_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)vnt_wordset_size(check_ws(L, 1)->ws));
  return 1;
}

static int ws_tostring(lua_State *L) {
  lwordset *w = (lwordset *)luaL_checkudata(L, 1, WORDSET_MT);
  if (w->ws == NULL) lua_pushliteral(L, "vnt.wordset (freed)");
  else lua_pushfstring(L, "vnt.wordset (%d entries)", (int)vnt_wordset_size(w->ws));
  return 1;
}

/* ws:has(word) -> true | false: whether the word, in any case, starts alone */
static int ws_has(lua_State *L) {
  lwordset *w = check_ws(L, 1);
  size_t n;
  const char *s = luaL_checklstring(L, 2, &n);
  lua_pushboolean(L, vnt_wordset_has(w->ws, s, n));
  return 1;
}

/* ws:starts(text [, digits]) -> {i1, i2, ...}: the 1-based byte positions
 * where a word of the set starts in text (one that needs a next word only
 * before it), and (digits, default true) where a run of digits does, in
 * order */
static int ws_starts(lua_State *L) {
  lwordset *w = check_ws(L, 1);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  int digits = lua_isnoneornil(L, 3) ? 1 : lua_toboolean(L, 3);
  lua_createtable(L, 64, 0);
  size_t pos = 0, buf[256];
  lua_Integer k = 0;
  while (pos < len) {
    size_t n = vnt_wordset_scan(w->ws, s, len, &pos, buf, sizeof buf / sizeof buf[0], digits);
    for (size_t i = 0; i < n; i++) {
      lua_pushinteger(L, (lua_Integer)buf[i] + 1);
      lua_rawseti(L, -2, ++k);
    }
  }
  return 1;
}

static void add_checked(lua_State *L, int rc, lua_Integer i, const char *w) {
  if (rc == VNT_EINVAL) luaL_error(L, "vnt.wordset: entry %d ('%s'): a word is 1 to 48 bytes", (int)i, w);
  if (rc == VNT_ENOMEM) luaL_error(L, "vnt.wordset: out of memory");
}

static const char *one_word(lua_State *L, int idx, lua_Integer i, size_t *len) {
  if (lua_type(L, idx) != LUA_TSTRING)   /* (checked first: lua_tolstring would turn a number into one) */
    luaL_error(L, "vnt.wordset: entry %d holds a %s, not a word", (int)i, luaL_typename(L, idx));
  const char *s = lua_tolstring(L, idx, len);
  for (size_t j = 0; j < *len; j++)
    if (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')
      luaL_error(L, "vnt.wordset: entry %d: '%s' is more than one word", (int)i, s);
  return s;
}

/* vnt.wordset({entry, ...}) -> a set of words, each looked up in any case.
 * An entry is a word, which starts alone, or {word, next, ...}: a word
 * that starts only before one of the next words ("#": before a number). */
static int lv_wordset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lwordset *w = (lwordset *)lua_newuserdatauv(L, sizeof *w, 0);
  w->ws = NULL;
  luaL_setmetatable(L, WORDSET_MT);
  w->ws = vnt_wordset_new();
  if (w->ws == NULL) return luaL_error(L, "vnt.wordset: out of memory");
  lua_Integer n = (lua_Integer)luaL_len(L, 1);
  for (lua_Integer i = 1; i <= n; i++) {
    size_t len, nlen;
    if (lua_rawgeti(L, 1, i) == LUA_TTABLE) {
      lua_rawgeti(L, -1, 1);
      const char *s = one_word(L, -1, i, &len);
      lua_Integer m = (lua_Integer)luaL_len(L, -2);
      if (m < 2) return luaL_error(L, "vnt.wordset: entry %d ('%s') names no next word", (int)i, s);
      for (lua_Integer k = 2; k <= m; k++) {
        lua_rawgeti(L, -2, k);
        const char *nx = one_word(L, -1, i, &nlen);
        int num = nlen == 1 && nx[0] == '#';
        add_checked(L, vnt_wordset_add_next(w->ws, s, len, num ? NULL : nx, num ? 0 : nlen), i, num ? s : nx);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    } else {
      const char *s = one_word(L, -1, i, &len);
      add_checked(L, vnt_wordset_add(w->ws, s, len), i, s);
    }
    lua_pop(L, 1);
  }
  return 1;
}

void lv_open_wordset(lua_State *L) {
  static const luaL_Reg methods[] = {
    {"has", ws_has}, {"starts", ws_starts}, {NULL, NULL}
  };
  if (luaL_newmetatable(L, WORDSET_MT)) {
    lua_pushcfunction(L, ws_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, ws_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, ws_tostring);
    lua_setfield(L, -2, "__tostring");
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, lv_wordset);
  lua_setfield(L, -2, "wordset");
}

/* vnt.c -- the Lua 5.4 module `vnt`: thin wrappers over libvnt.
 *
 * Each wrapper checks its arguments, calls the core, and turns the result
 * into Lua values.  Conventions (docs/lua.md):
 *  - transforms (vnt.normalize, vnt.nfc, ...) raise on invalid input, naming
 *    the 1-based byte position, unless repair = true;
 *  - predicates (vnt.valid_utf8) return false and the position, as utf8.len;
 *  - text that is already normalized comes back as the same Lua string. */
#include <errno.h>
#include <sys/stat.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <utf8proc.h>

#include "vnt.h"
#include "lvnt.h"

#if defined(__GNUC__)
#define LV_EXPORT __attribute__((visibility("default")))
#else
#define LV_EXPORT
#endif

LV_EXPORT int luaopen_vnt(lua_State *L);

int lv_write_failed(lua_State *L) {
  int en = errno;
  luaL_pushfail(L);
  lua_pushfstring(L, "cannot write the output: %s", strerror(en ? en : EIO));
  lua_pushinteger(L, en);
  return 3;
}

/* check_text: the string argument arg, which must be valid UTF-8 */
void check_text(lua_State *L, int arg, const char *fn, const char **s, size_t *len) {
  *s = luaL_checklstring(L, arg, len);
  size_t off;
  if (vnt_utf8_validate(*s, *len, &off) != VNT_OK) lv_fail(L, fn, VNT_EUTF8, off);
}

/* The one translator of core status codes into Lua errors.  The core counts
 * bytes from 0; Lua strings are indexed from 1, so convert here only. */
int lv_fail(lua_State *L, const char *fn, int code, size_t off) {
  if (code == VNT_EUTF8 || code == VNT_ELIMIT)
    return luaL_error(L, "vnt.%s: %s at byte %I", fn, vnt_strerror(code), (lua_Integer)off + 1);
  return luaL_error(L, "vnt.%s: %s", fn, vnt_strerror(code));
}

/* ---- option tables ------------------------------------------------------- */

static const char *const form_names[] = {"none", "NFC", "NFD", "NFKC", "NFKD", NULL};
static const char *const tone_names[] = {"keep", "new", "old", NULL};
static const char *const case_names[] = {"keep", "lower", "upper", "fold", NULL};
static const char *const norm_keys[] = {"form", "tones", "case", "strip", "space", "punct", "repair", NULL};

int find_name(const char *const *names, const char *s) {
  for (int i = 0; names[i]; i++)
    if (strcmp(names[i], s) == 0) return i;
  return -1;
}

/* `"a", "b" or "c"` into buf. */
static void list_names(char *buf, size_t size, const char *const *names) {
  size_t n = 0;
  buf[0] = '\0';
  for (int i = 0; names[i] && n < size; i++) {
    const char *sep = i == 0 ? "" : names[i + 1] ? ", " : " or ";
    int k = snprintf(buf + n, size - n, "%s\"%s\"", sep, names[i]);
    if (k < 0) break;
    n += (size_t)k;
  }
}

/* Reads option `key` of the table at `idx` as one of `names`; raises
 * `vnt.fn: option 'key' must be "a", "b" or "c" (got "x")`. */
static int opt_enum(lua_State *L, int idx, const char *fn, const char *key,
                    const char *const *names, int dflt) {
  int r = dflt;
  if (lua_getfield(L, idx, key) != LUA_TNIL) {
    int is_str = lua_type(L, -1) == LUA_TSTRING;
    r = is_str ? find_name(names, lua_tostring(L, -1)) : -1;
    if (r < 0) {
      char list[128], got[64];
      list_names(list, sizeof list, names);
      if (is_str) snprintf(got, sizeof got, "\"%.40s\"", lua_tostring(L, -1));
      else snprintf(got, sizeof got, "%s", luaL_typename(L, -1));
      return luaL_error(L, "vnt.%s: option '%s' must be %s (got %s)", fn, key, list, got);
    }
  }
  lua_pop(L, 1);
  return r;
}

int opt_bool(lua_State *L, int idx, const char *fn, const char *key) {
  int t = lua_getfield(L, idx, key);
  if (t != LUA_TNIL && t != LUA_TBOOLEAN)
    return luaL_error(L, "vnt.%s: option '%s' must be a boolean (got %s)", fn, key, luaL_typename(L, -1));
  int r = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return r;
}

/* Unknown keys are errors: {from = "NFC"} is a typo, not a wish. */
void check_keys(lua_State *L, int idx, const char *fn, const char *const *keys) {
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING || find_name(keys, lua_tostring(L, -1)) < 0) {
      const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1);
      luaL_error(L, "vnt.%s: unknown option '%s'", fn, k);
    }
  }
}

void read_norm_opts(lua_State *L, int idx, const char *fn, vnt_norm_opts *o) {
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  check_keys(L, idx, fn, norm_keys);
  o->form = (vnt_form)opt_enum(L, idx, fn, "form", form_names, (int)o->form);
  o->tones = (vnt_tones)opt_enum(L, idx, fn, "tones", tone_names, (int)o->tones);
  o->casing = (vnt_case)opt_enum(L, idx, fn, "case", case_names, (int)o->casing);
  if (opt_bool(L, idx, fn, "strip")) o->flags |= VNT_STRIP;
  if (opt_bool(L, idx, fn, "space")) o->flags |= VNT_SPACE;
  if (opt_bool(L, idx, fn, "punct")) o->flags |= VNT_PUNCT;
  if (opt_bool(L, idx, fn, "repair")) o->flags |= VNT_REPAIR;
}

/* ---- normalization -------------------------------------------------------- */

/* The result is built in a vnt_buf owned by a userdata on the stack, so a
 * Lua error (out of memory in lua_pushlstring) cannot leak it: __gc frees. */
static int buf_gc(lua_State *L) {
  vnt_buf *b = (vnt_buf *)lua_touserdata(L, 1);
  vnt_buf_free(b);
  return 0;
}

static vnt_buf *new_buf(lua_State *L) {
  vnt_buf *b = (vnt_buf *)lua_newuserdatauv(L, sizeof *b, 0);
  vnt_buf_init(b);
  if (luaL_newmetatable(L, "vnt.buf")) {
    lua_pushcfunction(L, buf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return b;
}

/* Pushes the normalized string; returns the number of repairs. */
static size_t run_normalize(lua_State *L, int arg, const char *fn, const vnt_norm_opts *o) {
  size_t len;
  const char *s = luaL_checklstring(L, arg, &len);
  vnt_buf *b = new_buf(L);
  vnt_status st;
  int rc = vnt_normalize(s, len, o, b, &st);
  if (rc < 0) {
    vnt_buf_free(b);
    lv_fail(L, fn, rc, st.offset);
  }
  if (rc == VNT_SAME) {
    lua_pushvalue(L, arg);   /* already normalized: the same string, no copy */
  } else {
    lua_pushlstring(L, b->data, b->len);
  }
  vnt_buf_free(b);
  lua_remove(L, -2);   /* the buffer userdata */
  return st.repairs;
}

/* vnt.normalize(s [, opts]) -> string, repairs */
static int lv_normalize(lua_State *L) {
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  read_norm_opts(L, 2, "normalize", &o);
  size_t n = run_normalize(L, 1, "normalize", &o);
  lua_pushinteger(L, (lua_Integer)n);
  return 2;
}

static int form_fn(lua_State *L, vnt_form f, const char *fn) {
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  o.form = f;
  lua_settop(L, 1);
  run_normalize(L, 1, fn, &o);
  return 1;
}

static int lv_nfc(lua_State *L) { return form_fn(L, VNT_NFC, "nfc"); }
static int lv_nfd(lua_State *L) { return form_fn(L, VNT_NFD, "nfd"); }
static int lv_nfkc(lua_State *L) { return form_fn(L, VNT_NFKC, "nfkc"); }
static int lv_nfkd(lua_State *L) { return form_fn(L, VNT_NFKD, "nfkd"); }

/* Case and diacritics keep the text's Unicode form except in the words they
 * change, which come out composed. */
static int case_fn(lua_State *L, vnt_case c, unsigned flags, const char *fn) {
  vnt_norm_opts o = {VNT_FORM_NONE, VNT_TONES_KEEP, c, flags};
  lua_settop(L, 1);
  run_normalize(L, 1, fn, &o);
  return 1;
}

static int lv_lower(lua_State *L) { return case_fn(L, VNT_CASE_LOWER, 0, "lower"); }
static int lv_upper(lua_State *L) { return case_fn(L, VNT_CASE_UPPER, 0, "upper"); }
static int lv_casefold(lua_State *L) { return case_fn(L, VNT_CASE_FOLD, 0, "casefold"); }
static int lv_strip(lua_State *L) { return case_fn(L, VNT_CASE_KEEP, VNT_STRIP, "strip_diacritics"); }

/* vnt.valid_utf8(s) -> true | false, position of the first invalid byte */
static int lv_valid_utf8(lua_State *L) {
  size_t len, off = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  if (vnt_utf8_validate(s, len, &off) == VNT_OK) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushboolean(L, 0);
  lua_pushinteger(L, (lua_Integer)off + 1);
  return 2;
}

/* vnt.count_lines(s [, i [, j]]) -> the number of line breaks ("\n") in
 * s:sub(i, j), counted with memchr */
static int lv_count_lines(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer i = luaL_optinteger(L, 2, 1), j = luaL_optinteger(L, 3, -1);
  if (i < 0) i = (lua_Integer)len + i + 1;
  if (j < 0) j = (lua_Integer)len + j + 1;
  if (i < 1) i = 1;
  if (j > (lua_Integer)len) j = (lua_Integer)len;
  lua_Integer k = 0;
  if (i <= j) {
    const char *p = s + i - 1, *end = s + j;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) { k++; p++; }
  }
  lua_pushinteger(L, k);
  return 1;
}

/* ---- JSON ---------------------------------------------------------------------- */

/* The text is built in a vnt_buf of new_buf, so an error halfway (a value
 * JSON cannot hold) frees it with the userdata. */
static void jadd(lua_State *L, vnt_buf *b, const char *s, size_t n) {
  if (vnt_buf_append(b, s, n) != VNT_OK) luaL_error(L, "vnt.json: out of memory");
}

/* Appends the JSON of the value at idx: strings (escaped as little as JSON
 * needs: " \ and control characters; each maximal invalid UTF-8 subpart
 * replaced by U+FFFD, so the JSON is always valid UTF-8), integers, floats (the shortest of
 * %.15g, %.16g and %.17g that reads back as the same double: 3.404, not
 * 3.4039999999999999; NaN and
 * infinities as null), booleans, nil and the `null` sentinel (the value at
 * null_idx) as null, other tables as arrays of 1..#t. */
static void json_value(lua_State *L, vnt_buf *b, int idx, int null_idx, int depth) {
  switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
      size_t n;
      const char *s = lua_tolstring(L, idx, &n);
      jadd(L, b, "\"", 1);
      size_t run = 0;   /* bytes that need no escape, added in one go */
      for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {   /* a UTF-8 sequence, kept; an invalid one becomes U+FFFD (JSON is UTF-8) */
          int32_t cp;
          int m = vnt_utf8_decode((const unsigned char *)s + i, n - i, &cp);
          if (m > 0) { run += (size_t)m; i += (size_t)m - 1; continue; }
          jadd(L, b, s + i - run, run);
          run = 0;
          jadd(L, b, "\xEF\xBF\xBD", 3);
          i += (size_t)(-m) - 1;
          continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) { run++; continue; }
        jadd(L, b, s + i - run, run);
        run = 0;
        switch (c) {
          case '"': jadd(L, b, "\\\"", 2); break;
          case '\\': jadd(L, b, "\\\\", 2); break;
          case '\n': jadd(L, b, "\\n", 2); break;
          case '\r': jadd(L, b, "\\r", 2); break;
          case '\t': jadd(L, b, "\\t", 2); break;
          default: {
            char u[8];
            int m = snprintf(u, sizeof u, "\\u%04x", c);
            jadd(L, b, u, (size_t)m);
          }
        }
      }
      jadd(L, b, s + n - run, run);
      jadd(L, b, "\"", 1);
      return;
    }
    case LUA_TNUMBER: {
      char num[64];
      int m;
      if (lua_isinteger(L, idx)) {
        m = snprintf(num, sizeof num, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
      } else {
        lua_Number x = lua_tonumber(L, idx);
        if (x != x || x == HUGE_VAL || x == -HUGE_VAL) m = snprintf(num, sizeof num, "null");
        else {
          for (int prec = 15; prec <= 17; prec++) {
            m = snprintf(num, sizeof num, "%.*g", prec, (double)x);
            if (strtod(num, NULL) == (double)x) break;
          }
        }
      }
      jadd(L, b, num, (size_t)m);
      return;
    }
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, idx)) jadd(L, b, "true", 4);
      else jadd(L, b, "false", 5);
      return;
    case LUA_TNIL: case LUA_TNONE:
      jadd(L, b, "null", 4);
      return;
    case LUA_TTABLE: {
      if (null_idx && lua_rawequal(L, idx, null_idx)) { jadd(L, b, "null", 4); return; }
      if (depth > 100) luaL_error(L, "vnt.json: nested too deep");
      luaL_checkstack(L, 2, "vnt.json");
      jadd(L, b, "[", 1);
      lua_Integer n = luaL_len(L, idx);
      for (lua_Integer i = 1; i <= n; i++) {
        if (i > 1) jadd(L, b, ",", 1);
        lua_geti(L, idx, i);
        json_value(L, b, lua_gettop(L), null_idx, depth + 1);
        lua_pop(L, 1);
      }
      jadd(L, b, "]", 1);
      return;
    }
    default:
      luaL_error(L, "vnt.json: cannot encode a %s", luaL_typename(L, idx));
  }
}

/* vnt.json(v [, null]) -> the JSON text of v: strings, numbers, booleans,
 * nil and `null` (a sentinel value of the caller's) as null, tables as arrays */
static int lv_json(lua_State *L) {
  lua_settop(L, 2);
  int null_idx = lua_isnil(L, 2) ? 0 : 2;
  vnt_buf *b = new_buf(L);
  json_value(L, b, 1, null_idx, 0);
  lua_pushlstring(L, b->data ? b->data : "", b->len);
  return 1;
}

/* vnt.json_record(kv [, null]) -> {"k1":v1,"k2":v2,...} from the list
 * {k1, v1, k2, v2, ...}: keys in the order given */
static int lv_json_record(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  int null_idx = lua_isnil(L, 2) ? 0 : 2;
  lua_Integer n = luaL_len(L, 1);
  vnt_buf *b = new_buf(L);
  jadd(L, b, "{", 1);
  for (lua_Integer i = 1; i <= n; i += 2) {
    if (i > 1) jadd(L, b, ",", 1);
    lua_geti(L, 1, i);
    json_value(L, b, lua_gettop(L), null_idx, 0);
    lua_pop(L, 1);
    jadd(L, b, ":", 1);
    lua_geti(L, 1, i + 1);
    json_value(L, b, lua_gettop(L), null_idx, 0);
    lua_pop(L, 1);
  }
  jadd(L, b, "}", 1);
  lua_pushlstring(L, b->data, b->len);
  return 1;
}

/* vnt.is_normalized(s [, form]) -> boolean; raises on invalid UTF-8 */
static int lv_is_normalized(lua_State *L) {
  size_t len, off = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  int f = luaL_checkoption(L, 2, "NFC", form_names);
  int rc = vnt_is_normalized(s, len, (vnt_form)f, &off);
  if (rc < 0) return lv_fail(L, "is_normalized", rc, off);
  lua_pushboolean(L, rc);
  return 1;
}

/* vnt.safe_cut(s) -> n: s:sub(1, n) and s:sub(n + 1) may be normalized
 * apart with the same result as the whole (0: no such place). */
static int lv_safe_cut(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_pushinteger(L, (lua_Integer)vnt_safe_cut(s, len));
  return 1;
}


/* ---- streaming ------------------------------------------------------------ */

typedef struct stream_bufs {
  vnt_buf in, out;
} stream_bufs;

static int stream_gc(lua_State *L) {
  stream_bufs *b = (stream_bufs *)lua_touserdata(L, 1);
  vnt_buf_free(&b->in);
  vnt_buf_free(&b->out);
  return 0;
}

FILE *check_file(lua_State *L, int arg) {
  luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, arg, LUA_FILEHANDLE);
  luaL_argcheck(L, p->closef != NULL, arg, "attempt to use a closed file");
  return p->f;
}

static size_t count_lines(const char *s, size_t n) {
  size_t k = 0;
  const char *end = s + n;
  while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) { k++; s++; }
  return k;
}

/* vnt.normalize_stream(infile, outfile [, opts [, block_size [, first]]])
 *   -> repairs, bytes read | nil, message, byte, line, bytes read
 * first: bytes already read from infile (to detect its encoding), taken
 * before the rest and counted among the bytes read (which the caller can
 * compare with the file's size to tell a file cut short while read).
 * Normalizes what infile holds into outfile in blocks of block_size bytes
 * (default 1 MiB), each cut where vnt_safe_cut allows, so memory stays flat.
 * On bad input it writes the lines before the bad one and returns nil, the
 * reason, the 1-based byte position in the stream and the line number. */
static int lv_normalize_stream(lua_State *L) {
  FILE *in = check_file(L, 1), *out = check_file(L, 2);
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  read_norm_opts(L, 3, "normalize_stream", &o);
  lua_Integer block = luaL_optinteger(L, 4, 1 << 20);
  luaL_argcheck(L, block >= 1 && block <= (1 << 30), 4, "block size out of range");
  size_t first_len = 0;   /* bytes the caller has already read from infile */
  const char *first = luaL_optlstring(L, 5, "", &first_len);
  stream_bufs *b = (stream_bufs *)lua_newuserdatauv(L, sizeof *b, 0);
  vnt_buf_init(&b->in);
  vnt_buf_init(&b->out);
  if (luaL_newmetatable(L, "vnt.stream_bufs")) {
    lua_pushcfunction(L, stream_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);

  if (first_len && vnt_buf_append(&b->in, first, first_len) != VNT_OK)
    return luaL_error(L, "vnt.normalize_stream: out of memory");
  size_t consumed = 0, line = 1, repairs = 0;
  int mid_line = 0, eof = 0;
  while (!eof) {
    if (vnt_buf_reserve(&b->in, (size_t)block) != VNT_OK) return luaL_error(L, "vnt.normalize_stream: out of memory");
    size_t n = fread(b->in.data + b->in.len, 1, (size_t)block, in);
    b->in.len += n;
    if (n < (size_t)block) {
      if (ferror(in)) return luaL_fileresult(L, 0, NULL);
      eof = 1;
    }
    size_t cut = eof ? b->in.len : vnt_safe_cut(b->in.data, b->in.len);
    if (cut == 0) continue;   /* no place to cut yet: read on */
    vnt_status st;
    vnt_buf_reset(&b->out);
    int rc = vnt_normalize(b->in.data, cut, &o, &b->out, &st);
    if (rc < 0) {
      if (rc != VNT_EUTF8 && rc != VNT_ELIMIT) return lv_fail(L, "normalize_stream", rc, 0);
      /* write the lines before the bad one, then report it */
      size_t bol = st.offset;
      while (bol > 0 && b->in.data[bol - 1] != '\n') bol--;
      vnt_buf_reset(&b->out);
      int rc2 = vnt_normalize(b->in.data, bol, &o, &b->out, NULL);
      if (rc2 == VNT_SAME) fwrite(b->in.data, 1, bol, out);
      else if (rc2 == VNT_OK) fwrite(b->out.data, 1, b->out.len, out);
      size_t where = consumed + st.offset, at_line = line + count_lines(b->in.data, st.offset);
      size_t got = consumed + b->in.len;
      vnt_buf_free(&b->in);
      vnt_buf_free(&b->out);
      luaL_pushfail(L);
      lua_pushstring(L, vnt_strerror(rc));
      lua_pushinteger(L, (lua_Integer)where + 1);
      lua_pushinteger(L, (lua_Integer)at_line);
      lua_pushinteger(L, (lua_Integer)got);
      return 5;
    }
    repairs += st.repairs;
    const char *res = rc == VNT_SAME ? b->in.data : b->out.data;
    size_t rlen = rc == VNT_SAME ? cut : b->out.len;
    /* A block cut at a run of blanks starts with them; VNT_SPACE trims them
     * as at a line start, but inside a line they stand for one space. */
    if ((o.flags & VNT_SPACE) && mid_line && rlen > 0 && res[0] != '\n') fputc(' ', out);
    if (rlen > 0 && fwrite(res, 1, rlen, out) != rlen) return lv_write_failed(L);
    line += count_lines(b->in.data, cut);
    mid_line = b->in.data[cut - 1] != '\n';
    memmove(b->in.data, b->in.data + cut, b->in.len - cut);
    b->in.len -= cut;
    consumed += cut;
  }
  /* free now: Lua's collector does not see these megabytes and would let
   * one pair pile up per file before it runs __gc */
  vnt_buf_free(&b->in);
  vnt_buf_free(&b->out);
  lua_pushinteger(L, (lua_Integer)repairs);
  lua_pushinteger(L, (lua_Integer)consumed);
  return 2;
}

/* ---- encodings ----------------------------------------------------------------- */

static int check_encoding(lua_State *L, int arg, const char *fn) {
  const char *name = luaL_checkstring(L, arg);
  int e = vnt_encoding_from_name(name);
  if (e == VNT_ENC_UNKNOWN)
    return luaL_error(L, "vnt.%s: unknown encoding '%s' (utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni, viqr, viscii)",
                      fn, name);
  return e;
}

static int code_fn(lua_State *L, int decode) {
  const char *fn = decode ? "decode" : "encode";
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  int e = check_encoding(L, 2, fn);
  vnt_buf *b = new_buf(L);
  vnt_status st;
  int rc = decode ? vnt_decode(s, len, e, b, &st) : vnt_encode(s, len, e, b, &st);
  if (rc < 0) {
    vnt_buf_free(b);
    if (rc == VNT_EUTF8 && decode)
      return luaL_error(L, "vnt.decode: not valid %s at byte %I", vnt_encoding_name(e), (lua_Integer)st.offset + 1);
    if (rc == VNT_EINVAL && !decode)
      return luaL_error(L, "vnt.encode: %s cannot hold the character at byte %I", vnt_encoding_name(e),
                        (lua_Integer)st.offset + 1);
    return lv_fail(L, fn, rc, st.offset);
  }
  lua_pushlstring(L, b->data ? b->data : "", b->len);
  vnt_buf_free(b);
  return 1;
}

/* vnt.decode(bytes, encoding) -> UTF-8 NFC text */
static int lv_decode(lua_State *L) { return code_fn(L, 1); }
/* vnt.encode(text, encoding) -> bytes */
static int lv_encode(lua_State *L) { return code_fn(L, 0); }

/* vnt.detect(bytes) -> encoding name ("unknown", "binary", ...), confidence 0..100 */
static int lv_detect(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  int conf = 0;
  int e = vnt_detect(s, len, &conf);
  lua_pushstring(L, vnt_encoding_name(e));
  lua_pushinteger(L, conf);
  return 2;
}

/* vnt.file_id(path | nil) -> "dev:ino" of a file, or of standard output when
 * path is nil; nil if it cannot be had.  Lets a reader skip the file it is
 * writing (vnt normalize dir > dir/out must not read its own output). */
static int lv_file_id(lua_State *L) {
  struct stat st;
  int ok = lua_isnoneornil(L, 1) ? fstat(1, &st) == 0 : stat(luaL_checkstring(L, 1), &st) == 0;
  if (!ok || !S_ISREG(st.st_mode)) { lua_pushnil(L); return 1; }
  lua_pushfstring(L, "%I:%I", (lua_Integer)st.st_dev, (lua_Integer)st.st_ino);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"file_id", lv_file_id},
  {"decode", lv_decode}, {"encode", lv_encode}, {"detect", lv_detect},
  {"normalize", lv_normalize},
  {"nfc", lv_nfc}, {"nfd", lv_nfd}, {"nfkc", lv_nfkc}, {"nfkd", lv_nfkd},
  {"lower", lv_lower}, {"upper", lv_upper}, {"casefold", lv_casefold},
  {"strip_diacritics", lv_strip},
  {"valid_utf8", lv_valid_utf8},
  {"count_lines", lv_count_lines},
  {"json", lv_json}, {"json_record", lv_json_record},
  {"is_normalized", lv_is_normalized},
  {"safe_cut", lv_safe_cut},
  {"normalize_stream", lv_normalize_stream},
  {NULL, NULL}
};

/* The Lua side of the library loads on first use: vnt.io, vnt.clean,
 * vnt.lexicon and vnt.cli are require("vnt.io") and so on. */
static int lv_index(lua_State *L) {
  static const char *const subs[] = {"io", "clean", "lexicon", "cli", NULL};
  const char *k = lua_tostring(L, 2);
  if (k == NULL || find_name(subs, k) < 0) return 0;
  lua_getglobal(L, "require");
  lua_pushfstring(L, "vnt.%s", k);
  lua_call(L, 1, 1);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, 1);
  return 1;
}

int luaopen_vnt(lua_State *L) {
  luaL_newlib(L, funcs);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, lv_index);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  lv_open_segment(L);
  lv_open_words(L);
  lv_open_count(L);
  lv_open_wordset(L);
  lua_pushliteral(L, VNT_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, utf8proc_unicode_version());
  lua_setfield(L, -2, "unicode_version");
  return 1;
}

/* lcount.c -- the Lua side of counting: vnt.counter userdata. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "vnt.h"
#include "lvnt.h"

#define COUNTER_MT "vnt.counter"

typedef struct lcounter {
  vnt_counter *c;   /* NULL until created, and after __gc */
} lcounter;

static lcounter *new_counter(lua_State *L) {
  lcounter *lc = (lcounter *)lua_newuserdatauv(L, sizeof *lc, 0);
  lc->c = NULL;
  luaL_setmetatable(L, COUNTER_MT);
  lc->c = vnt_counter_new();
  if (lc->c == NULL) luaL_error(L, "vnt.counter: out of memory");
  return lc;
}

static vnt_counter *check_counter(lua_State *L, int arg) {
  lcounter *lc = (lcounter *)luaL_checkudata(L, arg, COUNTER_MT);
  luaL_argcheck(L, lc->c != NULL, arg, "counter already freed");
  return lc->c;
}

static int lc_gc(lua_State *L) {
  lcounter *lc = (lcounter *)luaL_checkudata(L, 1, COUNTER_MT);
  vnt_counter_free(lc->c);
  lc->c = NULL;
  return 0;
}

/* c:add(key [, n]) */
static int lc_add(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  size_t len;
  const char *k = luaL_checklstring(L, 2, &len);
  lua_Integer n = luaL_optinteger(L, 3, 1);
  int rc = vnt_counter_add(c, k, len, (int64_t)n);
  if (rc != VNT_OK) return luaL_error(L, "vnt.counter:add: %s", vnt_strerror(rc));
  lua_settop(L, 1);
  return 1;
}

static const char *const unit_names[] = {"syllable", "word", NULL};
static const char *const add_keys[] = {"unit", "n", "normalize", "dict", "all", NULL};

/* Reads the add_tokens options at idx into o; may push a dictionary. */
static void lv_count_opts(lua_State *L, int idx, const char *fn, vnt_count_opts *o) {
  vnt_norm_opts dn = VNT_NORM_OPTS_INIT;
  o->n = 1;
  o->unit = VNT_COUNT_SYLLABLE;
  o->normalize = 0;
  o->norm = dn;
  o->dict = NULL;
  o->all_tokens = 0;
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  check_keys(L, idx, fn, add_keys);
  if (lua_getfield(L, idx, "unit") != LUA_TNIL) {
    const char *u = lua_tostring(L, -1);
    int k = u ? find_name(unit_names, u) : -1;
    if (k < 0) luaL_error(L, "vnt.%s: option 'unit' must be \"syllable\" or \"word\"", fn);
    o->unit = k;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, idx, "n") != LUA_TNIL) {
    lua_Integer n = lua_tointeger(L, -1);
    if (n < 1 || n > 8) luaL_error(L, "vnt.%s: option 'n' must be 1..8", fn);
    o->n = (int)n;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, idx, "normalize") != LUA_TNIL) {
    read_norm_opts(L, lua_gettop(L), fn, &o->norm);
    o->normalize = 1;
  }
  lua_pop(L, 1);
  o->all_tokens = opt_bool(L, idx, fn, "all");
  if (o->unit == VNT_COUNT_WORD) {
    if (lua_getfield(L, idx, "dict") == LUA_TNIL) {
      lua_pop(L, 1);
      lua_getglobal(L, "require");
      lua_pushliteral(L, "vnt.lexicon");
      lua_call(L, 1, 1);
      lua_getfield(L, -1, "default");
      lua_call(L, 0, 1);
      lua_remove(L, -2);
    }
    if (!lua_isnil(L, -1) && lua_toboolean(L, -1)) o->dict = lv_check_dict(L, lua_gettop(L));
    /* the dictionary stays on the stack while counting */
  }
}

/* c:add_tokens(text [, {unit = "syllable"|"word", n = 1, normalize = {...}, all = false, dict = d}]) */
static int lc_add_tokens(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  vnt_count_opts o;
  lv_count_opts(L, 3, "counter:add_tokens", &o);
  vnt_status st = {0, 0};
  int rc = vnt_counter_add_text(c, s, len, &o, &st);
  if (rc < 0) return lv_fail(L, "counter:add_tokens", rc, st.offset);
  lua_settop(L, 1);
  return 1;
}

/* ---- counting a file on several threads --------------------------------------------- */

/* A file is read with pread into a buffer of 4 MiB per thread, reused:
 * no page of the file is mapped (mapping and unmapping 67 MB of pages took
 * a tenth of the time), memory stays flat, and a file cut short while it
 * is read shows as a short read, not a signal. */
#define WINDOW ((size_t)4 << 20)

typedef struct job {
  int fd;
  off_t start, end;       /* the byte range of the file */
  const vnt_count_opts *o;
  vnt_counter *c;         /* the thread's own counter */
  int rc;                 /* VNT_OK, a vnt status, or 1: a read error (errno in err) */
  int err;
  int short_read;         /* the file ended before `end` */
  vnt_status st;          /* offset: from the start of the file */
} job;

/* Is the line break at s[i] one no sentence wraps across?  (The next line
 * does not start in lower case; nx is the byte after it, '\n' past the end.) */
static int safe_break(unsigned char nx) { return !((nx >= 'a' && nx <= 'z') || nx >= 0x80); }

/* The end of the last safe cut in s[0..len) (just after a safe line break
 * whose next byte is in s), or 0 if there is none. */
static size_t last_cut(const char *s, size_t len) {
  for (size_t i = len - 1; i-- > 0;)
    if (s[i] == '\n' && safe_break((unsigned char)s[i + 1])) return i + 1;
  return 0;
}

/* The first safe cut at or after `at` in the file (size bytes), reading
 * forward from there; size if there is none. */
static off_t first_cut(int fd, off_t at, off_t size) {
  char b[1 << 16];
  off_t pos = at;
  while (pos < size) {
    ssize_t r = pread(fd, b, sizeof b, pos);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return size;
    for (ssize_t i = 0; i < r; i++) {
      if (b[i] != '\n') continue;
      if (i + 1 < r) { if (safe_break((unsigned char)b[i + 1])) return pos + i + 1; continue; }
      unsigned char nx = '\n';   /* the byte after the block */
      if (pos + r < size && pread(fd, &nx, 1, pos + r) != 1) nx = '\n';
      if (safe_break(nx)) return pos + i + 1;
    }
    pos += r;
  }
  return size;
}

static void *run_job(void *arg) {
  job *j = (job *)arg;
  size_t cap = WINDOW, have = 0;
  off_t pos = j->start;   /* the file offset of buf[0] */
  char *buf = malloc(cap);
  j->rc = buf ? VNT_OK : VNT_ENOMEM;
  while (j->rc == VNT_OK) {
    off_t left = j->end - (pos + (off_t)have);
    size_t want = (off_t)(cap - have) < left ? cap - have : (size_t)left;
    int eof = 0;
    if (want > 0) {
      ssize_t r = pread(j->fd, buf + have, want, pos + (off_t)have);
      if (r < 0) {
        if (errno == EINTR) continue;
        j->rc = 1;
        j->err = errno;
        break;
      }
      if (r == 0) { j->short_read = 1; eof = 1; }
      have += (size_t)r;
    }
    if (pos + (off_t)have >= j->end) eof = 1;
    size_t cut = eof ? have : last_cut(buf, have);
    if (cut == 0 && !eof) {
      if (have < cap) continue;   /* read on to the end of the buffer first */
      char *nb = realloc(buf, cap * 2);   /* a stretch with no safe break: a bigger buffer */
      if (nb == NULL) { j->rc = VNT_ENOMEM; break; }
      buf = nb;
      cap *= 2;
      continue;
    }
    if (cut > 0) {
      j->rc = vnt_counter_add_text(j->c, buf, cut, j->o, &j->st);
      if (j->rc < 0) { j->st.offset += (size_t)pos; break; }
      j->rc = VNT_OK;
    }
    memmove(buf, buf + cut, have - cut);
    pos += (off_t)cut;
    have -= cut;
    if (eof) break;
  }
  free(buf);
  return NULL;
}

/* The line of byte `at` of the file: 1 + the line breaks before it. */
static size_t line_of(int fd, size_t at) {
  char b[1 << 16];
  size_t line = 1, pos = 0;
  while (pos < at) {
    size_t want = at - pos < sizeof b ? at - pos : sizeof b;
    ssize_t r = pread(fd, b, want, (off_t)pos);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    for (ssize_t i = 0; i < r; i++) line += b[i] == '\n';
    pos += (size_t)r;
  }
  return line;
}

/* c:add_file(path [, opts [, threads]]) -> true | nil, "path: reason"
 * Counts a UTF-8 file as add_tokens would, on `threads` threads (default
 * 1): the file is cut into ranges at line breaks no sentence wraps across,
 * each range counted into its own counter, and the counters merged, so the
 * result equals the one-thread count. */
static int lc_add_file(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  const char *path = luaL_checkstring(L, 2);
  vnt_count_opts o;
  lv_count_opts(L, 3, "counter:add_file", &o);
  lua_Integer nth = luaL_optinteger(L, 4, 1);
  luaL_argcheck(L, nth >= 1 && nth <= 64, 4, "threads must be 1..64");
  int fd = open(path, O_RDONLY);
  if (fd < 0) { luaL_pushfail(L); lua_pushfstring(L, "%s: %s", path, strerror(errno)); return 2; }
  struct stat stt;
  if (fstat(fd, &stt) != 0 || !S_ISREG(stt.st_mode)) {
    close(fd);
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: not a regular file", path);
    return 2;
  }
  off_t len = stt.st_size;
  if (len == 0) { close(fd); lua_pushboolean(L, 1); return 1; }
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  job jobs[64];
  pthread_t tids[64];
  off_t start = 0;
  int n = 0;
  memset(jobs, 0, sizeof jobs);
  for (int t = 0; t < nth && start < len; t++) {
    off_t end = t == nth - 1 ? len : first_cut(fd, start + (len - start) / (nth - t), len);
    jobs[n].fd = fd;
    jobs[n].start = start;
    jobs[n].end = end;
    jobs[n].o = &o;
    jobs[n].c = t == 0 ? c : vnt_counter_new_like(c);
    jobs[n].rc = jobs[n].c ? VNT_OK : VNT_ENOMEM;
    n++;
    start = end;
  }
  int started[64] = {0};
  for (int t = 1; t < n; t++)
    if (jobs[t].rc == VNT_OK) started[t] = pthread_create(&tids[t], NULL, run_job, &jobs[t]) == 0;
  run_job(&jobs[0]);
  for (int t = 1; t < n; t++) {
    if (started[t]) pthread_join(tids[t], NULL);
    else if (jobs[t].rc == VNT_OK) run_job(&jobs[t]);   /* no thread: do it here */
  }
  int rc = VNT_OK, err = 0, cut_short = 0;
  size_t bad = 0;
  for (int t = 0; t < n; t++) {
    if (jobs[t].rc != VNT_OK && rc == VNT_OK) { rc = jobs[t].rc; bad = jobs[t].st.offset; err = jobs[t].err; }
    cut_short |= jobs[t].short_read;
    if (t > 0 && jobs[t].c) {
      if (rc == VNT_OK && vnt_counter_merge(c, jobs[t].c) != VNT_OK) rc = VNT_ENOMEM;
      vnt_counter_free(jobs[t].c);
    }
  }
  size_t line = rc == VNT_EUTF8 ? line_of(fd, bad) : 0;
  close(fd);
  if (cut_short && (rc == VNT_OK || rc == VNT_EUTF8)) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: the file was cut short while it was read", path);
    return 2;
  }
  if (rc == 1) { luaL_pushfail(L); lua_pushfstring(L, "%s: %s", path, strerror(err)); return 2; }
  if (rc == VNT_EUTF8) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s:%d: invalid UTF-8 at byte %I", path, (int)line, (lua_Integer)bad + 1);
    return 2;
  }
  if (rc < 0) return lv_fail(L, "counter:add_file", rc, 0);
  lua_pushboolean(L, 1);
  return 1;
}

static int lc_get(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  size_t len;
  const char *k = luaL_checklstring(L, 2, &len);
  lua_pushinteger(L, (lua_Integer)vnt_counter_get(c, k, len));
  return 1;
}

static int lc_total(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)vnt_counter_total(check_counter(L, 1)));
  return 1;
}

static int lc_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)vnt_counter_size(check_counter(L, 1)));
  return 1;
}

static int lc_merge(lua_State *L) {
  vnt_counter *c = check_counter(L, 1), *o = check_counter(L, 2);
  int rc = vnt_counter_merge(c, o);
  if (rc != VNT_OK) return luaL_error(L, "vnt.counter:merge: %s", vnt_strerror(rc));
  lua_settop(L, 1);
  return 1;
}

/* The sorted entries live in a userdata that frees them. */
typedef struct lsorted {
  vnt_counter_entry *e;
  size_t n, i;
} lsorted;

static int ls_gc(lua_State *L) {
  lsorted *ls = (lsorted *)lua_touserdata(L, 1);
  free(ls->e);
  ls->e = NULL;
  return 0;
}

static int top_iter(lua_State *L) {
  lsorted *ls = (lsorted *)lua_touserdata(L, lua_upvalueindex(1));
  if (ls->i >= ls->n) return 0;
  vnt_counter_entry *e = &ls->e[ls->i++];
  lua_pushlstring(L, e->key, e->len);
  lua_pushinteger(L, (lua_Integer)e->count);
  return 2;
}

static int sorted_iter(lua_State *L, int by_count, lua_Integer k) {
  vnt_counter *c = check_counter(L, 1);
  lsorted *ls = (lsorted *)lua_newuserdatauv(L, sizeof *ls, 1);
  ls->e = NULL;
  ls->n = ls->i = 0;
  if (luaL_newmetatable(L, "vnt.sorted")) {
    lua_pushcfunction(L, ls_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  lua_pushvalue(L, 1);   /* the counter stays alive while its keys are read */
  lua_setiuservalue(L, -2, 1);
  if (by_count && k >= 0) {   /* the first k only: selected, not all sorted */
    if (vnt_counter_top(c, (size_t)k, &ls->e, &ls->n) != VNT_OK) return luaL_error(L, "vnt.counter: out of memory");
  } else {
    if (vnt_counter_sorted(c, by_count, &ls->e) != VNT_OK) return luaL_error(L, "vnt.counter: out of memory");
    ls->n = vnt_counter_size(c);
  }
  lua_pushcclosure(L, top_iter, 1);
  return 1;
}

/* c:top([k]) -> iterator of key, count: highest first, ties by key */
static int lc_top(lua_State *L) {
  lua_Integer k = luaL_optinteger(L, 2, -1);
  return sorted_iter(L, 1, k);
}

/* pairs(c): every key and count, in key order */
static int lc_pairs(lua_State *L) {
  sorted_iter(L, 0, -1);
  return 1;
}

/* c:write_top(file [, k [, min]]) -> c: "key<TAB>count" lines of the k
 * most frequent keys (all if k is nil), highest first, ties by key, those
 * counted at least min times, written to the Lua file straight from C. */
static int lc_write_top(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  FILE *f = check_file(L, 2);
  lua_Integer k = luaL_optinteger(L, 3, -1), min = luaL_optinteger(L, 4, 1);
  vnt_counter_entry *e = NULL;
  size_t n = 0;
  if (vnt_counter_top(c, k >= 0 ? (size_t)k : (size_t)-1, &e, &n) != VNT_OK)
    return luaL_error(L, "vnt.counter:write_top: out of memory");
  /* lines gathered in a block of 64 KiB, the counts written by hand */
  char blk[1 << 16];
  size_t used = 0;
  for (size_t i = 0; i < n && e[i].count >= min; i++) {
    if (used + e[i].len + 24 > sizeof blk) {
      fwrite(blk, 1, used, f);
      used = 0;
    }
    if (e[i].len + 24 > sizeof blk) {   /* a key longer than the block */
      fwrite(e[i].key, 1, e[i].len, f);
    } else {
      memcpy(blk + used, e[i].key, e[i].len);
      used += e[i].len;
    }
    char num[24];
    size_t at = sizeof num;
    int64_t v = e[i].count;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    num[--at] = '\n';
    do { num[--at] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) num[--at] = '-';
    num[--at] = '\t';
    memcpy(blk + used, num + at, sizeof num - at);
    used += sizeof num - at;
  }
  fwrite(blk, 1, used, f);
  free(e);
  lua_settop(L, 1);
  return 1;
}

/* c:dump() -> the TSV text: "key<TAB>count" lines sorted by key */
static int lc_dump(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  luaL_Buffer lb;
  vnt_buf b = VNT_BUF_INIT;
  int rc = vnt_counter_save(c, &b);
  if (rc != VNT_OK) {
    vnt_buf_free(&b);
    return luaL_error(L, rc == VNT_EINVAL ? "vnt.counter:dump: a key holds a tab or a line break"
                                          : "vnt.counter:dump: out of memory");
  }
  luaL_buffinit(L, &lb);
  luaL_addlstring(&lb, b.data ? b.data : "", b.len);
  vnt_buf_free(&b);
  luaL_pushresult(&lb);
  return 1;
}

/* c:save(path) -> true | nil, "path: reason"; written to path.tmp then
 * renamed, so a file that is there is complete */
static int lc_save(lua_State *L) {
  vnt_counter *c = check_counter(L, 1);
  const char *path = luaL_checkstring(L, 2);
  vnt_buf b = VNT_BUF_INIT;
  int rc = vnt_counter_save(c, &b);
  if (rc != VNT_OK) {
    vnt_buf_free(&b);
    return luaL_error(L, "vnt.counter:save: %s", rc == VNT_EINVAL ? "a key holds a tab or a line break" : "out of memory");
  }
  /* a device or a pipe (/dev/stdout, /dev/full, a FIFO) is written as it
   * is: renaming over it would replace it with a file */
  struct stat sb;
  int special = stat(path, &sb) == 0 && !S_ISREG(sb.st_mode);
  const char *tmp = special ? path : lua_pushfstring(L, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  int ok = f != NULL && (b.len == 0 || fwrite(b.data, 1, b.len, f) == b.len);
  int err = errno;
  if (f && fclose(f) != 0 && ok) { ok = 0; err = errno; }
  vnt_buf_free(&b);
  if (ok && !special && rename(tmp, path) != 0) { ok = 0; err = errno; }
  if (!ok) {
    if (!special) remove(tmp);
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: %s", path, strerror(err));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* vnt.counter.load(text_or_path) -> counter; the TSV of c:dump() (a string
 * with a tab or a line break is text, else a path) */
static int lv_counter_load(lua_State *L) {
  size_t len, line = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  int is_text = memchr(s, '\t', len) || memchr(s, '\n', len) || len == 0;
  vnt_counter *c = new_counter(L)->c;
  if (!is_text) {
    FILE *f = fopen(s, "rb");
    if (f == NULL) { luaL_pushfail(L); lua_pushfstring(L, "%s: %s", s, strerror(errno)); return 2; }
    vnt_buf b = VNT_BUF_INIT;
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) vnt_buf_append(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) { vnt_buf_free(&b); luaL_pushfail(L); lua_pushfstring(L, "%s: read error", s); return 2; }
    int rc = vnt_counter_load(c, b.data ? b.data : "", b.len, &line);
    vnt_buf_free(&b);
    if (rc != VNT_OK) {
      luaL_pushfail(L);
      lua_pushfstring(L, "%s:%d: %s", s, (int)line, rc == VNT_EINVAL ? "not a count line (key<TAB>count)" : vnt_strerror(rc));
      return 2;
    }
    return 1;
  }
  int rc = vnt_counter_load(c, s, len, &line);
  if (rc != VNT_OK)
    return luaL_error(L, "vnt.counter.load: line %d: %s", (int)line,
                      rc == VNT_EINVAL ? "not a count line (key<TAB>count)" : vnt_strerror(rc));
  return 1;
}

static int lc_tostring(lua_State *L) {
  lcounter *lc = (lcounter *)luaL_checkudata(L, 1, COUNTER_MT);
  if (lc->c == NULL) lua_pushliteral(L, "vnt.counter (freed)");
  else lua_pushfstring(L, "vnt.counter (%d keys, total %I)", (int)vnt_counter_size(lc->c),
                       (lua_Integer)vnt_counter_total(lc->c));
  return 1;
}

static int lv_counter_new(lua_State *L) {
  new_counter(L);
  return 1;
}

static const luaL_Reg counter_methods[] = {
  {"add", lc_add}, {"add_tokens", lc_add_tokens}, {"add_file", lc_add_file}, {"get", lc_get}, {"total", lc_total},
  {"top", lc_top}, {"merge", lc_merge}, {"dump", lc_dump}, {"save", lc_save},
  {"write_top", lc_write_top}, {NULL, NULL}
};
static const luaL_Reg counter_meta[] = {
  {"__index", NULL}, {"__gc", lc_gc}, {"__close", lc_gc}, {"__len", lc_len}, {"__pairs", lc_pairs},
  {"__tostring", lc_tostring}, {NULL, NULL}
};

static int counter_call(lua_State *L) {
  lua_remove(L, 1);   /* the vnt.counter table itself */
  return lv_counter_new(L);
}

void lv_open_count(lua_State *L) {
  luaL_newmetatable(L, COUNTER_MT);
  luaL_setfuncs(L, counter_meta, 0);
  luaL_newlibtable(L, counter_methods);
  luaL_setfuncs(L, counter_methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  /* vnt.counter() makes one; vnt.counter.load(...) reads one */
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, lv_counter_new);
  lua_setfield(L, -2, "new");
  lua_pushcfunction(L, lv_counter_load);
  lua_setfield(L, -2, "load");
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, counter_call);
  lua_setfield(L, -2, "__call");
  lua_setmetatable(L, -2);
  lua_setfield(L, -2, "counter");
}

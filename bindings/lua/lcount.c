/* lcount.c -- the Lua side of counting: vnt.counter userdata. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
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
  if (vnt_counter_add(c, k, len, (int64_t)n) != VNT_OK) return luaL_error(L, "vnt.counter:add: out of memory");
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
  vnt_status st;
  int rc = vnt_counter_add_text(c, s, len, &o, &st);
  if (rc < 0) return lv_fail(L, "counter:add_tokens", rc, st.offset);
  lua_settop(L, 1);
  return 1;
}

/* ---- counting a file on several threads --------------------------------------------- */

typedef struct job {
  const char *s;          /* the range of the mapped file */
  size_t len;
  const vnt_count_opts *o;
  vnt_counter *c;         /* the thread's own counter */
  int rc;
  vnt_status st;
} job;

static size_t cut_near(const char *s, size_t len, size_t at);

/* Count the range in windows of 4 MiB cut at safe line breaks, and give
 * each window's pages back once counted: memory stays flat (the mapping
 * would otherwise grow the resident set to the size of the file). */
static void *run_job(void *arg) {
  job *j = (job *)arg;
  long page = sysconf(_SC_PAGESIZE);
  size_t pos = 0, freed = 0;
  j->rc = VNT_OK;
  while (pos < j->len && j->rc == VNT_OK) {
    size_t end = j->len - pos <= (4u << 20) ? j->len : cut_near(j->s, j->len, pos + (4u << 20));
#ifdef MADV_POPULATE_READ
    {   /* map the window's pages in one call rather than a fault at a time
         * (an older kernel says EINVAL and the faults do it) */
      uintptr_t a = (uintptr_t)(j->s + pos) & ~((uintptr_t)page - 1);
      madvise((void *)a, (uintptr_t)(j->s + end) - a, MADV_POPULATE_READ);
    }
#endif
    j->rc = vnt_counter_add_text(j->c, j->s + pos, end - pos, j->o, &j->st);
    if (j->rc < 0) { j->st.offset += pos; break; }
    /* whole pages of the file before `end` */
    uintptr_t a = ((uintptr_t)(j->s + freed) + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t b = (uintptr_t)(j->s + end) & ~((uintptr_t)page - 1);
    if (b > a) { madvise((void *)a, b - a, MADV_DONTNEED); freed = (size_t)(b - (uintptr_t)j->s); }
    pos = end;
  }
  return NULL;
}

/* Where to cut s near `at` so both sides count as the whole does: after a
 * line break that no sentence wraps across (the next line does not start in
 * lower case).  len if there is none after at. */
static size_t cut_near(const char *s, size_t len, size_t at) {
  for (size_t i = at; i < len; i++) {
    if (s[i] != '\n') continue;
    unsigned char nx = i + 1 < len ? (unsigned char)s[i + 1] : '\n';
    if (!((nx >= 'a' && nx <= 'z') || nx >= 0x80)) return i + 1;
  }
  return len;
}

/* c:add_file(path [, opts [, threads]]) -> true | nil, "path: reason"
 * Counts a UTF-8 file as add_tokens would, on `threads` threads (default
 * 1): the file is mapped, cut into ranges at line breaks no sentence wraps
 * across, each range counted into its own counter, and the counters merged,
 * so the result equals the one-thread count. */
/* A mapped file cut short while it is read (truncated by another process)
 * raises SIGBUS on the pages past its new end.  Say so, with the file's
 * name, and stop with status 1 instead of dying of the signal; only
 * async-signal-safe calls in the handler. */
static char sigbus_msg[600];
static size_t sigbus_len;
static void on_sigbus(int sig) {
  (void)sig;
  if (write(2, sigbus_msg, sigbus_len) < 0) { /* nothing left to do */ }
  _exit(1);
}

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
  size_t len = (size_t)stt.st_size;
  if (len == 0) { close(fd); lua_pushboolean(L, 1); return 1; }
  const char *s = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (s == MAP_FAILED) { luaL_pushfail(L); lua_pushfstring(L, "%s: %s", path, strerror(errno)); return 2; }
  int w = snprintf(sigbus_msg, sizeof sigbus_msg, "vnt: %s: the file was cut short while it was read\n", path);
  sigbus_len = w < 0 ? 0 : (size_t)w < sizeof sigbus_msg ? (size_t)w : sizeof sigbus_msg - 1;
  struct sigaction sa, old_sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigbus;
  sigaction(SIGBUS, &sa, &old_sa);
  job jobs[64];
  pthread_t tids[64];
  size_t start = 0;
  int n = 0;
  for (int t = 0; t < nth && start < len; t++) {
    size_t end = t == nth - 1 ? len : cut_near(s, len, start + (len - start) / (size_t)(nth - t));
    jobs[n].s = s + start;
    jobs[n].len = end - start;
    jobs[n].o = &o;
    jobs[n].c = t == 0 ? c : vnt_counter_new();
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
  int rc = VNT_OK;
  size_t bad = 0, base = 0;
  for (int t = 0; t < n; t++) {
    if (jobs[t].rc < 0 && rc == VNT_OK) { rc = jobs[t].rc; bad = base + jobs[t].st.offset; }
    if (t > 0 && jobs[t].c) {
      if (rc == VNT_OK && vnt_counter_merge(c, jobs[t].c) != VNT_OK) rc = VNT_ENOMEM;
      vnt_counter_free(jobs[t].c);
    }
    base += jobs[t].len;
  }
  size_t line = 1;
  if (rc == VNT_EUTF8) for (size_t i = 0; i < bad; i++) line += s[i] == '\n';
  munmap((void *)(uintptr_t)s, len);
  sigaction(SIGBUS, &old_sa, NULL);
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
  if (vnt_counter_merge(c, o) != VNT_OK) return luaL_error(L, "vnt.counter:merge: out of memory");
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
  if (vnt_counter_sorted(c, by_count, &ls->e) != VNT_OK) return luaL_error(L, "vnt.counter: out of memory");
  ls->n = vnt_counter_size(c);
  if (k >= 0 && (size_t)k < ls->n) ls->n = (size_t)k;
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
  if (vnt_counter_sorted(c, 1, &e) != VNT_OK) return luaL_error(L, "vnt.counter:write_top: out of memory");
  size_t n = vnt_counter_size(c);
  if (k >= 0 && (size_t)k < n) n = (size_t)k;
  for (size_t i = 0; i < n && e[i].count >= min; i++) {
    char num[24];
    int m = snprintf(num, sizeof num, "\t%lld\n", (long long)e[i].count);
    fwrite(e[i].key, 1, e[i].len, f);
    fwrite(num, 1, (size_t)m, f);
  }
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
      lua_pushfstring(L, "%s:%d: not a count line (key<TAB>count)", s, (int)line);
      return 2;
    }
    return 1;
  }
  if (vnt_counter_load(c, s, len, &line) != VNT_OK)
    return luaL_error(L, "vnt.counter.load: line %d is not a count line (key<TAB>count)", (int)line);
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

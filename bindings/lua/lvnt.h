/* lvnt.h -- what the files of the Lua binding share. */
#ifndef LVNT_H
#define LVNT_H

#include <stdio.h>
#include <lua.h>

/* Raise "vnt.FN: MESSAGE [at byte N]" for core status `code` (N 1-based). */
int lv_fail(lua_State *L, const char *fn, int code, size_t off);
/* A write to the output failed: pushes nil, "cannot write the output: REASON"
 * and errno (3 results), as the writers return it. */
int lv_write_failed(lua_State *L);
/* Index of s in the NULL-terminated names, or -1. */
int find_name(const char *const *names, const char *s);
/* Boolean option `key` of the table at idx (nil: false), raising on other types. */
int opt_bool(lua_State *L, int idx, const char *fn, const char *key);
/* Raise on a key of the table at idx that is not in keys. */
void check_keys(lua_State *L, int idx, const char *fn, const char *const *keys);
/* The argument arg as a string of valid UTF-8, or raise naming the byte. */
void check_text(lua_State *L, int arg, const char *fn, const char **s, size_t *len);
/* The open FILE* of the Lua file handle at arg. */
FILE *check_file(lua_State *L, int arg);

/* lsegment.c: add the segmentation functions to the table on the stack top. */
void lv_open_segment(lua_State *L);
/* lwords.c: vnt.dict, vnt.words, vnt.write_words. */
void lv_open_words(lua_State *L);
/* The vnt.dict userdata at arg. */
struct vnt_dict *lv_check_dict(lua_State *L, int arg);
/* lcount.c: vnt.counter. */
void lv_open_count(lua_State *L);
/* lwordset.c: vnt.wordset. */
void lv_open_wordset(lua_State *L);
/* vnt.c: the options of vnt.normalize in the table at idx. */
struct vnt_norm_opts;
void read_norm_opts(lua_State *L, int idx, const char *fn, struct vnt_norm_opts *o);

#endif

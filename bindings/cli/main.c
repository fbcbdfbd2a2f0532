/* main.c -- the `vnt` executable: Lua 5.4 with the vnt module preloaded,
 * running the scripts in scripts/ (or any script you give it).
 *
 *   vnt run SCRIPT [ARGS...]    SCRIPT is a path, or a name found in the scripts directory
 *   vnt NAME [ARGS...]          the same as vnt run NAME
 *   vnt -e CODE [ARGS...]       run CODE
 *   vnt help | --help           usage and the list of scripts
 *   vnt help NAME               the options of the script NAME (vnt NAME --help)
 *   vnt --version
 *
 * Exit status: what the script gives to os.exit, else 0; 1 for a script
 * error (message and traceback on stderr); 2 for a usage error. */

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <utf8proc.h>

#include "vnt.h"

int luaopen_vnt(lua_State *L);

static const char *progname = "vnt";
static char luadir[PATH_MAX + 64], scriptdir[PATH_MAX + 64], userdir[PATH_MAX + 64];

static int is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Find the Lua modules and scripts next to the executable: in the source
 * tree (./vnt beside bindings/ and scripts/), installed under PREFIX
 * (PREFIX/bin/vnt, PREFIX/share/lua/5.4/vnt/, PREFIX/share/vnt/scripts/),
 * or in a LuaRocks tree (TREE/bin/vnt, TREE/share/lua/5.4/vnt/scripts/).
 * VNT_SCRIPTS=DIR adds a user's own scripts, found before the built-in
 * ones of the same name. */
static void find_dirs(void) {
  char exe[PATH_MAX + 4], probe[PATH_MAX + 64];
  ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX - 1);
  if (n <= 0) { strcpy(exe, "."); n = 1; }
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (slash) *slash = '\0';
  snprintf(probe, sizeof probe, "%s/bindings/lua/vnt/cli.lua", exe);
  int in_tree = is_file(probe);
  if (!in_tree) {   /* build-san/vnt, the sanitized build, one level down */
    snprintf(probe, sizeof probe, "%s/../bindings/lua/vnt/cli.lua", exe);
    if (is_file(probe)) { strcat(exe, "/.."); in_tree = 1; }
  }
  if (in_tree) {
    snprintf(luadir, sizeof luadir, "%s/bindings/lua", exe);
    snprintf(scriptdir, sizeof scriptdir, "%s/scripts", exe);
  } else {
    snprintf(luadir, sizeof luadir, "%s/../share/lua/5.4", exe);
    snprintf(scriptdir, sizeof scriptdir, "%s/../share/vnt/scripts", exe);
    if (!is_dir(scriptdir)) snprintf(scriptdir, sizeof scriptdir, "%s/../share/lua/5.4/vnt/scripts", exe);
  }
  const char *env = getenv("VNT_SCRIPTS");   /* a user's own scripts directory */
  if (env && *env) snprintf(userdir, sizeof userdir, "%s", env);
}

/* The path of the script NAME: the user's directory first, then the
 * built-in one; 0 when neither has it. */
static int find_script(const char *name, char *out, size_t n) {
  if (userdir[0]) {
    snprintf(out, n, "%s/%s.lua", userdir, name);
    if (is_file(out)) return 1;
  }
  snprintf(out, n, "%s/%s.lua", scriptdir, name);
  return is_file(out);
}

static int lua_filter(const struct dirent *d) {
  size_t n = strlen(d->d_name);
  return n > 4 && strcmp(d->d_name + n - 4, ".lua") == 0 && d->d_name[0] != '.';
}

static void list_scripts(FILE *f, const char *dir, const char *shadow) {
  struct dirent **list;
  int n = scandir(dir, &list, lua_filter, alphasort);
  if (n < 0) { fprintf(f, "  (none: cannot read the directory)\n"); return; }
  for (int i = 0; i < n; i++) {
    char path[sizeof scriptdir + 300], line[256] = "";
    snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
    FILE *sf = fopen(path, "r");
    if (sf) {   /* first line: "-- name: what it does" */
      if (fgets(line, sizeof line, sf) == NULL) line[0] = '\0';
      fclose(sf);
    }
    line[strcspn(line, "\r\n")] = '\0';
    const char *desc = line;
    if (strncmp(desc, "--", 2) == 0) {
      desc += 2;
      const char *colon = strchr(desc, ':');
      if (colon) desc = colon + 1;
      while (*desc == ' ') desc++;
    } else {
      desc = "";
    }
    int shadowed = 0;
    if (shadow && shadow[0]) {
      snprintf(path, sizeof path, "%s/%s", shadow, list[i]->d_name);
      shadowed = is_file(path);
    }
    list[i]->d_name[strlen(list[i]->d_name) - 4] = '\0';
    fprintf(f, "  %-14s %s%s\n", list[i]->d_name, desc, shadowed ? " (replaced by your script of that name)" : "");
    free(list[i]);
  }
  free(list);
}

static void print_help(FILE *f) {
  fprintf(f,
    "usage: %s run SCRIPT [ARGS...]   run a Lua script with the vnt module loaded\n"
    "       %s NAME [ARGS...]         run the script NAME from the scripts directory\n"
    "       %s -e CODE [ARGS...]      run Lua code\n"
    "       %s help | --help          this text\n"
    "       %s help NAME              the options of the script NAME\n"
    "       %s --version\n\n", progname, progname, progname, progname, progname, progname);
  if (userdir[0]) {
    fprintf(f, "Your scripts (VNT_SCRIPTS=%s):\n", userdir);
    list_scripts(f, userdir, NULL);
    fprintf(f, "\n");
  }
  fprintf(f, "Scripts (%s):\n", scriptdir);
  list_scripts(f, scriptdir, userdir);
  fprintf(f, "\n'%s help NAME' or '%s NAME --help' describes a script's options.\n", progname, progname);
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "%s: ", progname);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " (see '%s help')\n", progname);
  return 2;
}

/* Error objects: a string gets a traceback; a table {exit = N, msg = "..."}
 * (raised by vnt.cli for usage errors and bad input) is passed through. */
static int msghandler(lua_State *L) {
  if (lua_type(L, 1) == LUA_TTABLE) return 1;
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* Scripts run in a fresh environment that reads through to the standard
 * globals but raises on names that exist nowhere, so a typo is an error
 * rather than a silent nil. */
static const char *strict_env =
  "local G, chunk = ...\n"
  "local vnt = require 'vnt'\n"
  "local env = setmetatable({}, {__index = function(_, k)\n"
  "  local v = G[k]\n"
  "  if v == nil and k == 'vnt' then return vnt end\n"
  "  if v == nil then error(\"script attempted to access nonexistent global variable '\" .. tostring(k) .. \"'\", 2) end\n"
  "  return v\n"
  "end})\n"
  "debug.setupvalue(chunk, 1, env)\n"
  "return chunk\n";

/* set once the failure to write the output has been told: not told twice */
static int output_reported = 0;

static int report(lua_State *L, int status) {
  if (status == LUA_OK) return 0;
  if (lua_type(L, -1) == LUA_TTABLE) {
    lua_getfield(L, -1, "exit");
    int code = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 1;
    lua_getfield(L, -2, "msg");
    const char *m = lua_tostring(L, -1);
    if (m && *m) fprintf(stderr, "%s: %s\n", progname, m);
    if (m && strncmp(m, "cannot write the output", 23) == 0) output_reported = 1;
    fflush(stderr);
    return code;
  }
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "%s: %s\n", progname, msg ? msg : "(no message)");
  fflush(stderr);
  return 1;
}

/* At exit, however the script ended (os.exit included): what was written
 * to standard output must have reached it.  A full disk or a closed file
 * (vnt ... > /dev/full) is an error with a message and status 1, never a
 * silent success with output lost.  (A closed pipe ends vnt by SIGPIPE
 * first, as it ends cat: `vnt count big | head` is quiet.) */
static void check_stdout(void) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    if (output_reported) _exit(1);
    fprintf(stderr, "%s: cannot write the output: %s\n", progname, strerror(errno ? errno : EIO));
    fflush(stderr);
    _exit(1);
  }
}

int main(int argc, char **argv) {
  atexit(check_stdout);
  find_dirs();
  if (argc < 2) { print_help(stderr); return 2; }
  const char *cmd = argv[1];
  static char *help_argv[4];
  if (!strcmp(cmd, "help") && argc >= 3) {   /* vnt help NAME: vnt NAME --help */
    if (argc > 3) return usage_error("'help' takes one script name, not %s", "more");
    char probe[sizeof scriptdir + PATH_MAX];
    if (strchr(argv[2], '/') || !find_script(argv[2], probe, sizeof probe))
      return usage_error("'%s' is not a vnt script", argv[2]);
    help_argv[0] = argv[0];
    help_argv[1] = argv[2];
    help_argv[2] = (char *)"--help";
    help_argv[3] = NULL;
    argv = help_argv;
    argc = 3;
    cmd = argv[1];
  } else if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    print_help(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "-v")) {
    printf("vnt %s (%s, utf8proc %s, Unicode %s)\n", VNT_VERSION, LUA_RELEASE,
           utf8proc_version(), utf8proc_unicode_version());
    return 0;
  }

  const char *code = NULL;
  char script[sizeof scriptdir + PATH_MAX];
  int first;   /* index in argv of the script's first argument */
  if (!strcmp(cmd, "-e")) {
    if (argc < 3) return usage_error("'-e' needs %s", "an argument");
    code = argv[2];
    first = 3;
  } else {
    const char *name = cmd;
    first = 2;
    if (!strcmp(cmd, "run")) {
      if (argc < 3) return usage_error("'run' needs %s", "a script");
      name = argv[2];
      first = 3;
    } else if (cmd[0] == '-') {
      return usage_error("unknown option '%s'", cmd);
    }
    if (strchr(name, '/') || (strlen(name) > 4 && !strcmp(name + strlen(name) - 4, ".lua") && is_file(name))) {
      snprintf(script, sizeof script, "%s", name);
    } else {
      find_script(name, script, sizeof script);
    }
    if (!is_file(script)) {
      if (strchr(name, '/') || strcmp(cmd, "run") == 0)
        return usage_error("cannot find script '%s'", name);
      return usage_error("'%s' is not a vnt command or script", name);
    }
  }

  lua_State *L = luaL_newstate();
  if (L == NULL) { fprintf(stderr, "%s: cannot create Lua state: not enough memory\n", progname); return 1; }
  luaL_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_vnt);
  lua_setfield(L, -2, "vnt");
  lua_pop(L, 1);
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "path");
  lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;%s", luadir, luadir, lua_tostring(L, -1));
  lua_setfield(L, -3, "path");
  lua_pop(L, 2);
  lua_pushstring(L, scriptdir);
  lua_setfield(L, LUA_REGISTRYINDEX, "vnt.scriptdir");

  /* arg, as lua.c sets it: arg[0] the script, arg[1..] its arguments */
  lua_createtable(L, argc - first, first);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - first + 1);
  }
  if (code == NULL) {
    lua_pushstring(L, script);
    lua_rawseti(L, -2, 0);
  }
  lua_setglobal(L, "arg");

  lua_pushcfunction(L, msghandler);
  int base = lua_gettop(L);
  int status = code ? luaL_loadbuffer(L, code, strlen(code), "=(command line)")
                    : luaL_loadfile(L, script);
  if (status == LUA_OK) {
    /* wrap in the strict environment */
    if (luaL_loadbuffer(L, strict_env, strlen(strict_env), "=[vnt]") != LUA_OK) return report(L, LUA_ERRRUN);
    lua_pushglobaltable(L);
    lua_pushvalue(L, -3);
    status = lua_pcall(L, 2, 1, base);
    if (status == LUA_OK) {
      lua_replace(L, -2);
      /* the script's arguments go on the stack as well as in arg: room for them all */
      if (!lua_checkstack(L, argc - first + 1)) {
        fprintf(stderr, "vnt: too many arguments (%d)\n", argc - first);
        lua_close(L);
        return 2;
      }
      for (int i = first; i < argc; i++) lua_pushstring(L, argv[i]);
      status = lua_pcall(L, argc - first, 0, base);
    }
  }
  int rc = report(L, status);
  lua_close(L);
  return rc;
}

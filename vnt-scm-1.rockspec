-- LuaRocks: `luarocks make` in the source tree builds vnt.so against the
-- system's utf8proc (Debian: libutf8proc-dev) and installs the module, the
-- Lua library (vnt.timeline, vnt.quotes, ...), the scripts, the default
-- word list and the `vnt` executable into the tree.
rockspec_format = "3.0"
package = "vnt"
version = "scm-1"
source = {
  url = "git+file:///dev/null",   -- a local build: luarocks make in the source tree
}
description = {
  summary = "Vietnamese text processing: normalization, tones, segmentation, counting, timelines, quotes",
  detailed = [[
A C core (UTF-8 validation, Unicode and Vietnamese normalization, sentences,
tokens, syllables, words, counting) with a Lua 5.4 library on top:
timelines of Vietnamese temporal expressions, quotes with their speakers,
extractive summaries, article cleaning.]],
  license = "MIT",
  labels = { "vietnamese", "nlp", "unicode", "text" },
}
dependencies = {
  "lua >= 5.4, < 5.5",
  "lpeg >= 1.0",
  "argparse >= 0.7",
  "luafilesystem >= 1.8",
}
external_dependencies = {
  UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
}
build = {
  type = "make",
  makefile = "Makefile",
  build_target = "rock",
  build_variables = {
    CFLAGS = "$(CFLAGS)",
    LUA_INC = "-I$(LUA_INCDIR)",
    UTF8PROC_INC = "-I$(UTF8PROC_INCDIR)",
    UTF8PROC_LIB = "-L$(UTF8PROC_LIBDIR)",
  },
  install_target = "install-rock",
  install_variables = {
    LUA_CMOD = "$(LIBDIR)",
    LUA_LMOD = "$(LUADIR)",
    BINDIR = "$(BINDIR)",
  },
}

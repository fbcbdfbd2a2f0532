# vnt -- build, test, benchmark, install.
#   make              libvnt.a, vnt.so (Lua module) and ./vnt (launcher)
#   make deps         install missing Debian packages (as root), or name them
#   make demo         deps, build, and run the main job on examples/articles/
#   make test         C tests + busted specs, then the same under ASan+UBSan
#   make fuzz         libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make eval         quality against ../shared/gold-dev and UD VTB (skipped without them)
#   make model        train a word segmentation model on UD VTB into build/models/
#   make bench        benchmarks against baselines measured in the same run
#   make install PREFIX=/usr/local
#   make clean

PREFIX    ?= /usr/local
LIBDIR    ?= $(PREFIX)/lib
# where Lua 5.4 finds C modules and Lua modules under PREFIX
LUA_CMOD  ?= $(LIBDIR)/lua/5.4
LUA_LMOD  ?= $(PREFIX)/share/lua/5.4
SOVERSION  = 0
LIBVERSION = 0.1.0
CC        ?= cc
LUA_INC   ?= $(shell pkg-config --cflags lua5.4 2>/dev/null || echo -I/usr/include/lua5.4)
LUA_LIB   ?= $(shell pkg-config --libs lua5.4 2>/dev/null || echo -llua5.4)
OPT       ?= -O2
CFLAGS    ?= $(OPT) -g
WARN       = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC $(UTF8PROC_INC)
SAN_FLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# B is the build directory; `make SAN=1` builds the sanitized variant in build-san/.
ifeq ($(SAN),1)
B = build-san
ALL_CFLAGS += $(SAN_FLAGS) -O1
LDSAN = $(SAN_FLAGS)
OUT = build-san
else
B = build
LDSAN =
OUT = .
endif

CORE_SRC = core/buf.c core/utf8.c core/normalize.c core/viet.c core/simd.c core/segment.c core/words.c core/encoding.c core/count.c core/wordset.c
CORE_OBJ = $(CORE_SRC:core/%.c=$(B)/%.o)
CORE_HDR = core/vnt.h core/vnt_internal.h core/nfflags.h
# UTF8PROC_INC / UTF8PROC_LIB: -I / -L flags where utf8proc is not in the
# system's paths (the rockspec sets them from LuaRocks' external dependency).
UTF8PROC_INC ?=
UTF8PROC_LIB ?=
LIBS     = $(UTF8PROC_LIB) -lutf8proc

DEB_PKGS = lua5.4 liblua5.4-dev libutf8proc-dev lua-lpeg lua-busted lua-cjson lua-argparse lua-filesystem unicode-data bzip2 pkg-config

.PHONY: all js man ldoc rock install-rock deps dict-refresh demo model test fuzz eval bench install uninstall clean
all: $(OUT)/libvnt.a $(OUT)/libvnt.so $(OUT)/vnt.so $(OUT)/vnt js

$(B):
	@mkdir -p $(B)

# The quick-check table is generated from the utf8proc we link (gen_nftable.c).
$(B)/gen_nftable: core/gen_nftable.c core/nfflags.h | $(B)
	$(CC) -O1 -Wall -Wextra $(UTF8PROC_INC) -o $@ $< $(LIBS)
$(B)/nftable.h: $(B)/gen_nftable
	./$(B)/gen_nftable > $@.tmp && mv $@.tmp $@
$(B)/viettable.h: $(B)/gen_nftable
	./$(B)/gen_nftable viet > $@.tmp && mv $@.tmp $@

$(B)/normalize.o: $(B)/nftable.h
$(B)/viet.o: $(B)/viettable.h
# The core is built with hidden visibility: only what vnt.h declares is
# exported (vnt.h says so with a visibility pragma).
$(B)/%.o: core/%.c $(CORE_HDR) | $(B)
	$(CC) $(ALL_CFLAGS) -fvisibility=hidden -I$(B) -Icore -c -o $@ $<

$(OUT)/libvnt.a: $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

# The shared library: soname libvnt.so.0, only vnt_ symbols (core/libvnt.map).
$(OUT)/libvnt.so.$(LIBVERSION): $(CORE_OBJ) core/libvnt.map
	$(CC) -shared $(LDFLAGS) $(LDSAN) -Wl,-soname,libvnt.so.$(SOVERSION) -Wl,--version-script=core/libvnt.map \
	  -o $@ $(CORE_OBJ) $(LIBS)
$(OUT)/libvnt.so: $(OUT)/libvnt.so.$(LIBVERSION)
	ln -sf libvnt.so.$(LIBVERSION) $(OUT)/libvnt.so.$(SOVERSION) && ln -sf libvnt.so.$(SOVERSION) $@

LUA_OBJ = $(B)/lvnt.o $(B)/lsegment.o $(B)/lwords.o $(B)/lcount.o $(B)/lwordset.o
$(B)/lvnt.o: bindings/lua/vnt.c bindings/lua/lvnt.h core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<
$(B)/lsegment.o: bindings/lua/lsegment.c bindings/lua/lvnt.h core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<
$(B)/lwords.o: bindings/lua/lwords.c bindings/lua/lvnt.h core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<
$(B)/lcount.o: bindings/lua/lcount.c bindings/lua/lvnt.h core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<
$(B)/lwordset.o: bindings/lua/lwordset.c bindings/lua/lvnt.h core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<

# The Lua module exports luaopen_vnt and nothing else (bindings/lua/vnt.map).
$(OUT)/vnt.so: $(LUA_OBJ) $(OUT)/libvnt.a bindings/lua/vnt.map
	$(CC) -shared $(LDFLAGS) $(LDSAN) -Wl,--version-script=bindings/lua/vnt.map -o $@ $(LUA_OBJ) $(OUT)/libvnt.a $(LIBS) -lpthread

$(B)/main.o: bindings/cli/main.c core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<

$(OUT)/vnt: $(B)/main.o $(LUA_OBJ) $(OUT)/libvnt.a
	$(CC) $(LDFLAGS) $(LDSAN) -o $@ $(B)/main.o $(LUA_OBJ) $(OUT)/libvnt.a $(LUA_LIB) $(LIBS) -lm -ldl -lpthread

$(B)/test_core: tests/c/test_core.c $(OUT)/libvnt.a | $(B)
	$(CC) $(ALL_CFLAGS) $(LDSAN) -Icore -o $@ $< $(OUT)/libvnt.a $(LIBS)

# The default dictionary (from @vntk/dictionary, MIT) is committed in
# data/dict/ with its licence and provenance; a build needs no network.
# dict-refresh fetches it again with npm and checks the tarball's sha256.
dict-refresh:
	@sh tools/fetch-dict.sh data/dict

# The timeline page's front-end library, vis-timeline (npm, Apache-2.0 OR
# MIT), inlined into each page; the build goes on without it.
# JS=0 skips it (the Debian build, which has no network).
JS ?= 1
js:
	@if [ "$(JS)" = 1 ]; then sh tools/fetch-js.sh build/js; fi

# Man pages and bash/zsh/fish completions, made from the scripts' argparse
# definitions by tools/gen-docs.lua (with the vnt just built).
MANDIR ?= $(PREFIX)/share/man
man: build/man/man1/vnt.1
build/man/man1/vnt.1: vnt $(wildcard scripts/*.lua) bindings/lua/vnt/cli.lua tools/gen-docs.lua
	./vnt run tools/gen-docs.lua build/man scripts >/dev/null

# LDoc reference of the Lua library (Debian lua-ldoc) into build/doc/.
ldoc:
	@command -v ldoc >/dev/null || { echo "ldoc: install lua-ldoc (apt-get install lua-ldoc)" >&2; exit 1; }
	ldoc -c docs/config.ld .

# ---- dependencies -----------------------------------------------------------
deps:
	@sh tools/deps.sh $(DEB_PKGS)

# ---- the main job on the example articles -------------------------------------
demo: deps
	@$(MAKE) --no-print-directory all
	./vnt timeline examples/articles/

# ---- tests ------------------------------------------------------------------
# tests/run.sh runs the C tests and the busted specs of one build and prints
# its counts; the last line of `make test` is "N passed, N failed".
# Beside the build's packages, make test installs (as root, from Debian)
# what some specs need, and says so; where one cannot be installed, the specs
# that need it skip and name the reason in the output:
#   chromium              renders the timeline's HTML page
#   clang libclang-rt-14-dev   libFuzzer: every fuzz target a few seconds (VNT_FUZZ_SECONDS, default 5)
#   python3-lunardate     the Chinese calendar, to check vnt.lunar day by day
#   luarocks              luarocks make of vnt-scm-1.rockspec into a local tree
#   dpkg-dev debhelper    dpkg-buildpackage of debian/, the packages installed and purged again
#   man-db                man pages rendered
#   lua-ldoc              the LDoc reference of the Lua library built without a warning
# and, from npm, playwright-core into build/browser/ (tools/browser-deps.sh),
# which drives chromium through the timeline page at 5, 200 and 2,000 articles.
TEST_PKGS = chromium clang libclang-rt-14-dev python3-lunardate luarocks dpkg-dev debhelper man-db lua-ldoc
test: all man
	@sh tools/deps.sh --for "the tests" $(TEST_PKGS) || echo "test: not all of them could be installed; the specs that need them will say so and skip"
	@sh tools/browser-deps.sh
	@$(MAKE) --no-print-directory SAN=1 all build-san/test_core
	@$(MAKE) --no-print-directory build/test_core
	@sh tests/run.sh

# A word segmentation model trained on UD Vietnamese VTB (train + dev) at the
# user's side; it is never committed.  Use: ./vnt words --model build/models/vtb.wmodel
VTB ?= ../shared/data/ud-vtb
model: all
	@mkdir -p build/models
	./vnt train-words -o build/models/vtb.wmodel $(VTB)/vi_vtb-ud-train.conllu $(VTB)/vi_vtb-ud-dev.conllu

# ---- fuzzing ------------------------------------------------------------------
# libFuzzer targets for every C entry point that takes text (tests/fuzz/),
# each run FUZZ_SECONDS from its seed corpus; properties, not just crashes.
FUZZ_SECONDS ?= 60
# Then the script-level adversarial suite, long (tests/adversarial/run.lua).
fuzz: all
	@sh tools/deps.sh clang libclang-rt-14-dev
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)
	@lua5.4 tests/adversarial/run.lua long ./vnt

# ---- quality against ../shared/gold-dev ----------------------------------------
eval: all
	@sh tools/eval.sh

# ---- benchmarks -------------------------------------------------------------
bench: all
	@sh tools/deps.sh libicu-dev xz-utils || true
	@sh bench/run.sh

# ---- install ----------------------------------------------------------------
install: all man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LUA_CMOD) $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d \
	  $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(LUA_LMOD)/vnt $(DESTDIR)$(PREFIX)/share/vnt/scripts \
	  $(DESTDIR)$(PREFIX)/share/vnt/dict
	install -m 755 vnt $(DESTDIR)$(PREFIX)/bin/vnt
	install -m 644 vnt.so $(DESTDIR)$(LUA_CMOD)/vnt.so
	install -m 644 libvnt.a $(DESTDIR)$(LIBDIR)/libvnt.a
	install -m 644 libvnt.so.$(LIBVERSION) $(DESTDIR)$(LIBDIR)/libvnt.so.$(LIBVERSION)
	ln -sf libvnt.so.$(LIBVERSION) $(DESTDIR)$(LIBDIR)/libvnt.so.$(SOVERSION)
	ln -sf libvnt.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libvnt.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@VERSION@|$(LIBVERSION)|' \
	  core/vnt.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/vnt.pc
	install -m 644 core/vnt.h $(DESTDIR)$(PREFIX)/include/vnt.h
	install -m 644 bindings/lua/vnt/*.lua $(DESTDIR)$(LUA_LMOD)/vnt/
	install -m 644 scripts/*.lua $(DESTDIR)$(PREFIX)/share/vnt/scripts/
	install -m 644 data/dict/words.txt data/dict/LICENSE data/dict/README.md $(DESTDIR)$(PREFIX)/share/vnt/dict/
	if [ -s build/js/vis-timeline-graph2d.min.js ]; then install -d $(DESTDIR)$(PREFIX)/share/vnt/js && \
	  install -m 644 build/js/* $(DESTDIR)$(PREFIX)/share/vnt/js/; fi
	install -m 644 build/man/man1/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 build/man/completions/vnt.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/vnt
	install -m 644 build/man/completions/_vnt $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_vnt
	install -m 644 build/man/completions/vnt.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/vnt.fish

# ---- LuaRocks (vnt-scm-1.rockspec: luarocks make) ------------------------------
# The module and the executable only; everything the Lua side needs goes
# under LuaRocks' Lua directory: vnt/*.lua, vnt/scripts/, vnt/dict/.
BINDIR ?= $(PREFIX)/bin
rock: libvnt.a vnt.so vnt
install-rock: rock
	install -d $(LUA_CMOD) $(LUA_LMOD)/vnt/scripts $(LUA_LMOD)/vnt/dict $(BINDIR)
	install -m 644 vnt.so $(LUA_CMOD)/vnt.so
	install -m 644 bindings/lua/vnt/*.lua $(LUA_LMOD)/vnt/
	install -m 644 scripts/*.lua $(LUA_LMOD)/vnt/scripts/
	install -m 644 data/dict/words.txt data/dict/LICENSE data/dict/README.md $(LUA_LMOD)/vnt/dict/
	if [ -s build/js/vis-timeline-graph2d.min.js ]; then install -d $(LUA_LMOD)/vnt/js && \
	  install -m 644 build/js/* $(LUA_LMOD)/vnt/js/; fi
	install -m 755 vnt $(BINDIR)/vnt

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/vnt $(DESTDIR)$(LUA_CMOD)/vnt.so $(DESTDIR)$(LIBDIR)/libvnt.a \
	  $(DESTDIR)$(LIBDIR)/libvnt.so $(DESTDIR)$(LIBDIR)/libvnt.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libvnt.so.$(LIBVERSION) \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/vnt.pc $(DESTDIR)$(PREFIX)/include/vnt.h $(DESTDIR)$(LUA_LMOD)/vnt \
	  $(DESTDIR)$(PREFIX)/share/vnt $(DESTDIR)$(MANDIR)/man1/vnt.1 $(DESTDIR)$(MANDIR)/man1/vnt-*.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/vnt $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_vnt \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/vnt.fish

clean:
	rm -rf build/man build/doc build/js build/*.o build/*.a build/gen_nftable build/nftable.h build/viettable.h build/test_core build-san build-fuzz vnt vnt.so libvnt.a libvnt.so libvnt.so.*

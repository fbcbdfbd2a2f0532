# vnt -- build, test, benchmark, install.
#   make              libvnt.a, vnt.so (Lua module) and ./vnt (launcher)
#   make deps         install missing Debian packages (as root), or name them
#   make demo         deps, build, and run the main job on examples/
#   make test         C tests + busted specs, then the same under ASan+UBSan
#   make fuzz         libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make eval         quality against ../shared/gold-dev and UD VTB (skipped without them)
#   make model        train a word segmentation model on UD VTB into build/models/
#   make bench        benchmarks against baselines measured in the same run
#   make install PREFIX=/usr/local
#   make clean

PREFIX    ?= /usr/local
CC        ?= cc
LUA_INC   ?= $(shell pkg-config --cflags lua5.4 2>/dev/null || echo -I/usr/include/lua5.4)
LUA_LIB   ?= $(shell pkg-config --libs lua5.4 2>/dev/null || echo -llua5.4)
OPT       ?= -O2
CFLAGS    ?= $(OPT) -g
WARN       = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) -fPIC
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
LIBS     = -lutf8proc

DEB_PKGS = lua5.4 liblua5.4-dev libutf8proc-dev lua-lpeg lua-busted lua-cjson lua-argparse lua-filesystem unicode-data bzip2 pkg-config

.PHONY: all deps dict demo model test fuzz eval bench install uninstall clean
all: $(OUT)/libvnt.a $(OUT)/vnt.so $(OUT)/vnt dict

$(B):
	@mkdir -p $(B)

# The quick-check table is generated from the utf8proc we link (gen_nftable.c).
$(B)/gen_nftable: core/gen_nftable.c core/nfflags.h | $(B)
	$(CC) -O1 -Wall -Wextra -o $@ $< $(LIBS)
$(B)/nftable.h: $(B)/gen_nftable
	./$(B)/gen_nftable > $@.tmp && mv $@.tmp $@
$(B)/viettable.h: $(B)/gen_nftable
	./$(B)/gen_nftable viet > $@.tmp && mv $@.tmp $@

$(B)/normalize.o: $(B)/nftable.h
$(B)/viet.o: $(B)/viettable.h
$(B)/%.o: core/%.c $(CORE_HDR) | $(B)
	$(CC) $(ALL_CFLAGS) -I$(B) -Icore -c -o $@ $<

$(OUT)/libvnt.a: $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

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

$(OUT)/vnt.so: $(LUA_OBJ) $(OUT)/libvnt.a
	$(CC) -shared $(LDSAN) -o $@ $(LUA_OBJ) $(OUT)/libvnt.a $(LIBS) -lpthread

$(B)/main.o: bindings/cli/main.c core/vnt.h | $(B)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -Icore -c -o $@ $<

$(OUT)/vnt: $(B)/main.o $(LUA_OBJ) $(OUT)/libvnt.a
	$(CC) $(LDSAN) -o $@ $(B)/main.o $(LUA_OBJ) $(OUT)/libvnt.a $(LUA_LIB) $(LIBS) -lm -ldl -lpthread

$(B)/test_core: tests/c/test_core.c $(OUT)/libvnt.a | $(B)
	$(CC) $(ALL_CFLAGS) $(LDSAN) -Icore -o $@ $< $(OUT)/libvnt.a $(LIBS)

# The default dictionary (Viet74K, MIT) comes from npm at build time; the
# build goes on without it.
dict:
	@sh tools/fetch-dict.sh build/dict

# ---- dependencies -----------------------------------------------------------
deps:
	@sh tools/deps.sh $(DEB_PKGS)

# ---- the main job on the example articles -------------------------------------
demo: deps
	@$(MAKE) --no-print-directory all
	./vnt timeline examples/

# ---- tests ------------------------------------------------------------------
# tests/run.sh runs the C tests and the busted specs of one build and prints
# its counts; the last line of `make test` is "N passed, N failed".
# Chromium renders the timeline's HTML page in one spec; clang's libFuzzer
# runs every fuzz target for a few seconds (VNT_FUZZ_SECONDS, default 5).
# python3-lunardate's Chinese calendar checks vnt.lunar at UTC+8, day by day.
# Where they cannot be installed, those parts say so and skip.
test: all
	@sh tools/deps.sh chromium >/dev/null 2>&1 || echo "test: chromium is not installable here; the HTML rendering spec will skip"
	@sh tools/deps.sh clang libclang-rt-14-dev >/dev/null 2>&1 || echo "test: clang's libFuzzer is not installable here; the fuzz targets will skip"
	@sh tools/deps.sh python3-lunardate >/dev/null 2>&1 || echo "test: python3-lunardate is not installable here; the lunar calendar's comparison with the Chinese calendar will skip"
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
fuzz: all
	@sh tools/deps.sh clang libclang-rt-14-dev
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# ---- quality against ../shared/gold-dev ----------------------------------------
eval: all
	@sh tools/eval.sh

# ---- benchmarks -------------------------------------------------------------
bench: all
	@sh tools/deps.sh libicu-dev xz-utils || true
	@sh bench/run.sh

# ---- install ----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/lua/5.4 $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/lua/5.4/vnt $(DESTDIR)$(PREFIX)/share/vnt/scripts
	install -m 755 vnt $(DESTDIR)$(PREFIX)/bin/vnt
	install -m 644 vnt.so $(DESTDIR)$(PREFIX)/lib/lua/5.4/vnt.so
	install -m 644 libvnt.a $(DESTDIR)$(PREFIX)/lib/libvnt.a
	install -m 644 core/vnt.h $(DESTDIR)$(PREFIX)/include/vnt.h
	install -m 644 bindings/lua/vnt/*.lua $(DESTDIR)$(PREFIX)/share/lua/5.4/vnt/
	install -m 644 scripts/*.lua $(DESTDIR)$(PREFIX)/share/vnt/scripts/
	if [ -s build/dict/words.txt ]; then install -d $(DESTDIR)$(PREFIX)/share/vnt/dict && \
	  install -m 644 build/dict/words.txt build/dict/Viet74K.txt build/dict/LICENSE.vntk-dictionary \
	  $(DESTDIR)$(PREFIX)/share/vnt/dict/; fi

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/vnt $(DESTDIR)$(PREFIX)/lib/lua/5.4/vnt.so $(DESTDIR)$(PREFIX)/lib/libvnt.a \
	  $(DESTDIR)$(PREFIX)/include/vnt.h $(DESTDIR)$(PREFIX)/share/lua/5.4/vnt $(DESTDIR)$(PREFIX)/share/vnt

clean:
	rm -rf build/*.o build/*.a build/gen_nftable build/nftable.h build/test_core build-san build-fuzz vnt vnt.so libvnt.a

#!/bin/sh
# tests/fuzz/run.sh [SECONDS] -- build the libFuzzer targets (clang,
# -fsanitize=fuzzer,address,undefined) and run each for SECONDS (default
# 10) from its seed corpus in tests/fuzz/corpus/TARGET.  New inputs go to a
# scratch copy, not into the repository.  Speaks TAP: "ok N - target" or
# "not ok N - target" (the crash file is kept in build-fuzz/ and named).
# Without clang's fuzzer runtime it says so and skips.
cd "$(dirname "$0")/../.." || exit 2
SECS=${1:-${FUZZ_SECONDS:-10}}
CLANG=${CLANG:-clang}
F=build-fuzz
TARGETS=${FUZZ_TARGETS:-"utf8 normalize segment words counter encoding"}
echo "1..6"
if ! command -v "$CLANG" >/dev/null 2>&1 || ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' |
     "$CLANG" -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
  i=0
  for t in $TARGETS; do i=$((i + 1)); echo "ok $i - fuzz_$t # SKIP clang with libFuzzer is not installed (apt-get install clang libclang-rt-14-dev)"; done
  exit 0
fi
[ -f build/nftable.h ] && [ -f build/viettable.h ] || make -s build/nftable.h build/viettable.h >/dev/null || exit 2
mkdir -p "$F"
FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11 -D_DEFAULT_SOURCE -Ibuild -Icore"
CORE="core/buf.c core/utf8.c core/normalize.c core/viet.c core/simd.c core/segment.c core/words.c core/encoding.c core/count.c"
# the core once, as objects without the fuzzer's main
for c in $CORE; do
  o=$F/$(basename "$c" .c).o
  if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ core/vnt.h -nt "$o" ] || [ core/vnt_internal.h -nt "$o" ]; then
    "$CLANG" -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -std=c11 \
      -D_DEFAULT_SOURCE -Ibuild -Icore -c -o "$o" "$c" || exit 2
  fi
done
i=0 fail=0
for t in $TARGETS; do
  i=$((i + 1))
  "$CLANG" $FLAGS -o "$F/fuzz_$t" "tests/fuzz/fuzz_$t.c" $F/*.o -lutf8proc || { echo "not ok $i - fuzz_$t (build)"; fail=1; continue; }
  rm -rf "$F/corpus_$t" && mkdir -p "$F/corpus_$t" && cp tests/fuzz/corpus/$t/* "$F/corpus_$t/" 2>/dev/null
  if (cd "$F" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 ./fuzz_$t -max_total_time="$SECS" \
        -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 "corpus_$t" > "fuzz_$t.log" 2>&1); then
    echo "ok $i - fuzz_$t ($(grep -c . "$F/fuzz_$t.log") log lines, $SECS s)"
  else
    echo "not ok $i - fuzz_$t: $(grep -m1 -E 'property failed|ERROR|SUMMARY' "$F/fuzz_$t.log"); input: $(ls -t $F/crash-* $F/timeout-* $F/oom-* 2>/dev/null | head -1)"
    fail=1
  fi
done
exit $fail

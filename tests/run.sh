#!/bin/sh
# run.sh -- the whole test suite, twice: with the normal build and with the
# AddressSanitizer + UndefinedBehaviorSanitizer build (build-san/).  Each part
# speaks TAP; the last line is "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
total_pass=0 total_fail=0 total_skip=0 log=$(mktemp)
trap 'rm -f "$log"' EXIT

part() {   # part NAME COMMAND...: run one TAP producer and count its results
  name=$1; shift
  "$@" > "$log" 2>&1
  rc=$?
  p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
  s=$(grep -c '^ok .*# *[Ss][Kk][Ii][Pp]' "$log")
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi   # crashed or failed to start
  if [ "$f" != 0 ]; then
    grep -v '^ok ' "$log" | head -200
  fi
  echo "$name: $((p - s)) passed, $f failed, $s skipped"
  # each skipped spec by name, with its reason
  grep '^ok .*# *[Ss][Kk][Ii][Pp]' "$log" | sed 's/^ok [0-9]* - *# *[Ss][Kk][Ii][Pp] */  skipped: /' | sort -u
  total_pass=$((total_pass + p - s)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
}

BUSTED="lua5.4 /usr/bin/busted"
LPATH="$PWD/bindings/lua/?.lua;$PWD/tests/?.lua;;"
ASAN_LIB=$(${CC:-cc} -print-file-name=libasan.so)
SAN_ENV="ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp"

part "C tests" ./build/test_core
part "C tests (asan+ubsan)" env $SAN_ENV ./build-san/test_core
part "specs" env LUA_CPATH="$PWD/?.so;;" LUA_PATH="$LPATH" VNT_BIN="$PWD/vnt" $BUSTED -o TAP tests
part "specs (asan+ubsan)" env $SAN_ENV LD_PRELOAD="$ASAN_LIB" LUA_CPATH="$PWD/build-san/?.so;;" \
  LUA_PATH="$LPATH" VNT_BIN="$PWD/build-san/vnt" VNT_SAN=1 $BUSTED -o TAP tests

part "fuzz (${VNT_FUZZ_SECONDS:-5} s a target)" sh tests/fuzz/run.sh "${VNT_FUZZ_SECONDS:-5}"

echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" = 0 ]

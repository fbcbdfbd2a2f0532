#!/bin/sh
# bench/run.sh -- `make bench`: vnt next to its baselines, measured in the same
# run on the same files.  Needs the benchmark corpus in ../shared (skips with
# a message without it) and, for the ICU baseline, libicu-dev.
#
# Each figure is a whole process (start-up and reading included), the median
# of RUNS runs after one warm-up, page cache warm.  MB/s = 10^6 input bytes
# per second of wall time.  RSS = largest peak resident set of those runs.
set -u
cd "$(dirname "$0")/.." || exit 2
RUNS=${RUNS:-5}
SRC=${VNT_BENCH_CORPUS:-../shared/data/corpus/vi-news.txt.xz}
B=${VNT_BENCH_DIR:-/tmp/vnt-bench}
CC=${CC:-cc}

if [ ! -f "$SRC" ]; then
  echo "bench: skipped: the benchmark corpus $SRC is absent (set VNT_BENCH_CORPUS)"
  exit 0
fi
mkdir -p "$B"
C=$B/vi-news.txt N0=$B/slice16m.nfc.txt N=$B/slice16m.nfd.txt
if [ ! -s "$C" ]; then
  echo "bench: unpacking $SRC into $B"
  xz -dc "$SRC" > "$C.tmp" && mv "$C.tmp" "$C" || exit 1
fi
if [ ! -s "$N" ]; then   # the first 16 MiB, cut at a line end, in NFC and NFD
  head -c 16777216 "$C" | sed '$d' > "$N0"
  ./vnt normalize --form NFD "$N0" > "$N" || exit 1
fi

$CC -O2 -o "$B/timeit" bench/timeit.c || exit 1
$CC -O2 -Icore -o "$B/nfc_vnt" bench/nfc_vnt.c libvnt.a -lutf8proc || exit 1
$CC -O2 -o "$B/nfc_utf8proc" bench/nfc_utf8proc.c -lutf8proc || exit 1
ICU=1
$CC -O2 -o "$B/nfc_icu" bench/nfc_icu.c -licuuc 2>/dev/null || { ICU=0; echo "bench: ICU baseline skipped (install libicu-dev)"; }

# BENCH="count quotes" runs only those sections (normalize segment count
# timeline quotes summary scale); all of them by default
want() { case " ${BENCH:-all} " in *" all "* | *" $1 "*) return 0 ;; esac; return 1; }
size() { wc -c < "$1" | tr -d ' '; }
# row LABEL BYTES CMD... : prints label, seconds, MB/s, RSS; leaves seconds in $secs
row() {
  label=$1 bytes=$2; shift 2
  set -- $("$B/timeit" "$RUNS" "$@") || { echo "bench: $label failed"; secs=0; return; }
  secs=$1
  printf "%-44s %9.4f s %9.1f MB/s %8.1f MiB\n" "$label" "$secs" "$(echo "$bytes $secs" | awk '{print $1/$2/1e6}')" "$(echo "$2" | awk '{print $1/1024}')"
}
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else print "n/a" }'; }

echo "vnt $(./vnt --version | cut -d' ' -f2-) -- $(date -u +%Y-%m-%d), $(nproc) cores, runs=$RUNS"
echo
if want normalize; then
echo "== NFC of already-NFC text: the corpus C ($(size "$C") bytes); C x10 = the file given ten times =="
C10="$C $C $C $C $C $C $C $C $C $C"
row "cat C x10 (the read ceiling)" "$(($(size "$C") * 10))" cat $C10; t_cat=$secs
row "vnt normalize C x10 (the CLI)" "$(($(size "$C") * 10))" ./vnt normalize $C10; t_cli=$secs
row "vnt normalize C" "$(size "$C")" ./vnt normalize "$C"; t_cli1=$secs
row "libvnt vnt_normalize C (bench/nfc_vnt.c)" "$(size "$C")" "$B/nfc_vnt" "$C"; t_core=$secs
row "utf8proc_NFC per line, C" "$(size "$C")" "$B/nfc_utf8proc" "$C"; t_u=$secs
t_icu=0
[ $ICU = 1 ] && { row "ICU unorm2_normalize per line, C" "$(size "$C")" "$B/nfc_icu" "$C"; t_icu=$secs; }
echo "-> vnt normalize runs at $(echo "$t_cat $t_cli" | awk '{printf "%.0f", 100*$1/$2}')% of cat's speed on C x10 (target >= 25%);"
echo "   on C it is $(ratio "$t_icu" "$t_cli1")x ICU and $(ratio "$t_u" "$t_cli1")x utf8proc; the core alone $(ratio "$t_icu" "$t_core")x ICU"
echo
echo "== NFC of NFD text: first 16 MiB of the corpus decomposed ($(size "$N") bytes) =="
row "vnt normalize (the CLI)" "$(size "$N")" ./vnt normalize "$N"; n_cli=$secs
row "libvnt vnt_normalize" "$(size "$N")" "$B/nfc_vnt" "$N"; n_core=$secs
row "utf8proc_NFC per line" "$(size "$N")" "$B/nfc_utf8proc" "$N"; n_u=$secs
n_icu=0
[ $ICU = 1 ] && { row "ICU unorm2_normalize per line" "$(size "$N")" "$B/nfc_icu" "$N"; n_icu=$secs; }
echo "-> on NFD input vnt normalize is $(ratio "$n_icu" "$n_cli")x ICU (target >= 1), $(ratio "$n_u" "$n_cli")x utf8proc"
echo
echo "== NFD of NFC text (the same 16 MiB, $(size "$N0") bytes) =="
row "vnt normalize --form NFD" "$(size "$N0")" ./vnt normalize --form NFD "$N0"; d_cli=$secs
[ $ICU = 1 ] && { row "ICU unorm2_normalize NFD per line" "$(size "$N0")" "$B/nfc_icu" "$N0" NFD; d_icu=$secs;
  echo "-> $(ratio "$d_icu" "$d_cli")x ICU"; }
echo
echo "== with the Vietnamese options (slow path: every word is taken apart) =="
row "vnt normalize --tones new --lower --space C" "$(size "$C")" ./vnt normalize --tones new --lower --space "$C"
fi
echo
if want segment; then
echo "== segmentation of the corpus C (targets: sentences >= 200 MB/s; typed tokens >= 8x coccoc-tokenizer,"
echo "   whose 12.4 MB/s on this corpus is in ../shared/notes/perf-anchors.md, so >= 99 MB/s) =="
row "wc -w C (baseline)" "$(size "$C")" wc -w "$C"; t_wc=$secs
row "vnt sentences C" "$(size "$C")" ./vnt sentences "$C"; t_s=$secs
row "vnt tokens --format text C" "$(size "$C")" ./vnt tokens --format text "$C"; t_t=$secs
row "vnt tokens C (TSV: doc, offsets, kind, token)" "$(size "$C")" ./vnt tokens "$C"
echo "-> sentences $(ratio "$t_wc" "$t_s")x wc -w; tokens $(ratio "$t_wc" "$t_t")x wc -w and $(echo "$C $t_t" | awk -v b="$(size "$C")" '{printf "%.1f", b/$2/1e6/12.4}')x coccoc's figure"
row "vnt words C (default dictionary)" "$(size "$C")" ./vnt words "$C"; t_w=$secs
echo "-> words $(echo "$t_w" | awk -v b="$(size "$C")" '{printf "%.1f", b/$1/1e6/12.4}')x coccoc's figure (target >= 2x)"
fi
echo
if want count; then
echo "== counting syllables of C (targets: >= 20x the sort pipeline, >= 5x Python's Counter) =="
row "tr | sort | uniq -c (C.UTF-8)" "$(size "$C")" sh -c "LC_ALL=C.UTF-8 tr -s '[:space:]' '\\n' < $C | LC_ALL=C.UTF-8 sort | LC_ALL=C.UTF-8 uniq -c"; t_sort=$secs
row "python3 collections.Counter (bench/count_py.py)" "$(size "$C")" python3 bench/count_py.py "$C"; t_py=$secs
row "vnt count C (all keys, by count)" "$(size "$C")" ./vnt count "$C"; t_cnt=$secs
row "vnt count -j 2 C" "$(size "$C")" ./vnt count -j 2 "$C"; t_cnt2=$secs
# what two cores give here: two processes at once, each on half of C (cut at a line end)
if [ ! -s "$B/half2.txt" ]; then
  h=$(( $(size "$C") / 2 ))
  head -c "$h" "$C" | sed '$d' > "$B/half1.txt"
  tail -c +$(( $(size "$B/half1.txt") + 1 )) "$C" > "$B/half2.txt"
fi
row "2 x vnt count, half of C each, at once" "$(size "$C")" sh -c "./vnt count $B/half1.txt & ./vnt count $B/half2.txt; wait"; t_pair=$secs
row "vnt count --lower --tones new C" "$(size "$C")" ./vnt count --lower --tones new "$C"
echo "-> vnt count $(ratio "$t_sort" "$t_cnt")x the sort pipeline, $(ratio "$t_py" "$t_cnt")x Python; -j 2 is $(ratio "$t_cnt" "$t_cnt2")x -j 1 (two processes on the halves: $(ratio "$t_cnt" "$t_pair")x)"
fi
echo
if want timeline; then
echo "== timeline of C, one document per blank-line-separated article (target >= 5 MB/s single-threaded;"
echo "   memory: the largest document plus the timeline's entries, not the corpus) =="
row "python3 re date finder (bench/dates_py.py; no values)" "$(size "$C")" python3 bench/dates_py.py "$C"; t_re=$secs
row "vnt timeline --split blank --format jsonl C" "$(size "$C")" ./vnt timeline --split blank --format jsonl "$C"; t_tl=$secs
row "vnt timeline --split blank C (text)" "$(size "$C")" ./vnt timeline --split blank "$C"
echo "-> vnt timeline $(ratio "$t_re" "$t_tl")x the Python regex finder, which finds dates only; $(./vnt timeline --split blank --format jsonl "$C" | wc -l) calendar entries"
fi
echo
if want quotes; then
echo "== quotes of C, one document per article (target >= 5 MB/s single-threaded; memory: one document) =="
row "python3 re quote finder (bench/quotes_py.py)" "$(size "$C")" python3 bench/quotes_py.py "$C"; t_sb=$secs
row "vnt quotes --split blank --format jsonl C" "$(size "$C")" ./vnt quotes --split blank --format jsonl "$C"; t_q=$secs
echo "-> vnt quotes $(ratio "$t_sb" "$t_q")x the Python regex finder, which resolves no speaker; $(./vnt quotes --split blank --format jsonl "$C" | wc -l) statements"
fi
echo
if want summary; then
echo "== summaries of C, one document per article (target >= 5 MB/s single-threaded; memory: one document) =="
row "baseline: vnt summary --method lead C (lead-3)" "$(size "$C")" ./vnt summary --split blank --method lead --format jsonl "$C"; t_lead=$secs
row "vnt summary --method textrank C" "$(size "$C")" ./vnt summary --split blank --method textrank --format jsonl "$C"
row "vnt summary C (TextRank + priors + MMR)" "$(size "$C")" ./vnt summary --split blank --format jsonl "$C"; t_sum=$secs
echo "-> vnt summary takes $(ratio "$t_sum" "$t_lead")x the time of lead-3 with the same reading and cleaning"
fi
echo
if want scale; then
sh bench/scale.sh "$B" "$C"
fi

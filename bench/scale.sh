#!/bin/sh
# bench/scale.sh B C -- time linear in the input, memory flat: every command
# on a slice S of the corpus C, on S x10 and (the fast ones) S x100; the
# ratio of the times must stay near 10 (at most 15: linear, with slack for
# a noisy machine); then the streaming commands on a 1 GB input (C given
# again and again), with their peak RSS.  Called by bench/run.sh.
B=$1 C=$2
S=$B/scale1.txt S10=$B/scale10.txt S100=$B/scale100.txt G=$B/scale1g.txt
[ -s "$S" ] || { head -c 4194304 "$C" | sed '$d' > "$S"; }
[ -s "$S10" ] || { for i in 1 2 3 4 5 6 7 8 9 10; do cat "$S"; done > "$S10"; }
[ -s "$S100" ] || { for i in 1 2 3 4 5 6 7 8 9 10; do cat "$S10"; done > "$S100"; }
[ -s "$G" ] || { for i in $(seq 15); do cat "$C"; done > "$G"; }
secs() { set -- $("$B/timeit" 1 "$@"); echo "$1"; }
secs3() { set -- $("$B/timeit" 3 "$@"); echo "$1"; }   # the short runs: a median, less noise
check() {   # check LABEL RATIO
  awk -v r="$2" -v l="$1" 'BEGIN { printf "%-44s x%-6.1f %s\n", l, r, (r <= 15 ? "linear" : "NOT LINEAR") }'
}
echo "== time linear in the input: time(S x10) / time(S), S = 4 MiB of C (at most 15 passes) =="
for cmd in "normalize" "normalize --tones new --lower" "sentences" "tokens" "words" "count" "count --unit word --ngram 2" \
           "clean" "stats" "timeline --split blank" "quotes --split blank" "summary --split blank" \
           "timeline" "quotes" "summary"; do   # the last three: the whole file as one document
  t1=$(secs3 ./vnt $cmd "$S"); t10=$(secs ./vnt $cmd "$S10")
  check "vnt $cmd" "$(echo "$t10 $t1" | awk '{ print ($2 > 0 ? $1 / $2 : 0) }')"
done
echo "== and x100 for the streaming commands: time(S x100) / time(S x10) =="
for cmd in "normalize" "sentences" "tokens" "count"; do
  t10=$(secs ./vnt $cmd "$S10"); t100=$(secs ./vnt $cmd "$S100")
  check "vnt $cmd" "$(echo "$t100 $t10" | awk '{ print ($2 > 0 ? $1 / $2 : 0) }')"
done
echo "== memory on a 1 GB input ($(wc -c < "$G" | tr -d ' ') bytes): peak RSS stays flat =="
for cmd in "normalize" "sentences" "tokens" "count"; do
  set -- $("$B/timeit" 1 ./vnt $cmd "$G")
  printf "%-44s %9.1f s %9.1f MiB\n" "vnt $cmd" "$1" "$(echo "$2" | awk '{print $1/1024}')"
done

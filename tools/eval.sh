#!/bin/sh
# tools/eval.sh -- `make eval`: score vnt against the gold annotations in
# ../shared/gold-dev with the scorers in ../shared/tools.
cd "$(dirname "$0")/.." || exit 2
S=${VNT_SHARED:-../shared}
if [ ! -d "$S/gold-dev" ] || [ ! -d "$S/tools" ]; then
  echo "eval: skipped: $S/gold-dev or $S/tools is absent"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
docs=$(ls "$S/gold-dev/sentences")
mkdir -p "$T/sentences"
for d in $docs; do ./vnt sentences "$S/corpus/seeds/$d" > "$T/sentences/$d" || exit 1; done
printf 'sentences (gold-dev): '
python3 "$S/tools/eval_sentences.py" "$S/gold-dev/sentences" "$T/sentences" $docs
D=$S/data/ud-vtb
if [ -f "$D/test.raw.txt" ]; then
  ./vnt words "$D/test.raw.txt" > "$T/words.test" || exit 1
  printf 'words, UD VTB test, default dictionary: '
  python3 "$S/tools/wseg-eval" "$D/test.gold.txt" "$T/words.test" | tail -n 1
  ./vnt words "$D/dev.raw.txt" > "$T/words.dev" || exit 1
  printf 'words, UD VTB dev, default dictionary:  '
  python3 "$S/tools/wseg-eval" "$D/dev.gold.txt" "$T/words.dev" | tail -n 1
fi
if [ -f "$D/vi_vtb-ud-train.conllu" ]; then
  ./vnt train-words -o "$T/vtb.wmodel" "$D/vi_vtb-ud-train.conllu" "$D/vi_vtb-ud-dev.conllu" 2>/dev/null || exit 1
  ./vnt words --model "$T/vtb.wmodel" "$D/test.raw.txt" > "$T/words.model" || exit 1
  printf 'words, UD VTB test, model (vnt train-words on train+dev): '
  python3 "$S/tools/wseg-eval" "$D/test.gold.txt" "$T/words.model" | tail -n 1
fi
printf 'boilerplate lines (gold-dev): '
./vnt -e '
local cjson = require "cjson"
local S = ...
local gold, docs = {}, {}
for l in io.lines(S .. "/gold-dev/boilerplate.jsonl") do
  local r = cjson.decode(l)
  if r.scope == "line" then gold[r.doc .. ":" .. math.tointeger(r.line)] = true end
  docs[r.doc] = true
end
local tp, fp, fn = 0, 0, 0
for doc in pairs(docs) do
  local f = assert(io.open(S .. "/corpus/seeds/" .. doc))
  local r = vnt.clean(f:read("a"))
  f:close()
  local pred = {}
  for _, d in ipairs(r.dropped) do pred[doc .. ":" .. d.line] = true end
  for k in pairs(pred) do if gold[k] then tp = tp + 1 else fp = fp + 1 end end
  for k in pairs(gold) do if k:find(doc, 1, true) == 1 and not pred[k] then fn = fn + 1 end end
end
print(("P %.4f R %.4f (tp %d fp %d fn %d)"):format(tp / (tp + fp), tp / (tp + fn), tp, fp, fn))' "$S"
# timeline: every expression (--all), the articles cleaned first, scored
# against the gold records outside boilerplate
tdocs=$(sed -n 's/.*"doc": *"\([^"]*\)".*/\1/p' "$S/gold-dev/timeline.jsonl" | sort -u)
set --
for d in $tdocs; do set -- "$@" "$S/corpus/seeds/$d"; done
./vnt timeline --all --format jsonl "$@" > "$T/timeline.jsonl" || exit 1
grep -v '"boilerplate": *true' "$S/gold-dev/timeline.jsonl" > "$T/timeline.gold.jsonl"
printf 'timeline expressions (gold-dev): '
python3 "$S/tools/eval_timeline.py" "$T/timeline.gold.jsonl" "$T/timeline.jsonl" $tdocs | grep '^timex'
# the development set (eval/dev): its articles extracted from the corpus, the timeline scored per class
if python3 tools/devset.py extract "$T/dev" 2>/dev/null; then
  python3 tools/eval_dev.py "$T/dev" --part dev
  python3 tools/eval_dev.py "$T/dev" --part measure --brief
  python3 tools/eval_dev_quotes.py "$T/dev" --part dev
  python3 tools/eval_dev_quotes.py "$T/dev" --part measure --brief
else
  echo "timeline (development set): skipped: $S/data/corpus/vi-news.txt.xz is absent"
fi
printf 'timex-public: '
if [ -x "$S/eval/timex-public/run.sh" ]; then "$S/eval/timex-public/run.sh" | tail -n 1; else echo "skipped: $S/eval/timex-public is absent"; fi
# quotes: cleaned first, so scored against the gold records outside boilerplate
qdocs=$(sed -n 's/.*"doc": *"\([^"]*\)".*/\1/p' "$S/gold-dev/quotes.jsonl" | sort -u)
set --
for d in $qdocs; do set -- "$@" "$S/corpus/seeds/$d"; done
./vnt quotes --format jsonl "$@" > "$T/quotes.jsonl" || exit 1
printf 'quotes (gold-dev): '
python3 "$S/tools/eval_quotes.py" "$S/gold-dev/quotes.jsonl" "$T/quotes.jsonl" $qdocs "$S/gold-dev/quote-negatives.jsonl" 2>/dev/null
# summaries: the project's ROUGE next to lead-3 and plain TextRank, then the shared scorer
./vnt run tools/eval-summary.lua "$S/gold-dev/summaries.jsonl" "$S/corpus/seeds"
sdocs=$(sed -n 's/.*"doc": *"\([^"]*\)".*/\1/p' "$S/gold-dev/summaries.jsonl" | sort -u)
set --
for d in $sdocs; do set -- "$@" "$S/corpus/seeds/$d"; done
./vnt summary --format jsonl "$@" > "$T/summary.jsonl" || exit 1
printf 'summaries, shared scorer (gold-dev): '
SENT_DIR="$S/gold-dev/sentences" python3 "$S/tools/eval_summary.py" "$S/gold-dev/summaries.jsonl" "$T/summary.jsonl" $sdocs

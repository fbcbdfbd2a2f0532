#!/bin/sh
# fetch-dict.sh DIR -- get the default word list from the MIT-licensed npm
# package @vntk/dictionary, with its license, into DIR: Viet74K.txt as it
# comes, and words.txt, the headwords of its dictionary.json plus the single
# syllables of Viet74K (tools/dict-words.lua), which vnt loads by default.
# Run by `make`; without npm or the network vnt still builds and
# `vnt words` falls back to one word a syllable (it says so).
DIR=${1:-build/dict}
[ -s "$DIR/words.txt" ] && exit 0
mkdir -p "$DIR" || exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "dict: npm is not installed: no default dictionary (vnt words will use syllables; install npm and run make again)" >&2
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if (cd "$T" && timeout 120 npm pack --silent @vntk/dictionary@1.0.0 >/dev/null 2>&1) && tar xzf "$T"/vntk-dictionary-*.tgz -C "$T" 2>/dev/null &&
   [ -s "$T/package/data/Viet74K.txt" ] && [ -s "$T/package/data/dictionary.json" ]; then
  cp "$T/package/LICENSE" "$DIR/LICENSE.vntk-dictionary"
  cp "$T/package/data/Viet74K.txt" "$DIR/Viet74K.txt.tmp" && mv "$DIR/Viet74K.txt.tmp" "$DIR/Viet74K.txt"
  if lua5.4 tools/dict-words.lua "$T/package/data/dictionary.json" "$DIR/Viet74K.txt" > "$DIR/words.txt.tmp"; then
    mv "$DIR/words.txt.tmp" "$DIR/words.txt"
    echo "dict: $DIR/words.txt ($(wc -l < "$DIR/words.txt") words) and Viet74K.txt, MIT, from @vntk/dictionary 1.0.0"
  else
    rm -f "$DIR/words.txt.tmp"
    echo "dict: could not read dictionary.json (lua-cjson missing?): no default dictionary" >&2
  fi
else
  echo "dict: could not fetch @vntk/dictionary with npm: no default dictionary (vnt words will use syllables)" >&2
fi
exit 0

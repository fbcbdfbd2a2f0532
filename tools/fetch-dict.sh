#!/bin/sh
# fetch-dict.sh [DIR] -- refresh the committed default word list from the
# MIT-licensed npm package @vntk/dictionary 1.0.0 (make dict-refresh).
# The build never runs this: data/dict/words.txt is committed, so a build
# needs no network.  This checks the tarball's sha256, then rewrites
# DIR/words.txt (the headwords of dictionary.json plus the single syllables
# of Viet74K.txt, tools/dict-words.lua) and DIR/LICENSE.
set -e
DIR=${1:-data/dict}
SHA=c8fa17bd24c7c2e6bb34e8663d3d095e129588a69f8821ad32f6e544facbb772
command -v npm >/dev/null 2>&1 || { echo "dict-refresh: npm is not installed" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
(cd "$T" && timeout 120 npm pack --silent @vntk/dictionary@1.0.0 >/dev/null) ||
  { echo "dict-refresh: npm could not fetch @vntk/dictionary@1.0.0" >&2; exit 1; }
got=$(sha256sum "$T"/vntk-dictionary-1.0.0.tgz | cut -d' ' -f1)
[ "$got" = "$SHA" ] || { echo "dict-refresh: the tarball's sha256 is $got, not $SHA" >&2; exit 1; }
tar xzf "$T"/vntk-dictionary-1.0.0.tgz -C "$T"
mkdir -p "$DIR"
lua5.4 tools/dict-words.lua "$T/package/data/dictionary.json" "$T/package/data/Viet74K.txt" > "$DIR/words.txt.tmp"
mv "$DIR/words.txt.tmp" "$DIR/words.txt"
cp "$T/package/LICENSE" "$DIR/LICENSE"
echo "dict-refresh: $DIR/words.txt ($(wc -l < "$DIR/words.txt") words), MIT, from @vntk/dictionary 1.0.0"

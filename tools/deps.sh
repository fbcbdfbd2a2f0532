#!/bin/sh
# deps.sh PKG... -- install the Debian packages vnt needs that are missing.
# As root on Debian/Ubuntu it installs them with apt-get; elsewhere it names
# them and stops.
missing=""
# npm fetches the default dictionary (@vntk/dictionary) at build time; any
# npm will do, Debian's package when there is none
command -v npm >/dev/null 2>&1 || set -- "$@" npm
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && { echo "deps: all packages present"; exit 0; }
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
    echo "deps: apt-get failed to install:$missing" >&2; exit 1; }
  exit 0
fi
echo "deps: vnt needs these Debian packages, which are missing:$missing" >&2
if command -v apt-get >/dev/null 2>&1; then
  echo "deps: install them as root: apt-get install$missing" >&2
else
  echo "deps: this is not a Debian/Ubuntu system; install the equivalents (Lua 5.4 with headers, utf8proc, LPeg, busted, lua-cjson, argparse, the Unicode data files) by hand" >&2
fi
exit 1

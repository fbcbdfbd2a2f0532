#!/bin/sh
# deps.sh [--for WHAT] PKG... -- install the Debian packages vnt needs that
# are missing, and say which.  As root on Debian/Ubuntu it installs them with
# apt-get (all at once, else one by one, naming those that failed);
# elsewhere it names them and stops.
what="vnt"
if [ "$1" = "--for" ]; then what=$2; shift 2; fi
# npm fetches the timeline page's front-end library (vis-timeline) at build
# time; any npm will do, Debian's package when there is none
[ "$what" = "vnt" ] && ! command -v npm >/dev/null 2>&1 && set -- "$@" npm
missing=""
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && { echo "deps: all packages for $what present"; exit 0; }
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "deps: installing for $what:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1
  apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 && exit 0
  failed=""
  for p in $missing; do
    apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 || failed="$failed $p"
  done
  [ -z "$failed" ] && exit 0
  echo "deps: apt-get could not install:$failed" >&2
  exit 1
fi
echo "deps: $what needs these Debian packages, which are missing:$missing" >&2
if command -v apt-get >/dev/null 2>&1; then
  echo "deps: install them as root: apt-get install$missing" >&2
else
  echo "deps: this is not a Debian/Ubuntu system; install the equivalents (Lua 5.4 with headers, utf8proc, LPeg, busted, lua-cjson, argparse, the Unicode data files) by hand" >&2
fi
exit 1

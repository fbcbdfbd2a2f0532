#!/bin/sh
# fetch-js.sh DIR -- the front-end library of the timeline page: vis-timeline
# 8.5.4 (Apache-2.0 OR MIT) from the npm registry, its tarball checked by
# sha256, into DIR (vis-timeline-graph2d.min.js, its standalone build with
# its CSS, and its licences).  Run by `make`; `vnt timeline --format html`
# inlines the file into each page, so the page needs no network.  Without
# npm or the registry the build goes on, and the page falls back to vnt's
# own drawing (it says so).
DIR=${1:-build/js}
VER=8.5.4
SHA=695f0491f385444add8bddb040bdd59d3b6e7ca5e3283ba33186164291c5f200
[ -s "$DIR/vis-timeline-graph2d.min.js" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "js: npm is not installed: the timeline page will use vnt's own drawing (install npm and run make again)" >&2
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if ! (cd "$T" && timeout 180 npm pack --silent "vis-timeline@$VER" >/dev/null 2>&1); then
  echo "js: could not fetch vis-timeline@$VER with npm: the timeline page will use vnt's own drawing" >&2
  exit 0
fi
got=$(sha256sum "$T/vis-timeline-$VER.tgz" | cut -d' ' -f1)
if [ "$got" != "$SHA" ]; then
  echo "js: vis-timeline-$VER.tgz has sha256 $got, not $SHA: not used" >&2
  exit 0
fi
tar xzf "$T/vis-timeline-$VER.tgz" -C "$T" && mkdir -p "$DIR" || exit 0
cp "$T/package/LICENSE.md" "$DIR/LICENSE.vis-timeline.md"
cp "$T/package/LICENSE.MIT.txt" "$DIR/LICENSE.vis-timeline.MIT.txt"
cp "$T/package/LICENSE.Apache-2.0.txt" "$DIR/LICENSE.vis-timeline.Apache-2.0.txt"
cp "$T/package/standalone/umd/vis-timeline-graph2d.min.js" "$DIR/vis-timeline-graph2d.min.js.tmp" &&
  mv "$DIR/vis-timeline-graph2d.min.js.tmp" "$DIR/vis-timeline-graph2d.min.js"
echo "js: $DIR/vis-timeline-graph2d.min.js (vis-timeline $VER, Apache-2.0 OR MIT)"

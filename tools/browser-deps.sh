#!/bin/sh
# browser-deps.sh -- playwright-core (npm, the version pinned in
# tests/browser/package.json and its lock) into build/browser/, for the
# browser test of the timeline page (tests/browser_spec.lua), which drives
# Debian's chromium with it.  Without npm or the registry the test skips and
# says so.
D=build/browser
if [ -f "$D/node_modules/playwright-core/index.mjs" ] && cmp -s tests/browser/package-lock.json "$D/package-lock.json"; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "test: npm is not installed; the browser test of the timeline page will skip"; exit 0; }
mkdir -p "$D" && cp tests/browser/package.json tests/browser/package-lock.json "$D/" || exit 0
if (cd "$D" && timeout 300 npm ci --silent --no-audit --no-fund >/dev/null 2>&1); then
  echo "test: playwright-core installed into $D (npm ci) for the browser test of the timeline page"
else
  echo "test: npm ci of playwright-core failed; the browser test of the timeline page will skip"
fi
exit 0

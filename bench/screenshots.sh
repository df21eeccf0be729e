#!/usr/bin/env bash
# Regenerates docs/screenshots/: the home page, an entity page (Hangzhou), a question page (policies of Zhejiang)
# and the explorer (DeepSeek), each at 1400 and 390 CSS pixels, taken by SurfaceBrowserIT in headless Chromium
# (Debian's chromium, chromium-driver and fonts-noto-cjk, as .ci/run installs them) from a service it starts on
# random ports. Usage: bench/screenshots.sh  (then look at the files and commit them)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='SurfaceBrowserIT#screenshots*' \
  -Dscreenshots.dir="$PWD/docs/screenshots"
ls -l docs/screenshots/

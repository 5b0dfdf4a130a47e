#!/usr/bin/env bash
# The end-to-end tests drive Debian's headless Chromium through chromedriver; install both
# when missing (we run as root on CI). Without root, say what to install.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "outpost: the browser tests need chromium and chromedriver: apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "outpost: installing chromium and chromium-driver for the browser tests (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium chromium-driver >/dev/null

#!/usr/bin/env bash
# Makes sure Debian's Chromium and its chromedriver are installed, for the console's browser test (system-tests,
# ConsoleSystemTests, which runs this too and so waits for an install make test started). Idempotent; returns at once when both are present. No browser build is downloaded: the
# packages come from the machine's own apt sources.
set -euo pipefail
# make test installs them in the background while the test that needs them may ask too: one install at a time,
# and a caller waits for one under way
exec 9>/tmp/lethe-ensure-chromium.lock
flock 9
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: chromium and chromedriver are missing and installing them needs root (apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=120 update -qq
apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends chromium chromium-driver >/dev/null


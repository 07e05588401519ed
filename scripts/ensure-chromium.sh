#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests is available: Debian's package when missing.
# Playwright drives it through playwright-core, which never downloads a browser of its own.
set -euo pipefail

for candidate in "${CHROMIUM_BIN:-}" "$(command -v chromium || true)" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "chromium: $("$candidate" --version 2>/dev/null | head -1) at $candidate"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  echo "chromium is missing: installing Debian's chromium package for the browser tests"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi

echo "chromium is missing and apt-get is not available." >&2
echo "Install Chromium or Chrome and set CHROMIUM_BIN to its path." >&2
exit 1

#!/usr/bin/env bash
# Makes sure a nats-server binary is available: Debian's package (v2.9.10 on bookworm) when missing.
set -euo pipefail

for candidate in "${NATS_SERVER_BIN:-}" "$(command -v nats-server || true)" /usr/sbin/nats-server /usr/local/bin/nats-server /opt/homebrew/bin/nats-server; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "nats-server: $("$candidate" --version) at $candidate"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  echo "nats-server is missing: installing Debian's nats-server package"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nats-server >/dev/null
  # The package ships a systemd unit; the app and the tests start their own servers instead.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nats-server 2>/dev/null; then
    $sudo_cmd systemctl disable --now nats-server >/dev/null 2>&1 || true
  fi
  echo "nats-server: $(/usr/sbin/nats-server --version)"
  exit 0
fi

echo "nats-server is missing and apt-get is not available." >&2
echo "Install it (macOS: brew install nats-server), set NATS_SERVER_BIN to its path, or set NATS_URL to a running server." >&2
exit 1

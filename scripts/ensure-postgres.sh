#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (initdb, postgres, pg_isready) are here: Debian's postgresql
# package when missing. Prints the folder that holds them on its last line.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/postgres" ]; then echo "$PG_BIN"; return 0; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v postgres >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v postgres)")"; return 0; fi
  return 1
}

if bin=$(find_bin); then
  echo "$bin"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  echo "PostgreSQL is missing: installing Debian's postgresql package" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  # The package starts a cluster of its own as a service; the bench starts its own server instead.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet postgresql 2>/dev/null; then
    $sudo_cmd systemctl disable --now postgresql >/dev/null 2>&1 || true
  fi
  find_bin
  exit 0
fi

echo "PostgreSQL is missing and apt-get is not available." >&2
echo "Install its server (macOS: brew install postgresql) or set PG_BIN to the folder with initdb and postgres." >&2
exit 1

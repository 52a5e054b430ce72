#!/usr/bin/env bash
# Installs every Debian package and npm package bdp needs. Idempotent: safe to run again.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config git ca-certificates curl
  libboost-dev zlib1g-dev libbrotli-dev libkainjow-mustache-dev libsqlite3-dev sqlite3 libpq-dev
  libxapian-dev libhunspell-dev hunspell-pl libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libgumbo-dev libsodium-dev nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev clang-16 libclang-rt-16-dev
  clang-format-14 clang-tidy-16
  wrk nginx-light postgresql postgresql-contrib chromium
  raptor2-utils python3-feedparser libxml2-utils libssl-dev
  libcurl4-openssl-dev python3-aiosmtpd
  libmagic-dev libpoppler-cpp-dev libzip-dev libxml2-dev
  default-jre-headless
)
# Node.js may come from another source (nodesource bundles npm); only pull Debian's if absent.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Debian nginx/postgresql packages start system services; bdp starts its own on loopback.
for svc in nginx postgresql; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    "${sudo_cmd[@]}" systemctl stop "$svc" || true
  fi
done

if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
echo "install-deps: done"

#!/usr/bin/env bash
# Builds the C floor relay (relay.c) into OUTDIR (default: bench/target/floor): gcc -O2, OpenSSL's
# libcrypto. Installs libssl-dev quietly with apt-get when the OpenSSL headers are missing (a fresh
# Debian 12 machine, run as root). Rebuilds only when relay.c or this script is newer than the binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../target/floor}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
bin="$out/relay"

if [[ -x "$bin" && "$bin" -nt "$here/relay.c" && "$bin" -nt "$here/build.sh" ]]; then
  echo "$bin"
  exit 0
fi

have_headers() { echo '#include <openssl/evp.h>' | gcc -E -x c - >/dev/null 2>&1; }
if ! have_headers; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "build.sh: the OpenSSL headers are missing; run as root or: apt-get install libssl-dev" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq libssl-dev >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq libssl-dev >/dev/null; }
  have_headers || { echo "build.sh: libssl-dev installed but <openssl/evp.h> still missing" >&2; exit 1; }
fi

# Built beside the target and renamed, so a concurrent run never executes a half-written binary.
# Warnings are shown, not fatal: a newer compiler must not break a benchmark.
gcc -O2 -std=gnu11 -Wall -Wextra -o "$bin.tmp.$$" "$here/relay.c" -lcrypto
mv -f "$bin.tmp.$$" "$bin"
echo "$bin"

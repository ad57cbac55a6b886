#!/usr/bin/env bash
# Installs what XccaMap needs on Debian, only when it is missing:
#   runtime: libhdf5 (serial) and the HDF5 filter plugins for bitshuffle+LZ4 (32008) and LZ4 (32004);
#   tests (--tests): Debian's Python with pyFAI, h5py, numpy, scipy, spglib, used as reference implementations.
# Usage: scripts/setup.sh [--tests] [--quiet]
set -euo pipefail

want_tests=0
quiet=0
for a in "$@"; do
  case "$a" in
    --tests) want_tests=1 ;;
    --quiet) quiet=1 ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 1 ;;
  esac
done

say() { [ "$quiet" = 1 ] || echo "setup: $*"; }

packages=(libhdf5-103-1 bitshuffle hdf5-filter-plugin)
if [ "$want_tests" = 1 ]; then
  packages+=(python3 python3-numpy python3-h5py python3-pyfai python3-scipy python3-spglib)
  packages+=(chromium) # headless browser for the monitor dashboard end-to-end test (issue 10)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 3; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET SDK (dotnet) is not on PATH; install .NET 10 first" >&2; exit 3; }
say "dependencies present"

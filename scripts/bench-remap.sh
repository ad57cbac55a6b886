#!/usr/bin/env bash
# Side-by-side remap benchmark: XccaMap against pyFAI on the same frames, PONI and mask, in one run.
# usage: scripts/bench-remap.sh MASTER PONI [FRAMES] [BANDS]
#   e.g. scripts/bench-remap.sh out/p10/p10_master.h5 out/p10/p10.poni 200 0.06:0.20,1.80:1.88,2.08:2.16
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
master=$1; poni=$2; frames=${3:-200}; bands=${4:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/xccamap" bench remap "$master" --poni "$poni" --frames "$frames" ${bands:+--bands "$bands"} --save-mask "$tmp/mask.npy"
export MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=2147483647 HDF5_PLUGIN_PATH=/usr/lib/x86_64-linux-gnu/hdf5/serial/plugins
for t in 1 "$(nproc)"; do
  OMP_NUM_THREADS=$t /usr/bin/python3 "$here/scripts/bench_pyfai.py" "$master" "$poni" "$tmp/mask.npy" "$frames" 500 360
done

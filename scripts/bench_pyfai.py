#!/usr/bin/python3
"""pyFAI side of `scripts/bench-remap.sh`: the same frames, the same PONI and mask, timed the way a pyFAI user
would run it. Not part of the product (XccaMap never needs Python); a reference for the benchmark table.

usage: bench_pyfai.py MASTER PONI MASK.npy FRAMES QBINS PHIBINS [BANDS]
Prints: remap-only ms/frame of integrate2d (csr/cython) with OMP threads as set by the caller, and
end-to-end frames/s for h5py read + integrate2d.
"""
import logging, os, sys, time
logging.disable(logging.WARNING)
import h5py  # bitshuffle/LZ4 through HDF5_PLUGIN_PATH (Debian plugins)
import numpy as np
import pyFAI

master, poni, mask_path, nframes, qbins, phibins = sys.argv[1:7]
nframes, qbins, phibins = int(nframes), int(qbins), int(phibins)
ai = pyFAI.load(poni)
mask = np.load(mask_path).astype(np.int8)

def frames():
    with h5py.File(master, "r") as f:
        links = sorted(k for k in f["entry/data"] if k.startswith("data_"))
        n = 0
        while n < nframes:
            for k in links:
                d = f["entry/data"][k]
                for i in range(d.shape[0]):
                    yield d[i]
                    n += 1
                    if n >= nframes:
                        return

first = next(frames())
qmax = float(ai.qArray(first.shape).max()) / 10.0  # nm^-1 -> Å^-1
kw = dict(unit="q_A^-1", method=("no", "csr", "cython"), mask=mask, radial_range=(0, qmax), azimuth_range=(-180, 180))
ref = ai.integrate2d(first, qbins, phibins, **dict(kw, method=("no", "histogram", "cython")))
res = ai.integrate2d(first, qbins, phibins, **kw)
ok = np.isfinite(res.intensity).all() and abs(res.intensity.sum() - ref.intensity.sum()) <= 0.01 * abs(ref.intensity.sum())
ts = []
for _ in range(20):
    t0 = time.perf_counter(); ai.integrate2d(first, qbins, phibins, **kw); ts.append(time.perf_counter() - t0)
ts.sort()
threads = os.environ.get("OMP_NUM_THREADS", "all")
print(f"  pyFAI integrate2d csr/cython, {threads} thread(s): best {ts[0]*1e3:.2f} ms, median {ts[len(ts)//2]*1e3:.2f} ms/frame"
      f"{'' if ok else '  (WARNING: differs from the histogram engine)'}")
t0 = time.perf_counter(); n = 0
for img in frames():
    ai.integrate2d(img, qbins, phibins, **kw); n += 1
dt = time.perf_counter() - t0
print(f"  pyFAI end to end (h5py read + integrate2d), {threads} thread(s): {n/dt:.1f} frames/s, {1000*dt/n:.2f} ms/frame")

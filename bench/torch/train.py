"""Trains one reference model on the batches LayerLab wrote; prints one JSON line of timings.

usage: train.py DATA_DIR MODEL_ID WARMUP WINDOWS BATCHES_PER_WINDOW THREADS [cpu|cuda]

The caller sets OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS to THREADS too: OpenBLAS's
own pool does not follow torch.set_num_threads.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from models import build  # noqa: E402


def read(data_dir: str, model_id: str, part: str, meta: dict) -> np.ndarray:
    spec = meta[part]
    return np.fromfile(os.path.join(data_dir, f"{model_id}.{part}.bin"), dtype=spec["dtype"]).reshape(spec["shape"])


def mapped_libraries() -> list:
    """Mapped files that can hold a BLAS; the same evidence as MAPPED_LIBRARIES_PY in main/cli/python-probe.ts."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "/" in line}
    except OSError:
        return []
    keys = ("blas", "mkl", "blis", "libtorch_cpu")
    return sorted(p for p in paths if any(k in p.rsplit("/", 1)[-1] for k in keys))


def main() -> None:
    data_dir, model_id, warmup, windows, per_window, threads = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
    with open(os.path.join(data_dir, f"{model_id}.json")) as f:
        meta = json.load(f)
    device = torch.device(sys.argv[7] if len(sys.argv) > 7 else "cpu")
    if device.type == "cuda" and not torch.cuda.is_available():
        sys.exit("CUDA requested but torch.cuda.is_available() is False")
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    started = time.perf_counter()
    x = torch.from_numpy(read(data_dir, model_id, "x", meta))
    y = torch.from_numpy(read(data_dir, model_id, "y", meta))
    if x.dtype == torch.int32:
        x = x.long()
    model, loss_fn, target = build(model_id, meta)
    y = y.long() if target == "class" else y.float().reshape(-1, 1)
    model, x, y = model.to(device), x.to(device), y.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=meta["learningRate"])
    batch = meta["batchSize"]
    batches = [(x[i:i + batch], y[i:i + batch]) for i in range(0, x.shape[0] - batch + 1, batch)]
    model.train()
    ends = []
    total = warmup + windows * per_window
    for step in range(total):
        bx, by = batches[step % len(batches)]
        optimizer.zero_grad()
        loss = loss_fn(model(bx), by)
        loss.backward()
        optimizer.step()
        loss.item()  # LayerLab reads every batch's loss too
        ends.append(time.perf_counter())
    first_batch = ends[0] - started
    rates = []
    for w in range(windows):
        a = warmup - 1 + w * per_window
        rates.append(per_window * batch / (ends[a + per_window] - ends[a]))
    model.eval()
    one = x[:1]
    latencies = []
    with torch.no_grad():
        for i in range(40):
            t = time.perf_counter()
            model(one)
            if device.type == "cuda":
                torch.cuda.synchronize()
            if i >= 10:
                latencies.append((time.perf_counter() - t) * 1000)
    print(json.dumps({
        "samplesPerSec": statistics.median(rates),
        "windows": rates,
        "firstBatchSec": first_batch,
        "inferenceMs": statistics.median(latencies),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        # Read after training, when every library the products use is loaded.
        "mapped": mapped_libraries(),
    }))


if __name__ == "__main__":
    main()

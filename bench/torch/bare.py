"""Runs an exported train.py by itself (no runner, no engine) and prints when each batch ended, as one JSON line.

usage: bare.py EXPORT_DIR DATA_DIR BATCHES THREADS

train.py's own main() runs unchanged, epoch after epoch; the only thing wrapped is its `batches` generator, which
notes the time whenever the loop asks for the next batch (the previous one has then finished its step, its loss read
and its metrics summed) and ends the run after BATCHES batches. That is the driven column's work minus LayerLab's:
the runner's JSON lines, the engine reading them, and the per-epoch checkpoints.
"""
import json
import os
import sys
import tempfile
import time


class Enough(Exception):
    """Raised from inside train.py's loop once enough batches have been timed."""


def main() -> None:
    export_dir, data_dir, total, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    sys.path.insert(0, export_dir)
    import torch
    import train as script

    torch.set_num_threads(threads)
    ends = []
    started = time.perf_counter()
    inner = script.batches

    def timed(*args, **kwargs):
        for item in inner(*args, **kwargs):
            yield item
            ends.append(time.perf_counter())
            if len(ends) >= total:
                raise Enough()

    script.batches = timed
    out = tempfile.mkdtemp(prefix="layerlab-bare-")
    sys.argv = ["train.py", "--data-dir", data_dir, "--epochs", "1000000", "--out", os.path.join(out, "model.pt")]
    # train.py prints a line per epoch; stdout carries only the result line.
    real_stdout, sys.stdout = sys.stdout, sys.stderr
    try:
        script.main()
    except Enough:
        pass
    sys.stdout = real_stdout
    print(json.dumps({"started": started, "ends": ends, "threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()

/**
 * runner.py: LayerLab's PyTorch engine. It imports the exported train.py as a module (its data loading, model, loss,
 * metrics, optimizer and schedule, unchanged) and runs the same epoch loop, speaking JSON lines: events on stdout, one
 * object per line; commands on stdin (start, pause, resume, step, stop). Checkpoints are state_dicts (`last.pt`) plus
 * raw float32 copies in the export's weights.json/weights.bin format, which the engine turns into TF.js weights.
 * Nothing it reads is executed: a command is a JSON object checked against a fixed set of names.
 */
export const RUNNER_PY = `"""LayerLab's PyTorch engine: train.py's loop, driven over JSON lines (see app/export/pytorch/runner-py.ts)."""
import argparse
import json
import math
import os
import queue
import sys
import threading
import time

PROTOCOL = sys.stdout
# Anything the model code prints goes to stderr, so stdout carries protocol lines only.
sys.stdout = sys.stderr
MAX_COMMAND = 4096
FLUSH_EVERY = 0.05


def finite(value):
    """JSON has no NaN or infinity: a value that is neither is sent as null (the engine reads it as NaN)."""
    return value if math.isfinite(value) else None


def send(kind, **fields):
    PROTOCOL.write(json.dumps({"type": kind, **fields}, allow_nan=False) + "\\n")


class Control:
    """Pause, step and stop between batches, set by the stdin reader; the loop reads one flag per batch."""

    def __init__(self):
        self.cond = threading.Condition()
        self.paused = False
        self.steps = 0
        self.stopping = False
        self.attention = False
        self.start = queue.Queue(maxsize=1)

    def command(self, cmd):
        with self.cond:
            kind = cmd.get("cmd")
            if kind == "start":
                if self.start.empty():
                    self.start.put(cmd)
            elif kind == "pause":
                self.paused = True
            elif kind == "resume":
                self.paused = False
            elif kind == "step":
                if self.paused:
                    self.steps += 1
            elif kind == "stop":
                self.stopping = True
            else:
                print(f"runner: unknown command {kind!r} ignored", file=sys.stderr)
                return
            self.attention = self.paused or self.stopping
            self.cond.notify_all()

    def hold(self, step):
        """After a batch: wait while paused (a step lets one batch through); False when the run must stop."""
        with self.cond:
            if self.stopping:
                return False
            if not self.paused:
                return True
            if self.steps > 0:
                self.steps -= 1
                return True
            PROTOCOL.flush()
            send("paused", step=step)
            PROTOCOL.flush()
            while self.paused and self.steps == 0 and not self.stopping:
                self.cond.wait()
            if self.stopping:
                return False
            if self.steps > 0:
                self.steps -= 1
            self.attention = self.paused
            return True


def read_commands(control):
    for line in sys.stdin:
        if len(line) > MAX_COMMAND:
            print("runner: over-long command ignored", file=sys.stderr)
            continue
        try:
            cmd = json.loads(line)
        except ValueError:
            print("runner: unreadable command ignored", file=sys.stderr)
            continue
        if isinstance(cmd, dict):
            control.command(cmd)
    # The engine is gone: nobody hears the run any more, so it ends.
    control.command({"cmd": "stop"})
    if control.start.empty():
        os._exit(0)


def device_name(train, torch, device):
    if device.type == "cuda":
        kind = "ROCm" if getattr(torch.version, "hip", None) else "CUDA"
        return f"GPU ({kind}: {torch.cuda.get_device_name(device)})"
    if device.type == "mps":
        return "GPU (Apple MPS)"
    n = torch.get_num_threads()
    return f"CPU ({n} thread{'s' if n != 1 else ''})"


def save_pt(model, torch, out):
    """The run's final state_dict in PyTorch's own format (the TF.js checkpoints are written every epoch)."""
    torch.save(model.state_dict(), os.path.join(out, "last.pt.tmp"))
    os.replace(os.path.join(out, "last.pt.tmp"), os.path.join(out, "last.pt"))


def save_state(model, torch, out, name):
    """The state_dict as raw float32 for the engine, name.json + name.bin, which it turns into the TF.js checkpoint."""
    state = model.state_dict()
    entries, offset = [], 0
    with open(os.path.join(out, name + ".bin"), "wb") as f:
        for key, value in state.items():
            if not value.is_floating_point():
                continue
            data = value.detach().to("cpu", torch.float32).contiguous().numpy().tobytes()
            entries.append({"name": key, "shape": list(value.shape), "offset": offset, "count": value.numel()})
            f.write(data)
            offset += len(data)
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump({"format": "layerlab-pytorch-weights", "version": 1, "tensors": entries}, f)
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, help="the export folder (model.py, train.py)")
    parser.add_argument("--out", required=True, help="where checkpoints go")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"])
    args = parser.parse_args()
    control = Control()
    threading.Thread(target=read_commands, args=(control,), daemon=True).start()

    sys.path.insert(0, args.dir)
    import numpy as np
    import torch
    import train as script

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device) if args.device != "auto" else script.pick_device(0)
    if script.SEED > 0:
        torch.manual_seed(script.SEED)
        np.random.seed(script.SEED)
    inputs, target, chronological = script.load_examples(args.data_dir)
    inputs = [x.reshape((-1, *shape)) for x, shape in zip(inputs, script.INPUT_SHAPES)]
    train, validation = script.split_examples(inputs, target, chronological, script.DATA_SEED, script.LIMIT, script.VALIDATION_SPLIT)
    batch_size = script.BATCH_SIZE
    per_epoch = math.ceil(len(train[1]) / batch_size)
    send(
        "ready",
        python=sys.version.split()[0],
        torch=torch.__version__,
        device=device.type,
        deviceName=device_name(script, torch, device),
        train=int(len(train[1])),
        validation=int(len(validation[1])) if validation is not None else 0,
        batchesPerEpoch=per_epoch,
    )
    PROTOCOL.flush()

    start = control.start.get()
    model = script.build_model()
    if start.get("weights"):
        script.load_layerlab_weights(model, str(start["weights"]))
    model.to(device)
    first, epochs = int(start.get("initialEpoch", 0)), int(start.get("epochs", script.EPOCHS))
    optimizer = script.make_optimizer(script.parameter_groups(model), script.LEARNING_RATE)
    schedule = script.Schedule(script.LEARNING_RATE)
    step = first * per_epoch
    last_flush = time.perf_counter()
    for epoch in range(first, epochs):
        lr = schedule.rate_at(epoch, epochs)
        for group in optimizer.param_groups:
            group["lr"] = lr * group["lr_scale"]
        send("epoch_begin", epoch=epoch, lr=finite(lr))
        totals, count = {"loss": 0.0}, 0
        model.train()
        for batch, (xs, y) in enumerate(script.batches(train, batch_size, None, epoch, 0)):
            began = time.perf_counter()
            xs, y = [x.to(device) for x in xs], y.to(device)
            optimizer.zero_grad()
            pred = model(*xs)
            loss = script.loss_fn(pred, y)
            loss.backward()
            optimizer.step()
            n = y.shape[0]
            value = loss.item()
            totals["loss"] += value * n
            for k, v in script.metric_values(pred.detach(), y).items():
                totals[k] = totals.get(k, 0.0) + v
            count += n
            step += 1
            now = time.perf_counter()
            send("batch", epoch=epoch, batch=batch, step=step, loss=finite(value), ms=round((now - began) * 1000, 3))
            if now - last_flush > FLUSH_EVERY:
                PROTOCOL.flush()
                last_flush = now
            if control.attention and not control.hold(step):
                save_pt(model, torch, args.out)
                send("stopped", step=step, checkpoint=save_state(model, torch, args.out, "final"))
                PROTOCOL.flush()
                return
        logs = {k: v / max(count, 1) for k, v in totals.items()}
        if validation is not None:
            logs.update({f"val_{k}": v for k, v in script.evaluate(model, validation, device, batch_size).items()})
        if script.SCHEDULE["kind"] == "plateau":
            schedule.observe(logs.get("val_loss", logs["loss"]))
        # A stop heard during validation is honoured after the next batch, where every stop is.
        send("epoch", epoch=epoch, logs={k: finite(v) for k, v in logs.items()}, checkpoint=save_state(model, torch, args.out, f"epoch-{epoch + 1}"))
        PROTOCOL.flush()
    save_pt(model, torch, args.out)
    send("done", step=step)
    PROTOCOL.flush()


if __name__ == "__main__":
    try:
        main()
    except BaseException as e:  # noqa: BLE001 - every failure is reported as a line, then with its traceback on stderr
        if not isinstance(e, SystemExit):
            send("error", message=f"{type(e).__name__}: {e}"[:2000])
            PROTOCOL.flush()
        raise
`;

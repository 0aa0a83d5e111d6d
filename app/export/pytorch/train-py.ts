/** The device and the optimizer as LayerLab builds them: shared by the standard loop and the RBM loop. */
export const TRAIN_SETUP_PY = `
def pick_device(local_rank):
    if torch.cuda.is_available():
        return torch.device("cuda", local_rank)
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available() and not DISTRIBUTED:
        return torch.device("mps")
    return torch.device("cpu")


WORLD_SIZE = int(os.environ.get("WORLD_SIZE", "1"))
DISTRIBUTED = WORLD_SIZE > 1


def make_optimizer(params, lr):
    # Keras / TF.js epsilons (1e-7) and defaults, which differ from PyTorch's in places.
    if OPTIMIZER == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=MOMENTUM, nesterov=NESTEROV and MOMENTUM > 0)
    if OPTIMIZER == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(ADAM_BETA1, 0.999), eps=1e-7)
    if OPTIMIZER == "adamax":
        return torch.optim.Adamax(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)
    if OPTIMIZER == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7)
    if OPTIMIZER == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1, eps=1e-7)
    return torch.optim.Adadelta(params, lr=lr, rho=0.95, eps=1e-7)


def parameter_groups(model):
    """What the optimizer trains: frozen layers are left out, and a pretrained layer being fine-tuned learns at LAYER_LR times the rate."""
    groups = {}
    for name, p in model.named_parameters():
        if p.requires_grad:
            groups.setdefault(LAYER_LR.get(name.split(".")[0], 1.0), []).append(p)
    return [{"params": params, "lr_scale": scale} for scale, params in groups.items()]
`;

/**
 * The training loop of train.py (standard mode): one script for a laptop and for torchrun. Under torchrun it wraps the
 * model in DistributedDataParallel (nccl on CUDA, gloo otherwise) and feeds each rank its share through a
 * DistributedSampler; the settings block above it is written from the project.
 */
export const TRAIN_LOOP_PY = `${TRAIN_SETUP_PY}

class Schedule:
    """app/training/schedule.ts: the learning rate per epoch; plateau watches the validation loss."""

    def __init__(self, base):
        self.base = base
        self.best = math.inf
        self.wait = 0
        self.rate = base

    def rate_at(self, epoch, epochs):
        s = SCHEDULE
        floor = s["minLearningRate"]
        if s["kind"] == "step":
            return max(floor, self.base * s["factor"] ** (epoch // s["stepEvery"]))
        if s["kind"] == "exponential":
            return max(floor, self.base * s["decayRate"] ** epoch)
        if s["kind"] == "cosine":
            return floor + (self.base - floor) * (1 + math.cos(math.pi * epoch / max(1, epochs))) / 2
        if s["kind"] == "plateau":
            return max(floor, self.rate)
        return self.base

    def observe(self, monitored):
        s = SCHEDULE
        if monitored < self.best - 1e-8:
            self.best, self.wait = monitored, 0
            return
        self.wait += 1
        if self.wait >= s["patience"]:
            self.wait = 0
            self.rate = max(s["minLearningRate"], self.rate * s["factor"])


EPSILON = 1e-7


def loss_fn(pred, target):
    """Keras's losses on the model's outputs (probabilities after softmax or sigmoid), clipped as Keras clips them."""
    if LOSS in ("categoricalCrossentropy", "sparseCategoricalCrossentropy"):
        p = pred.clamp(EPSILON, 1 - EPSILON)
        p = p / p.sum(dim=-1, keepdim=True)
        return -torch.log(p.gather(-1, target.long().unsqueeze(-1))).mean()
    if LOSS == "binaryCrossentropy":
        p = pred.clamp(EPSILON, 1 - EPSILON)
        t = target.float().reshape(p.shape)
        return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()
    t = target.float().reshape(pred.shape)
    if LOSS == "meanAbsoluteError":
        return (pred - t).abs().mean()
    if LOSS == "huber":
        err = (pred - t).abs()
        return torch.where(err <= 1.0, 0.5 * err**2, err - 0.5).mean()
    return ((pred - t) ** 2).mean()


def metric_values(pred, target):
    """Sums over the batch of each metric, so epochs average over examples."""
    out = {}
    n = target.shape[0]
    for name in METRICS:
        if name == "accuracy":
            if LABELS == "binary":
                hit = ((pred.reshape(-1) > 0.5).long() == target.reshape(-1).long()).float()
            else:
                hit = (pred.argmax(-1) == target.long()).float()
            out["accuracy"] = hit.mean().item() * n
        elif name == "mae":
            out["mae"] = (pred - target.float().reshape(pred.shape)).abs().mean().item() * n
        elif name == "topKAccuracy" and LABELS == "onehot":
            true_score = pred.gather(-1, target.long().unsqueeze(-1))
            higher = (pred > true_score).sum(-1)
            out[f"top_{TOP_K}_accuracy"] = (higher < TOP_K).float().mean().item() * n
    return out


def batches(split, batch_size, sampler, epoch, limit_steps):
    xs, y = split
    if sampler is not None:
        sampler.set_epoch(epoch)
        order = np.array(list(iter(sampler)))
    elif SHUFFLE:
        g = torch.Generator()
        g.manual_seed(SEED * 1000 + epoch if SEED > 0 else torch.seed())
        order = torch.randperm(len(y), generator=g).numpy()
    else:
        order = np.arange(len(y))
    for step, start in enumerate(range(0, len(order), batch_size)):
        if limit_steps and step >= limit_steps:
            return
        idx = order[start : start + batch_size]
        yield [torch.from_numpy(x[idx]) for x in xs], torch.from_numpy(y[idx])


def evaluate(model, split, device, batch_size):
    model.eval()
    totals, count = {"loss": 0.0}, 0
    with torch.no_grad():
        for xs, y in batches_in_order(split, batch_size):
            xs, y = [x.to(device) for x in xs], y.to(device)
            pred = model(*xs)
            n = y.shape[0]
            totals["loss"] += loss_fn(pred, y).item() * n
            for k, v in metric_values(pred, y).items():
                totals[k] = totals.get(k, 0.0) + v
            count += n
    model.train()
    return {k: v / max(count, 1) for k, v in totals.items()}


def batches_in_order(split, batch_size):
    xs, y = split
    for start in range(0, len(y), batch_size):
        yield [torch.from_numpy(x[start : start + batch_size]) for x in xs], torch.from_numpy(y[start : start + batch_size])


def checksum(model):
    return sum(float(p.detach().double().sum()) for p in model.parameters())


def main():
    parser = argparse.ArgumentParser(description=f"Train {PROJECT} as LayerLab would.")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="per process; under torchrun the global batch is this × processes")
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument("--steps", type=int, default=0, help="stop each epoch after this many batches (0: all), for a quick check")
    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="the node_modules folder holding the dataset packages")
    parser.add_argument("--weights", metavar="DIR", default=DEFAULT_WEIGHTS, help="start from weights exported by LayerLab (weights.json + weights.bin)")
    parser.add_argument("--out", default="model.pt", help="where the trained state_dict is saved")
    args = parser.parse_args()

    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = pick_device(local_rank)
    if DISTRIBUTED:
        import torch.distributed as dist

        dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo")
        if device.type == "cuda":
            torch.cuda.set_device(device)
    rank = int(os.environ.get("RANK", "0"))
    if SEED > 0:
        # Every rank starts from the same weights (DDP also broadcasts rank 0's at wrap time).
        torch.manual_seed(SEED)
        np.random.seed(SEED)

    inputs, target, chronological = load_examples(args.data_dir)
    inputs = [x.reshape((-1, *shape)) for x, shape in zip(inputs, INPUT_SHAPES)]
    train, validation = split_examples(inputs, target, chronological, DATA_SEED, LIMIT, VALIDATION_SPLIT)
    model = build_model()
    if args.weights:
        load_layerlab_weights(model, args.weights)
    model.to(device)
    net = model
    sampler = None
    if DISTRIBUTED:
        from torch.nn.parallel import DistributedDataParallel
        from torch.utils.data.distributed import DistributedSampler

        net = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
        sampler = DistributedSampler(range(len(train[1])), num_replicas=WORLD_SIZE, rank=rank, shuffle=SHUFFLE, seed=max(SEED, 0))
    optimizer = make_optimizer(parameter_groups(model), args.lr)
    schedule = Schedule(args.lr)
    best, best_state, wait = math.inf if not MONITOR_HIGHER else -math.inf, None, 0
    for epoch in range(args.epochs):
        lr = schedule.rate_at(epoch, args.epochs)
        for group in optimizer.param_groups:
            group["lr"] = lr * group["lr_scale"]
        totals, count = {"loss": 0.0}, 0
        net.train()
        for xs, y in batches(train, args.batch_size, sampler, epoch, args.steps):
            xs, y = [x.to(device) for x in xs], y.to(device)
            optimizer.zero_grad()
            pred = net(*xs)
            loss = loss_fn(pred, y)
            loss.backward()
            optimizer.step()
            n = y.shape[0]
            totals["loss"] += loss.item() * n
            for k, v in metric_values(pred.detach(), y).items():
                totals[k] = totals.get(k, 0.0) + v
            count += n
        logs = {k: v / max(count, 1) for k, v in totals.items()}
        if validation is not None:
            logs.update({f"val_{k}": v for k, v in evaluate(model, validation, device, args.batch_size).items()})
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs} lr {lr:.6g} " + " ".join(f"{k} {v:.4f}" for k, v in logs.items()), flush=True)
        if SCHEDULE["kind"] == "plateau":
            schedule.observe(logs.get("val_loss", logs["loss"]))
        if EARLY_STOPPING:
            value = logs.get(MONITOR, logs.get(MONITOR.replace("val_", ""), logs["loss"]))
            better = value > best if MONITOR_HIGHER else value < best
            if better:
                best, wait = value, 0
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                wait += 1
                if wait >= PATIENCE:
                    if rank == 0:
                        print(f"early stopping: {MONITOR} has not improved for {PATIENCE} epochs", flush=True)
                    break
    if EARLY_STOPPING and RESTORE_BEST and best_state is not None:
        model.load_state_dict(best_state)
    print(f"rank {rank} weights checksum {checksum(model):.10f}", flush=True)
    if rank == 0:
        torch.save(model.state_dict(), args.out)
        print(f"saved {args.out}", flush=True)
    if DISTRIBUTED:
        import torch.distributed as dist

        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;

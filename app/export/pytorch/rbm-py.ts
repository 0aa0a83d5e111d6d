/**
 * train.py's loop for an RBM project, as main/engine/modes/rbm.ts trains it: contrastive divergence on every RBM in
 * turn, each on the hidden probabilities of the layers below it as they are at that moment; with a classifier head
 * after the RBMs, the first half of the epochs (at least one) pretrain and the rest fine-tune the whole network by
 * backpropagation on the labels with the project's optimizer.
 */
export const RBM_LOOP_PY = `

class _Reached(Exception):
    pass


def visible_units(model, rbm, x):
    """The input \`rbm\` gets from the layers below it for the batch x, without running the layers above it."""
    seen = {}

    def grab(_module, args):
        seen["v"] = args[0]
        raise _Reached()

    handle = rbm.register_forward_pre_hook(grab)
    try:
        model(x)
    except _Reached:
        pass
    finally:
        handle.remove()
    return seen["v"]


def main():
    parser = argparse.ArgumentParser(description=f"Train {PROJECT} by contrastive divergence, as LayerLab would.")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument("--steps", type=int, default=0, help="stop each epoch after this many batches (0: all), for a quick check")
    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="the node_modules folder holding the dataset packages")
    parser.add_argument("--weights", metavar="DIR", default=DEFAULT_WEIGHTS, help="start from weights exported by LayerLab (weights.json + weights.bin)")
    parser.add_argument("--out", default="model.pt", help="where the trained state_dict is saved")
    args = parser.parse_args()
    device = pick_device(0)
    if SEED > 0:
        torch.manual_seed(SEED)
        np.random.seed(SEED)
    inputs, target, chronological = load_examples(args.data_dir)
    (train_x, train_y), validation = split_examples(inputs, target, chronological, DATA_SEED, LIMIT, VALIDATION_SPLIT)
    x_all = torch.from_numpy(train_x[0].reshape(len(train_y), -1)).float()
    y_all = torch.from_numpy(train_y.astype(np.int64))
    held = None
    if validation is not None:
        count = min(EVAL_COUNT, len(validation[1]))
        held = (
            torch.from_numpy(validation[0][0][:count].reshape(count, -1)).float().to(device),
            torch.from_numpy(validation[1][:count].astype(np.int64)).to(device),
        )
    model = build_model()
    if args.weights:
        load_layerlab_weights(model, args.weights)
    model.to(device)
    rbms = [m for m in model.modules() if isinstance(m, RBM)]
    pretrain = max(1, args.epochs // 2) if HEAD else args.epochs
    optimizer = make_optimizer(parameter_groups(model), args.lr) if HEAD else None
    cross_entropy = lambda p, y: torch.nn.functional.nll_loss(torch.log(p.clamp(1e-7, 1 - 1e-7)), y)
    for epoch in range(args.epochs):
        tuning = HEAD and epoch >= pretrain
        order = torch.randperm(len(x_all))
        totals, batches = {}, 0
        for step, start in enumerate(range(0, len(x_all), args.batch_size)):
            if args.steps and step >= args.steps:
                break
            pick = order[start : start + args.batch_size]
            x = x_all[pick].to(device)
            if tuning:
                y = y_all[pick].to(device)
                optimizer.zero_grad()
                pred = model(x)
                loss = cross_entropy(pred, y)
                loss.backward()
                optimizer.step()
                values = {"loss": loss.item(), "accuracy": float((pred.argmax(1) == y).float().mean())}
            else:
                with torch.no_grad():
                    for i, rbm in enumerate(rbms):
                        v = visible_units(model, rbm, x)
                        rbm.cd_step(v, args.lr)
                        if i == 0:
                            error = rbm.reconstruction_error(v)
                            values = {"loss": error, "reconstruction_error": error}
                            if rbm.visible_type == "binary":
                                values["pseudo_likelihood"] = rbm.pseudo_likelihood(v)
            for k, v in values.items():
                totals[k] = totals.get(k, 0.0) + v
            batches += 1
        logs = {k: v / max(batches, 1) for k, v in totals.items()}
        if held is not None:
            with torch.no_grad():
                if tuning:
                    pred = model(held[0])
                    logs["val_loss"] = cross_entropy(pred, held[1]).item()
                    logs["val_accuracy"] = float((pred.argmax(1) == held[1]).float().mean())
                else:
                    logs["val_reconstruction_error"] = rbms[0].reconstruction_error(visible_units(model, rbms[0], held[0]))
        phase = "fine-tune" if tuning else "pretrain"
        print(f"epoch {epoch + 1}/{args.epochs} {phase} " + " ".join(f"{k} {v:.4f}" for k, v in logs.items()), flush=True)
    torch.save(model.state_dict(), args.out)
    print(f"saved {args.out}", flush=True)


if __name__ == "__main__":
    main()
`;

/** The end of model.py: counting parameters as Keras does, loading exported weights, and the command line. */
export const MODEL_MAIN_PY = `

def build_model():
    return MODEL_CLASS()


def parameter_counts(model):
    """Keras counts batch-norm moving statistics as (non-trainable) weights; PyTorch keeps them as buffers."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
    frozen += sum(b.numel() for name, b in model.named_buffers() if name.endswith(("running_mean", "running_var")))
    return trainable + frozen, trainable, frozen


def load_layerlab_weights(model, directory):
    """Loads weights.json + weights.bin (raw little-endian float32, already in PyTorch's layouts) into the model."""
    with open(os.path.join(directory, "weights.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(directory, "weights.bin"), "rb") as f:
        raw = f.read()
    state = {}
    for entry in manifest["tensors"]:
        start, count = entry["offset"], entry["count"]
        values = torch.frombuffer(bytearray(raw[start : start + 4 * count]), dtype=torch.float32)
        state[entry["name"]] = values.reshape(entry["shape"])
    own = model.state_dict()
    # A transfer export carries the pretrained layers only; the modules it lists as fresh keep their initialisers.
    fresh = tuple(f"{name}." for name in manifest.get("fresh", []))
    missing = [k for k in own if k not in state and not k.endswith("num_batches_tracked") and not k.startswith(fresh)]
    if missing:
        raise ValueError("weights.json lacks " + ", ".join(missing))
    model.load_state_dict(state, strict=False)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="build the model and print its parameter count")
    parser.add_argument("--weights", metavar="DIR", help="load the exported weights from DIR")
    args = parser.parse_args()
    model = build_model()
    if args.weights:
        load_layerlab_weights(model, args.weights)
        print(f"Loaded weights from {args.weights}")
    total, trainable, frozen = parameter_counts(model)
    print(f" Total params: {total:,}")
    print(f" Trainable params: {trainable:,}")
    print(f" Non-trainable params: {frozen:,}")
    if not args.check:
        print(model)


if __name__ == "__main__":
    main()
`;

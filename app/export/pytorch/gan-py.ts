/**
 * train.py's loop for a GAN project, as main/engine/modes/gan-step.ts trains it: the discriminator on real images
 * (labelled 0.9, one-sided smoothing) and fakes (0), then the generator through the frozen discriminator (labels 1),
 * Adam with β1 = 0.5 for both.
 */
export const GAN_LOOP_PY = `
def main():
    parser = argparse.ArgumentParser(description=f"Train the GAN {PROJECT} as LayerLab would.")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument("--steps", type=int, default=0, help="stop each epoch after this many batches (0: all)")
    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="the node_modules folder holding the dataset packages")
    parser.add_argument("--out", default="model.pt")
    args = parser.parse_args()
    device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
    if SEED > 0:
        torch.manual_seed(SEED)
    inputs, target, chronological = load_examples(args.data_dir)
    (train_x, _), _ = split_examples(inputs, target, chronological, DATA_SEED, LIMIT, VALIDATION_SPLIT)
    real = train_x[0] * 2 - 1 if GAN_ACTIVATION == "tanh" else train_x[0]
    model = build_model().to(device)
    g_opt = torch.optim.Adam(model.generator.parameters(), lr=args.lr, betas=(0.5, 0.999), eps=1e-7)
    d_opt = torch.optim.Adam(model.discriminator.parameters(), lr=args.lr, betas=(0.5, 0.999), eps=1e-7)
    bce = lambda p, t: -(t * torch.log(p.clamp(1e-7, 1 - 1e-7)) + (1 - t) * torch.log((1 - p).clamp(1e-7, 1 - 1e-7))).mean()
    for epoch in range(args.epochs):
        order = torch.randperm(len(real))
        for step, start in enumerate(range(0, len(real), args.batch_size)):
            if args.steps and step >= args.steps:
                break
            x = torch.from_numpy(real[order[start : start + args.batch_size].numpy()]).to(device)
            n = x.shape[0]
            z = torch.randn(n, LATENT, device=device)
            fake = model.generator(z)
            d_opt.zero_grad()
            d_loss = bce(model.discriminator(x), torch.full((n, 1), 0.9, device=device)) + bce(model.discriminator(fake.detach()), torch.zeros(n, 1, device=device))
            d_loss.backward()
            d_opt.step()
            g_opt.zero_grad()
            g_loss = bce(model.discriminator(fake), torch.ones(n, 1, device=device))
            g_loss.backward()
            g_opt.step()
        print(f"epoch {epoch + 1}/{args.epochs} d_loss {d_loss.item():.4f} g_loss {g_loss.item():.4f}", flush=True)
    torch.save(model.state_dict(), args.out)
    print(f"saved {args.out}", flush=True)


if __name__ == "__main__":
    main()
`;

/**
 * model.py's RBM module, as app/layers/tfjs/rbm.ts and main/engine/modes/rbm-cd.ts: the kernel kept in Keras's
 * (visible, hidden) layout so trained weights load unchanged; forward is p(h = 1 | v), so RBMs stack and feed a head;
 * `cd_step` is contrastive divergence with Hinton's practical choices (hidden units sampled, statistics and
 * reconstructions from probabilities, a persistent chain kept sampled).
 */
export const RBM_PY = `

class RBM(nn.Module):
    """Restricted Boltzmann Machine: visible units v, hidden units h, weights W and a bias for each layer."""

    def __init__(self, visible, hidden, visible_type="binary", cd_steps=1, persistent=False):
        super().__init__()
        self.kernel = nn.Parameter(torch.empty(visible, hidden))
        self.visible_bias = nn.Parameter(torch.zeros(visible))
        self.hidden_bias = nn.Parameter(torch.zeros(hidden))
        self.visible_type, self.cd_steps, self.persistent = visible_type, cd_steps, persistent
        self.chain = None

    def keras_reset(self):
        with torch.no_grad():
            self.kernel.normal_(0.0, 0.01)
            self.visible_bias.zero_()
            self.hidden_bias.zero_()

    def forward(self, v):
        return torch.sigmoid(v @ self.kernel + self.hidden_bias)

    def visible_mean(self, h):
        pre = h @ self.kernel.t() + self.visible_bias
        return torch.sigmoid(pre) if self.visible_type == "binary" else pre

    @torch.no_grad()
    def cd_step(self, v0, lr):
        """One update by CD-k (or persistent CD-k): raise v·h at the data, lower it where k Gibbs steps drift to."""
        h0 = self(v0)
        start = (self.chain if self.chain is not None else v0) if self.persistent else None
        h = self(start) if start is not None else h0
        v = v0
        for _ in range(self.cd_steps):
            v = self.visible_mean(torch.bernoulli(h))
            if start is not None and self.visible_type == "binary":
                v = torch.bernoulli(v)
            h = self(v)
        self.kernel += lr * (v0.t() @ h0 / v0.shape[0] - v.t() @ h / v.shape[0])
        self.visible_bias += lr * (v0.mean(0) - v.mean(0))
        self.hidden_bias += lr * (h0.mean(0) - h.mean(0))
        if self.persistent and (self.chain is None or self.chain.shape[0] == v.shape[0]):
            self.chain = v

    @torch.no_grad()
    def reconstruction_error(self, v):
        """Mean squared error of v against E[v | p(h | v)]: what LayerLab charts as the loss."""
        return float(((v - self.visible_mean(self(v))) ** 2).mean())

    def free_energy(self, v):
        hidden = F.softplus(v @ self.kernel + self.hidden_bias).sum(1)
        if self.visible_type == "binary":
            return -(v * self.visible_bias).sum(1) - hidden
        return 0.5 * ((v - self.visible_bias) ** 2).sum(1) - hidden

    @torch.no_grad()
    def pseudo_likelihood(self, v):
        """D · log σ(F(ṽ) − F(v)) with one random unit of each example flipped: Σ log p(v_i | v_−i), estimated."""
        d = v.shape[1]
        flip = F.one_hot(torch.randint(0, d, (v.shape[0],), device=v.device), d).to(v.dtype)
        return float((d * F.logsigmoid(self.free_energy(v + flip * (1 - 2 * v)) - self.free_energy(v))).mean())
`;

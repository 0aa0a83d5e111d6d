/**
 * keras_model.py's RBM, as app/export/pytorch/prelude-rbm.ts writes it for PyTorch and main/engine/modes/rbm-cd.ts
 * trains it: the kernel in Keras's (visible, hidden) layout, forward p(h = 1 | v) so RBMs stack and feed a head, and
 * contrastive divergence with Hinton's practical choices, in keras.ops so it runs on any Keras backend.
 */
export const RBM_KERAS_PY = `

@keras.saving.register_keras_serializable(package="layerlab")
class RBM(layers.Layer):
    """Restricted Boltzmann Machine: visible units v, hidden units h, weights W and a bias for each layer."""

    def __init__(self, units, visible_type="binary", cd_steps=1, persistent=False, **kwargs):
        super().__init__(**kwargs)
        self.units, self.visible_type, self.cd_steps, self.persistent = units, visible_type, cd_steps, persistent
        self.chain = None

    def build(self, input_shape):
        visible = input_shape[-1]
        self.kernel = self.add_weight(shape=(visible, self.units), initializer=keras.initializers.RandomNormal(stddev=0.01), name="kernel")
        self.visible_bias = self.add_weight(shape=(visible,), initializer="zeros", name="visible_bias")
        self.hidden_bias = self.add_weight(shape=(self.units,), initializer="zeros", name="hidden_bias")

    def call(self, v):
        return ops.sigmoid(ops.matmul(v, self.kernel) + self.hidden_bias)

    def visible_mean(self, h):
        pre = ops.matmul(h, ops.transpose(self.kernel)) + self.visible_bias
        return ops.sigmoid(pre) if self.visible_type == "binary" else pre

    def cd_step(self, v0, lr):
        """One update by CD-k (or persistent CD-k): raise v·h at the data, lower it where k Gibbs steps drift to."""
        h0 = self(v0)
        start = (self.chain if self.chain is not None else v0) if self.persistent else None
        h = self(start) if start is not None else h0
        v = v0
        for _ in range(self.cd_steps):
            v = self.visible_mean(bernoulli(h))
            if start is not None and self.visible_type == "binary":
                v = bernoulli(v)
            h = self(v)
        positive = ops.matmul(ops.transpose(v0), h0) / ops.shape(v0)[0]
        negative = ops.matmul(ops.transpose(v), h) / ops.shape(v)[0]
        self.kernel.assign(self.kernel + lr * (positive - negative))
        self.visible_bias.assign(self.visible_bias + lr * (ops.mean(v0, axis=0) - ops.mean(v, axis=0)))
        self.hidden_bias.assign(self.hidden_bias + lr * (ops.mean(h0, axis=0) - ops.mean(h, axis=0)))
        if self.persistent and (self.chain is None or ops.shape(self.chain)[0] == ops.shape(v)[0]):
            self.chain = v

    def reconstruction_error(self, v):
        """Mean squared error of v against E[v | p(h | v)]: what LayerLab charts as the loss."""
        return float(ops.mean((v - self.visible_mean(self(v))) ** 2))

    def get_config(self):
        return {**super().get_config(), "units": self.units, "visible_type": self.visible_type, "cd_steps": self.cd_steps, "persistent": self.persistent}


def bernoulli(p):
    return ops.cast(keras.random.uniform(ops.shape(p)) < p, "float32")


def pretrain(model, train_x, epochs, batch_size, lr):
    """Contrastive divergence on every RBM in turn, each on what the layers below it make of the batch at that moment."""
    rbms = [layer for layer in model.layers if isinstance(layer, RBM)]
    below = [None if rbm.input is model.inputs[0] else keras.Model(model.inputs, rbm.input) for rbm in rbms]
    x_all = train_x[0].astype("float32")
    for epoch in range(epochs):
        order = np.random.permutation(len(x_all))
        errors = []
        for start in range(0, len(x_all), batch_size):
            x = x_all[order[start : start + batch_size]]
            for i, (rbm, feed) in enumerate(zip(rbms, below)):
                v = x if feed is None else feed(x)
                rbm.cd_step(v, lr)
                if i == 0:
                    errors.append(rbm.reconstruction_error(v))
        print(f"epoch {epoch + 1}/{epochs} pretrain reconstruction_error {np.mean(errors):.4f}", flush=True)
`;

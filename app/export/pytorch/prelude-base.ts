/** Always in model.py: Keras's activations by name and the initialisation Keras gives each built-in module. */
export const BASE_PY = `
ACTIVATIONS = {
    "linear": lambda x: x,
    "relu": torch.relu,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax": lambda x: torch.softmax(x, dim=-1),
    "gelu": F.gelu,
    "elu": F.elu,
    "selu": F.selu,
    "swish": F.silu,
}


def glorot_uniform_(weight, fan_in, fan_out):
    """Keras's glorot_uniform with its own fan sizes (for kernels PyTorch stores in another shape)."""
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        return weight.uniform_(-limit, limit)


def keras_init(module):
    """Keras's defaults: glorot_uniform kernels, zero biases, embeddings from U(-0.05, 0.05)."""
    if isinstance(module, (nn.Linear, nn.Conv1d, nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.xavier_uniform_(module.weight)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.Embedding):
        nn.init.uniform_(module.weight, -0.05, 0.05)
    elif hasattr(module, "keras_reset"):
        # Runs after its children (apply goes bottom-up), so a layer's own Keras init has the last word.
        module.keras_reset()
`;

/**
 * Python for Keras's MultiHeadAttention and KerasHub's Transformer blocks, computing what LayerLab's TF.js layers
 * compute (app/layers/tfjs/attention-math.ts, transformer.ts): the same four projections, 1/√key_dim scaling, a
 * causal mask of −1e9, dropout on the attention weights and before each residual add.
 */
export const ATTENTION_PY = `
class MultiHeadAttention(nn.Module):
    """Keras's MultiHeadAttention; its (d, heads, key_dim) kernels are stored as Linear weights (heads·key_dim, d)."""

    def __init__(self, query_dim, key_dim_in, value_dim_in, num_heads, key_dim, value_dim=None, dropout=0.0, use_bias=True, output_dim=None):
        super().__init__()
        self.num_heads = num_heads
        self.key_dim = key_dim
        self.value_dim = value_dim or key_dim
        output_dim = output_dim or query_dim
        self.query = nn.Linear(query_dim, num_heads * key_dim, bias=use_bias)
        self.key = nn.Linear(key_dim_in, num_heads * key_dim, bias=use_bias)
        self.value = nn.Linear(value_dim_in, num_heads * self.value_dim, bias=use_bias)
        self.attention_output = nn.Linear(num_heads * self.value_dim, output_dim, bias=use_bias)
        self.dropout = nn.Dropout(dropout)
        self.keras_reset()

    def keras_reset(self):
        # Keras sizes glorot_uniform from the 3-D kernel: (d, heads, key_dim) has fans heads·d and key_dim·d.
        h = self.num_heads
        for proj, size in ((self.query, self.key_dim), (self.key, self.key_dim), (self.value, self.value_dim)):
            d = proj.in_features
            glorot_uniform_(proj.weight, h * d, size * d)
        glorot_uniform_(self.attention_output.weight, self.value_dim * h, self.attention_output.out_features * h)
        for proj in (self.query, self.key, self.value, self.attention_output):
            if proj.bias is not None:
                nn.init.zeros_(proj.bias)

    def split_heads(self, x, proj, size):
        batch = x.shape[0]
        flat = proj(x.reshape(batch, -1, x.shape[-1]))
        return flat.reshape(batch, -1, self.num_heads, size).transpose(1, 2)

    def forward(self, query, value, key=None, causal=False):
        key = value if key is None else key
        q = self.split_heads(query, self.query, self.key_dim) * (1.0 / math.sqrt(self.key_dim))
        k = self.split_heads(key, self.key, self.key_dim)
        v = self.split_heads(value, self.value, self.value_dim)
        scores = q @ k.transpose(-1, -2)
        if causal:
            allowed = torch.tril(torch.ones(scores.shape[-2], scores.shape[-1], device=scores.device))
            scores = scores + (1.0 - allowed) * -1e9
        weights = self.dropout(torch.softmax(scores, dim=-1))
        context = (weights @ v).transpose(1, 2).reshape(query.shape[0], -1, self.num_heads * self.value_dim)
        out = self.attention_output(context)
        return out.reshape(*query.shape[:-1], out.shape[-1])


class TransformerBlock(nn.Module):
    """KerasHub's sub-block: (norm) -> body -> dropout -> + residual -> (norm); normalize_first picks the norm."""

    def __init__(self, hidden, intermediate_dim, num_heads, dropout, activation, layer_norm_epsilon, normalize_first):
        super().__init__()
        self.head_size = hidden // num_heads
        self.num_heads = num_heads
        self.attention_dropout = dropout
        self.activation = ACTIVATIONS[activation]
        self.normalize_first = normalize_first
        self.epsilon = layer_norm_epsilon
        self.dropout = nn.Dropout(dropout)

    def attention(self, hidden, source):
        return MultiHeadAttention(hidden, source, source, self.num_heads, self.head_size, dropout=self.attention_dropout)

    def feedforward(self, x):
        return self.feedforward_output_dense(self.activation(self.feedforward_intermediate_dense(x)))

    def sub_block(self, x, norm, body):
        y = norm(x) if self.normalize_first else x
        out = self.dropout(body(y)) + x
        return out if self.normalize_first else norm(out)


class TransformerEncoder(TransformerBlock):
    def __init__(self, hidden, intermediate_dim, num_heads, dropout=0.0, activation="relu", layer_norm_epsilon=1e-5, normalize_first=False):
        super().__init__(hidden, intermediate_dim, num_heads, dropout, activation, layer_norm_epsilon, normalize_first)
        self.self_attention_layer = self.attention(hidden, hidden)
        self.self_attention_layer_norm = nn.LayerNorm(hidden, eps=layer_norm_epsilon)
        self.feedforward_layer_norm = nn.LayerNorm(hidden, eps=layer_norm_epsilon)
        self.feedforward_intermediate_dense = nn.Linear(hidden, intermediate_dim)
        self.feedforward_output_dense = nn.Linear(intermediate_dim, hidden)

    def forward(self, x):
        x = self.sub_block(x, self.self_attention_layer_norm, lambda y: self.self_attention_layer(y, y, y))
        return self.sub_block(x, self.feedforward_layer_norm, self.feedforward)


class TransformerDecoder(TransformerBlock):
    """Causal self-attention, cross-attention over the encoder sequence when built with context_dim, feed-forward."""

    def __init__(self, hidden, intermediate_dim, num_heads, context_dim=None, dropout=0.0, activation="relu", layer_norm_epsilon=1e-5, normalize_first=False):
        super().__init__(hidden, intermediate_dim, num_heads, dropout, activation, layer_norm_epsilon, normalize_first)
        self.self_attention = self.attention(hidden, hidden)
        self.self_attention_layer_norm = nn.LayerNorm(hidden, eps=layer_norm_epsilon)
        if context_dim is not None:
            self.cross_attention = self.attention(hidden, context_dim)
            self.cross_attention_layer_norm = nn.LayerNorm(hidden, eps=layer_norm_epsilon)
        self.feedforward_intermediate_dense = nn.Linear(hidden, intermediate_dim)
        self.feedforward_output_dense = nn.Linear(intermediate_dim, hidden)
        self.feedforward_layer_norm = nn.LayerNorm(hidden, eps=layer_norm_epsilon)

    def forward(self, x, context=None):
        x = self.sub_block(x, self.self_attention_layer_norm, lambda y: self.self_attention(y, y, y, causal=True))
        if context is not None:
            x = self.sub_block(x, self.cross_attention_layer_norm, lambda y: self.cross_attention(y, context, context))
        return self.sub_block(x, self.feedforward_layer_norm, self.feedforward)
`;

/** KerasHub's position layers. */
export const POSITION_PY = `
class TokenAndPositionEmbedding(nn.Module):
    """Token vectors plus learned position vectors, both from U(-0.05, 0.05) at first."""

    def __init__(self, vocabulary_size, sequence_length, embedding_dim):
        super().__init__()
        self.token_embedding = nn.Embedding(vocabulary_size, embedding_dim)
        self.position_embedding = nn.Embedding(sequence_length, embedding_dim)

    def forward(self, ids):
        positions = torch.arange(ids.shape[-1], device=ids.device)
        return self.token_embedding(ids.long()) + self.position_embedding(positions)


class PositionEmbedding(nn.Module):
    """Outputs (does not add) one learned vector per position, shaped like its input."""

    def __init__(self, sequence_length, dim):
        super().__init__()
        self.embeddings = nn.Parameter(nn.init.xavier_uniform_(torch.empty(sequence_length, dim)))

    def forward(self, x):
        return self.embeddings[: x.shape[-2]].expand(x.shape)


def sine_position_encoding(x, max_wavelength=10000.0):
    """The fixed encoding of 'Attention is all you need', shaped like x: sin on even features, cos on odd ones."""
    length, dim = x.shape[-2], x.shape[-1]
    t = torch.arange(length, dtype=torch.float32, device=x.device)[:, None]
    i = torch.arange(dim, device=x.device)
    angle = t * torch.pow(1.0 / max_wavelength, (2 * (i // 2)).float() / dim)
    table = torch.where(i % 2 == 0, torch.sin(angle), torch.cos(angle))
    return table.expand(x.shape)
`;

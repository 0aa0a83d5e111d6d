/**
 * Python for Keras's recurrent layers. Where a layer's settings are what PyTorch's fused modules compute (tanh, and for
 * the GRU reset-after), it is an nn.LSTM / nn.GRU (one kernel over the whole sequence); otherwise the cell is written
 * out: Keras lets the activation be chosen and has the original GRU, which PyTorch's modules do not. The written-out
 * cells store weights PyTorch-style, (gates·units, inputs), in Keras's gate order, so Keras weights load by transposing.
 */
export const RECURRENT_PY = `
class FusedLSTM(nn.LSTM):
    """Keras's LSTM with tanh on nn.LSTM: gates i, f, c, o in both. Keras has one bias per gate, which is bias_ih_l0;
    bias_hh_l0 is a zero buffer outside the state_dict, so the parameters (and their count) are Keras's."""

    def __init__(self, input_size, units, return_sequences=False, return_state=False, go_backwards=False):
        super().__init__(input_size, units, batch_first=True)
        self.units = units
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        del self.bias_hh_l0
        self.register_buffer("bias_hh_l0", torch.zeros(4 * units), persistent=False)
        # nn.LSTM's own setattr points the fused kernel's weight list at the buffer.
        self.bias_hh_l0 = self.bias_hh_l0

    def reset_parameters(self):
        keras_recurrent_init(self)

    def forward(self, x, initial_state=None):
        if self.go_backwards:
            x = torch.flip(x, dims=[1])
        hx = None if initial_state is None else tuple(s.unsqueeze(0).contiguous() for s in initial_state)
        seq, (h, c) = super().forward(x, hx)
        out = seq if self.return_sequences else h[0]
        return (out, h[0], c[0]) if self.return_state else out


class FusedGRU(nn.GRU):
    """Keras's reset-after GRU with tanh is nn.GRU: the same equations, gates r, z, n where Keras has z, r, h (the
    exporter reorders them), Keras's input and recurrent biases as bias_ih_l0 and bias_hh_l0."""

    def __init__(self, input_size, units, return_sequences=False, return_state=False, go_backwards=False):
        super().__init__(input_size, units, batch_first=True)
        self.units = units
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards

    def reset_parameters(self):
        keras_recurrent_init(self)

    def forward(self, x, initial_state=None):
        if self.go_backwards:
            x = torch.flip(x, dims=[1])
        hx = None if initial_state is None else initial_state[0].unsqueeze(0).contiguous()
        seq, h = super().forward(x, hx)
        out = seq if self.return_sequences else h[0]
        return (out, h[0]) if self.return_state else out


def keras_recurrent_init(module):
    """Keras: glorot_uniform kernel, orthogonal recurrent kernel, zero biases."""
    for name, p in module.named_parameters(recurse=False):
        if name.startswith("weight_ih"):
            nn.init.xavier_uniform_(p)
        elif name.startswith("weight_hh"):
            nn.init.orthogonal_(p)
        else:
            nn.init.zeros_(p)


class KerasRecurrent(nn.Module):
    """What Keras's SimpleRNN, LSTM and GRU share: input projection for all steps at once, then a loop over time."""

    gates = 1
    states = 1

    def __init__(self, input_size, units, activation="tanh", return_sequences=False, return_state=False, go_backwards=False):
        super().__init__()
        self.units = units
        self.activation = ACTIVATIONS[activation]
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.weight_ih = nn.Parameter(torch.empty(self.gates * units, input_size))
        self.weight_hh = nn.Parameter(torch.empty(self.gates * units, units))
        self.reset_parameters()

    def reset_parameters(self):
        # Keras: glorot_uniform kernel, orthogonal recurrent kernel, zero biases.
        nn.init.xavier_uniform_(self.weight_ih)
        nn.init.orthogonal_(self.weight_hh)
        for name, p in self.named_parameters():
            if name.startswith("bias"):
                nn.init.zeros_(p)

    def forward(self, x, initial_state=None):
        batch, steps = x.shape[0], x.shape[1]
        if initial_state is None:
            state = [x.new_zeros(batch, self.units) for _ in range(self.states)]
        else:
            state = list(initial_state)
        projected = self.project_input(x)
        order = range(steps - 1, -1, -1) if self.go_backwards else range(steps)
        outputs = []
        for t in order:
            state = self.step(projected[:, t], state)
            outputs.append(state[0])
        last = outputs[-1]
        out = torch.stack(outputs, dim=1) if self.return_sequences else last
        return (out, *state) if self.return_state else out

    def project_input(self, x):
        return F.linear(x, self.weight_ih, getattr(self, "bias", None))


class KerasSimpleRNN(KerasRecurrent):
    def __init__(self, input_size, units, **kwargs):
        super().__init__(input_size, units, **kwargs)

    def reset_parameters(self):
        if not hasattr(self, "bias"):
            self.bias = nn.Parameter(torch.zeros(self.units))
        super().reset_parameters()

    def step(self, x_t, state):
        h = self.activation(x_t + F.linear(state[0], self.weight_hh))
        return [h]


class KerasLSTM(KerasRecurrent):
    """Gates i, f, c, o (Keras's order, also PyTorch's), one bias per gate."""

    gates = 4
    states = 2

    def reset_parameters(self):
        if not hasattr(self, "bias"):
            self.bias = nn.Parameter(torch.zeros(4 * self.units))
        super().reset_parameters()

    def step(self, x_t, state):
        h, c = state
        i, f, g, o = (x_t + F.linear(h, self.weight_hh)).chunk(4, dim=-1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * self.activation(g)
        h = torch.sigmoid(o) * self.activation(c)
        return [h, c]


class KerasGRU(KerasRecurrent):
    """Gates z, r, h (Keras's order). reset_after=True (Keras 3's default) keeps input and recurrent biases apart."""

    gates = 3

    def __init__(self, input_size, units, reset_after=True, **kwargs):
        self.reset_after = reset_after
        super().__init__(input_size, units, **kwargs)

    def reset_parameters(self):
        if not hasattr(self, "bias_ih") and not hasattr(self, "bias"):
            if self.reset_after:
                self.bias_ih = nn.Parameter(torch.zeros(3 * self.units))
                self.bias_hh = nn.Parameter(torch.zeros(3 * self.units))
            else:
                self.bias = nn.Parameter(torch.zeros(3 * self.units))
        super().reset_parameters()

    def project_input(self, x):
        bias = self.bias_ih if self.reset_after else self.bias
        return F.linear(x, self.weight_ih, bias)

    def step(self, x_t, state):
        h = state[0]
        xz, xr, xh = x_t.chunk(3, dim=-1)
        u = self.units
        if self.reset_after:
            hz, hr, hh = F.linear(h, self.weight_hh, self.bias_hh).chunk(3, dim=-1)
            z = torch.sigmoid(xz + hz)
            r = torch.sigmoid(xr + hr)
            candidate = self.activation(xh + r * hh)
        else:
            z = torch.sigmoid(xz + F.linear(h, self.weight_hh[:u]))
            r = torch.sigmoid(xr + F.linear(h, self.weight_hh[u : 2 * u]))
            candidate = self.activation(xh + F.linear(r * h, self.weight_hh[2 * u :]))
        return [z * h + (1 - z) * candidate]


class Bidirectional(nn.Module):
    """Keras's Bidirectional: a forward and a go_backwards copy; the backward sequence is flipped back before merging."""

    def __init__(self, forward_layer, backward_layer, merge_mode="concat"):
        super().__init__()
        self.forward_layer = forward_layer
        self.backward_layer = backward_layer
        self.merge_mode = merge_mode

    def forward(self, x):
        a = self.forward_layer(x)
        b = self.backward_layer(x)
        if self.backward_layer.return_sequences:
            b = torch.flip(b, dims=[1])
        if self.merge_mode == "concat":
            return torch.cat([a, b], dim=-1)
        if self.merge_mode == "sum":
            return a + b
        if self.merge_mode == "mul":
            return a * b
        return (a + b) / 2
`;

/** A shape without the batch axis (as types.ts's Shape; not imported, so the two files stay out of a cycle). */
type Shape = readonly (number | null)[];

/** What an emitter is told about the node it writes code for. */
export interface EmitNode<P> {
  readonly params: P;
  /** A Python identifier made from the node's name, unique in the model (also the attribute name in PyTorch). */
  readonly id: string;
  /** The node's name as the user sees it (the Keras layer name). */
  readonly name: string;
  /** Shapes arriving at the inputs, ordered as for `outputShape` (no batch axis). */
  readonly inputShapes: readonly Shape[];
  /** The shape of each output, in `outputs()` order. */
  readonly outputShapes: readonly Shape[];
}

/**
 * One step of turning a Keras weight (as tfjs saves it) into the PyTorch tensor the exported module holds.
 * `permute` reorders axes (conv HWIO → OIHW), `reshape` regroups them (attention's (d, heads, key_dim) → (d, heads·key_dim)),
 * `gates` reorders equal blocks along an axis (Keras GRU z, r, h → PyTorch r, z, n), `take` picks one row of axis 0.
 */
export type WeightOp =
  | { readonly op: 'permute'; readonly axes: readonly number[] }
  | { readonly op: 'reshape'; readonly shape: readonly number[] }
  | { readonly op: 'gates'; readonly axis: number; readonly order: readonly number[] }
  | { readonly op: 'take'; readonly index: number };

export interface WeightMap {
  /** Key in the exported module's state_dict, e.g. `dense_1.weight`. */
  readonly torch: string;
  /** The Keras weight's name inside its layer, e.g. `kernel`, `self_attention_layer/query/kernel`. */
  readonly keras: string;
  readonly ops: readonly WeightOp[];
}

export interface PytorchLayer {
  /** Lines of `__init__` that create this node's modules (as `self.<id> = …`); none for layers without weights or state. */
  readonly init: readonly string[];
  /** Lines of `forward` that assign `outputs` (one variable per output) from `inputs`. */
  forward(inputs: readonly string[], outputs: readonly string[]): readonly string[];
  /** Python helpers (classes and functions of the export's prelude) that the code above uses. */
  readonly helpers?: readonly string[];
  /** How the node's Keras weights land in the state_dict; the exporter checks it against the parameter count. */
  readonly weights?: readonly WeightMap[];
}

/** Either the PyTorch for a node, or why this configuration cannot be written faithfully. */
export type PytorchEmitter<P> = (node: EmitNode<P>) => PytorchLayer | { readonly error: string };

export interface KerasLayer {
  /** The layer constructor, e.g. `layers.Dense(10, activation="softmax", name="dense_1")`. */
  readonly layer: string;
  /** How it is called on the inputs; default: on the one input, or on the list of them. */
  call?(layer: string, inputs: readonly string[]): string;
  /** Needs `import keras_hub` (its Transformer and position layers). */
  readonly kerasHub?: boolean;
}

export type KerasEmitter<P> = (node: EmitNode<P>) => KerasLayer | { readonly error: string };

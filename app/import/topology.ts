import { ImportError } from './errors';

/** One tensor a layer is called on: the layer that made it, which call of that layer, which of its outputs. */
export interface TensorRef {
  readonly layer: string;
  readonly tensor: number;
}

/** A layer as a saved model lists it, with what it is called on (empty for an Input). */
export interface SavedLayer {
  readonly className: string;
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly inbound: readonly TensorRef[];
  /** How many times the model calls it; LayerLab's nodes are called once. */
  readonly calls: number;
}

export interface SavedModel {
  readonly name: string;
  /** Where it came from, for messages: "a TF.js layers model", "a Keras 3 model config"… */
  readonly source: string;
  readonly layers: readonly SavedLayer[];
  /** The model's inputs and outputs in its own order (the order predict takes and returns them); empty: layer order. */
  readonly inputOrder: readonly string[];
  readonly outputOrder: readonly string[];
}

/** More layers than any model a person edits on a canvas; a bigger list is refused before any work. */
export const MAX_LAYERS = 2000;
const MAX_NAME = 200;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function layerName(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_NAME)
    throw new ImportError(`${where} has no valid name (a string of 1 to ${MAX_NAME} characters).`);
  return raw;
}

/** A reference as Keras 2 and tfjs write it: [layer name, call index, output index, kwargs]. */
function legacyRef(raw: unknown, where: string): TensorRef {
  if (!Array.isArray(raw) || raw.length < 3) throw new ImportError(`${where}: an inbound tensor is not [layer, node, tensor].`);
  const [layer, , tensor] = raw as unknown[];
  if (!Number.isInteger(tensor) || (tensor as number) < 0 || (tensor as number) > 64)
    throw new ImportError(`${where}: an inbound tensor index is not a small whole number.`);
  return { layer: layerName(layer, `${where}: an inbound tensor`), tensor: tensor as number };
}

/** Keras 3 writes the call's arguments, tensors among them as {class_name: "__keras_tensor__", config: {keras_history}}. */
function collectTensors(value: unknown, where: string, out: TensorRef[], depth = 0): void {
  if (depth > 8) throw new ImportError(`${where}: the call's arguments are nested too deeply.`);
  if (Array.isArray(value)) {
    for (const v of value) collectTensors(v, where, out, depth + 1);
  } else if (isObject(value)) {
    if (value.class_name === '__keras_tensor__') {
      const history = isObject(value.config) ? value.config.keras_history : undefined;
      out.push(legacyRef(history, where));
    } else {
      for (const v of Object.values(value)) collectTensors(v, where, out, depth + 1);
    }
  }
  if (out.length > 64) throw new ImportError(`${where} is called on more than 64 tensors.`);
}

function inboundOf(raw: unknown, where: string): { refs: TensorRef[]; calls: number } {
  if (raw === undefined || raw === null) return { refs: [], calls: 0 };
  if (!Array.isArray(raw)) throw new ImportError(`${where}: inbound_nodes is not a list.`);
  const first: unknown = raw[0];
  if (first === undefined) return { refs: [], calls: 0 };
  if (Array.isArray(first)) return { refs: first.map((t) => legacyRef(t, where)), calls: raw.length };
  if (isObject(first)) {
    const refs: TensorRef[] = [];
    collectTensors(first.args, where, refs);
    collectTensors(first.kwargs, where, refs);
    return { refs, calls: raw.length };
  }
  throw new ImportError(`${where}: inbound_nodes holds neither tensor lists nor calls.`);
}

function savedLayer(raw: unknown, index: number, chainedTo: string | null): SavedLayer {
  const where = `Layer ${index + 1}`;
  if (!isObject(raw)) throw new ImportError(`${where} is not an object.`);
  if (typeof raw.class_name !== 'string' || raw.class_name.length === 0 || raw.class_name.length > MAX_NAME)
    throw new ImportError(`${where} has no class_name.`);
  if (!isObject(raw.config)) throw new ImportError(`${where} (${raw.class_name}) has no config object.`);
  const name = layerName(raw.config.name ?? raw.name, `${where} (${raw.class_name})`);
  const { refs, calls } = chainedTo === null ? inboundOf(raw.inbound_nodes, `Layer ${name}`) : { refs: [{ layer: chainedTo, tensor: 0 }], calls: 1 };
  return { className: raw.class_name, name, config: raw.config, inbound: refs, calls };
}

/** A Sequential model chains its layers; Keras 2 puts the input shape on the first one instead of an InputLayer. */
function sequentialLayers(list: readonly unknown[], modelName: string): SavedLayer[] {
  const layers: SavedLayer[] = [];
  const first = list[0];
  const firstConfig = isObject(first) && isObject(first.config) ? first.config : {};
  const buildShape = isObject(first) && isObject(first.build_config) ? first.build_config.input_shape : undefined;
  const batchShape = firstConfig.batch_input_shape ?? firstConfig.batch_shape ?? buildShape;
  if (isObject(first) && first.class_name !== 'InputLayer') {
    if (!Array.isArray(batchShape))
      throw new ImportError(`The Sequential model ${modelName} does not say its input shape (no InputLayer and no batch_input_shape).`);
    layers.push({ className: 'InputLayer', name: `${modelName}_input`, config: { batch_input_shape: batchShape }, inbound: [], calls: 0 });
  }
  for (const [i, raw] of list.entries()) {
    const previous = layers[layers.length - 1];
    layers.push(savedLayer(raw, i, previous ? previous.name : null));
  }
  return layers;
}

/** The model's class and config, from a TF.js model.json (its modelTopology) or a Keras model JSON. */
function modelConfig(json: unknown): { className: string; config: unknown; source: string } {
  if (!isObject(json)) throw new ImportError('The file is not a JSON object, so it is neither a TF.js model.json nor a Keras model config.');
  if ('modelTopology' in json) {
    if (json.format !== undefined && json.format !== 'layers-model') {
      throw new ImportError(
        json.format === 'graph-model'
          ? 'This is a TF.js graph model (a converted SavedModel): it has no layers to edit. Convert the Keras model to a layers model instead (tensorflowjs_converter --output_format tfjs_layers_model).'
          : `This model.json has format "${JSON.stringify(json.format).slice(0, 40)}"; LayerLab imports "layers-model".`,
      );
    }
    const topology = isObject(json.modelTopology) && isObject(json.modelTopology.model_config) ? json.modelTopology.model_config : json.modelTopology;
    if (!isObject(topology)) throw new ImportError('The model.json has no modelTopology object.');
    return { className: String(topology.class_name), config: topology.config, source: 'a TF.js layers model' };
  }
  if ('weightsManifest' in json) throw new ImportError('This model.json has weights but no modelTopology: it is not a layers model.');
  if (typeof json.keras_version === 'string' && json.keras_version.startsWith('1.')) {
    throw new ImportError(`This model was saved by Keras ${json.keras_version}; LayerLab reads the configs of Keras 2 and 3.`);
  }
  if (typeof json.class_name !== 'string') throw new ImportError('The file has neither "modelTopology" (TF.js) nor "class_name" (Keras): it is not a model.');
  const keras3 =
    typeof json.module === 'string' ||
    typeof json.registered_name === 'string' ||
    (typeof json.keras_version === 'string' && json.keras_version.startsWith('3'));
  return { className: json.class_name, config: json.config, source: keras3 ? 'a Keras 3 model config' : 'a Keras model config' };
}

/** A functional model's input_layers or output_layers: [[name, node, tensor], …] (Keras 3 may give one such triple alone). */
function endpoints(config: unknown, key: string): string[] {
  const list = isObject(config) ? config[key] : undefined;
  if (!Array.isArray(list)) return [];
  const triples = typeof list[0] === 'string' ? [list] : list;
  return triples.flatMap((t: unknown) => (Array.isArray(t) && typeof t[0] === 'string' ? [t[0]] : []));
}

/** Reads a saved model's layer list and wiring. Hostile input: every field is checked before it is used. */
export function readTopology(json: unknown): SavedModel {
  const { className, config, source } = modelConfig(json);
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  const name = isObject(config) && typeof config.name === 'string' && config.name.length <= MAX_NAME ? config.name : 'imported_model';
  if (!['Model', 'Functional', 'Sequential'].includes(className)) {
    throw new ImportError(`The file holds a ${className.slice(0, 60)}, not a model (Sequential, Functional or Model).`);
  }
  if (!Array.isArray(list)) throw new ImportError(`The ${className} model has no list of layers.`);
  if (list.length === 0) throw new ImportError(`The ${className} model has no layers.`);
  if (list.length > MAX_LAYERS) throw new ImportError(`The model has ${list.length} layers; LayerLab imports at most ${MAX_LAYERS}.`);
  const layers = className === 'Sequential' ? sequentialLayers(list, name) : list.map((raw, i) => savedLayer(raw, i, null));
  const seen = new Set<string>();
  for (const l of layers) {
    if (seen.has(l.name)) throw new ImportError(`Two layers are named "${l.name}"; a model's layer names are unique.`);
    seen.add(l.name);
  }
  return { name, source, layers, inputOrder: endpoints(config, 'input_layers'), outputOrder: endpoints(config, 'output_layers') };
}

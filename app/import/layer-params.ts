import type { LayerDef } from '../layers/types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Keras 3 writes an activation given as a function as {class_name: "function", config: "relu"}; LayerLab names it. */
function plainValue(value: unknown): unknown {
  if (isObject(value) && typeof value.config === 'string' && (value.class_name === 'function' || typeof value.registered_name === 'string'))
    return value.config;
  return value;
}

/** Settings Keras saves that change what a layer computes or how it trains, which no LayerLab param holds. */
const DROPPED: readonly string[] = ['kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'recurrent_regularizer', 'dropout', 'recurrent_dropout'];

export type LayerParams =
  { readonly ok: true; readonly params: Record<string, unknown>; readonly dropped: readonly string[] } | { readonly ok: false; readonly reason: string };

/**
 * A saved layer's params for `def`. Params are named after Keras's config keys (in camelCase), so each is read from the
 * key of the same name; the layer's own `fromKeras` fixes the keys that differ. Whatever comes out is checked against
 * the layer's schema, so a hostile value is refused with the schema's message, never built.
 */
export function layerParams(def: LayerDef, config: Readonly<Json>): LayerParams {
  if (config.data_format === 'channels_first') return { ok: false, reason: 'it is channels-first; LayerLab layers are channels-last' };
  const defaults = def.params.parse({}) as Json;
  const read: Json = {};
  for (const key of Object.keys(def.params.shape)) {
    const value = plainValue(config[snake(key)]);
    // null is Keras's "the default" (value_dim: None is key_dim).
    if (value === undefined || value === null) continue;
    const fallback = defaults[key];
    read[key] = Array.isArray(fallback) && typeof value === 'number' ? fallback.map(() => value) : value;
  }
  const fixed = def.fromKeras ? def.fromKeras(config, read) : read;
  if ('error' in fixed && typeof fixed.error === 'string') return { ok: false, reason: fixed.error };
  const parsed = def.params.safeParse(fixed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue && issue.path.length > 0 ? issue.path.join('.') : 'its config'}: ${issue?.message ?? 'not valid'}` };
  }
  const dropped = DROPPED.filter((key) => !(camel(key) in def.params.shape) && config[key] !== undefined && config[key] !== null && config[key] !== 0);
  return { ok: true, params: parsed.data, dropped };
}

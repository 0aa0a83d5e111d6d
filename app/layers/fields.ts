import { z } from 'zod';

interface FieldBase {
  readonly key: string;
  readonly title: string;
  readonly description: string;
}

/** A param as the inspector shows it, derived from the layer's zod schema. */
export type Field =
  | (FieldBase & { kind: 'number'; integer: boolean; min?: number; max?: number })
  | (FieldBase & { kind: 'enum'; options: readonly string[] })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'intList' });

interface JsonSchemaProp {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  title?: string;
  description?: string;
}

const cache = new WeakMap<z.ZodObject, readonly Field[]>();

/** Turns an object schema into form fields; the JSON Schema carries titles, bounds and enums. */
export function fieldsOf(schema: z.ZodObject): readonly Field[] {
  const hit = cache.get(schema);
  if (hit) return hit;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchemaProp> };
  // Structured params (a pretrained node's source and layer summary) have their own editor, not a form field.
  const shown = Object.entries(json.properties ?? {}).filter(
    ([, prop]) => prop.enum !== undefined || (prop.type !== undefined && prop.type !== 'string' && prop.type !== 'object'),
  );
  const fields = shown.map(([key, prop]): Field => {
    const base = { key, title: prop.title ?? key, description: prop.description ?? '' };
    if (prop.enum) return { ...base, kind: 'enum', options: prop.enum };
    if (prop.type === 'boolean') return { ...base, kind: 'boolean' };
    if (prop.type === 'array') return { ...base, kind: 'intList' };
    return {
      ...base,
      kind: 'number',
      integer: prop.type === 'integer',
      ...(prop.minimum !== undefined ? { min: prop.minimum } : {}),
      ...(prop.maximum !== undefined ? { max: prop.maximum } : {}),
    };
  });
  cache.set(schema, fields);
  return fields;
}

/** Parses "28, 28, 1" or "(28,28,1)" into [28, 28, 1]; null when it is not a list of integers. */
export function parseIntList(text: string): number[] | null {
  const parts = text
    .replace(/[()[\]]/g, '')
    .split(/[\s,x×]+/)
    .filter(Boolean);
  if (parts.length === 0) return null;
  const nums = parts.map(Number);
  return nums.every((n) => Number.isInteger(n)) ? nums : null;
}

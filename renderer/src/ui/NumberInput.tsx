import { useCallback } from 'react';
import { ValidatedInput, type Parsed } from './ValidatedInput';

export interface NumberInputProps {
  readonly value: number;
  readonly onCommit: (value: number) => void;
  readonly integer?: boolean | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly step?: number | undefined;
  /** Extra checks after the bounds, e.g. the zod schema of the field. */
  readonly validate?: ((value: number) => string | null) | undefined;
  readonly testId?: string | undefined;
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  /** What to say when the value is out of bounds, instead of the generic range text. */
  readonly hint?: string | undefined;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function boundsText(integer: boolean, min?: number, max?: number): string {
  const kind = integer ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) return `Enter ${kind} from ${fmt(min)} to ${fmt(max)}.`;
  if (min !== undefined) return `Enter ${kind} of at least ${fmt(min)}.`;
  if (max !== undefined) return `Enter ${kind} of at most ${fmt(max)}.`;
  return `Enter ${kind}.`;
}

export function NumberInput({ value, onCommit, integer = false, min, max, step, validate, testId, id, title, hint }: NumberInputProps) {
  const parse = useCallback(
    (text: string): Parsed<number> => {
      const t = text.trim().replace(/_/g, '');
      const n = t === '' ? NaN : Number(t);
      const bad = !Number.isFinite(n) || (integer && !Number.isInteger(n)) || (min !== undefined && n < min) || (max !== undefined && n > max);
      if (bad) return { ok: false, error: hint ?? boundsText(integer, min, max) };
      const extra = validate?.(n);
      return extra ? { ok: false, error: extra } : { ok: true, value: n };
    },
    [integer, min, max, validate, hint],
  );
  return (
    <ValidatedInput
      id={id}
      title={title}
      testId={testId}
      value={value}
      format={String}
      parse={parse}
      onCommit={onCommit}
      inputMode={integer ? 'numeric' : 'decimal'}
      type="text"
      spellCheck={false}
      autoComplete="off"
      onKeyDown={(e) => {
        // Arrow keys nudge the value, like a native number field.
        if (!step || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        const raw = value + (e.key === 'ArrowUp' ? step : -step) * (e.shiftKey ? 10 : 1);
        const next = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, Number(raw.toPrecision(12))));
        if (next !== value && !validate?.(next)) onCommit(next);
      }}
      className="font-mono tabular-nums"
    />
  );
}

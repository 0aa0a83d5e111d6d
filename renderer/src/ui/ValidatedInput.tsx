import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useFieldErrors } from '../store/fieldErrors';
import { inputClass } from './styles';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ValidatedInputProps<T> extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  readonly value: T;
  readonly format: (value: T) => string;
  readonly parse: (text: string) => Parsed<T>;
  readonly onCommit: (value: T) => void;
  readonly testId?: string | undefined;
}

const same = (a: unknown, b: unknown) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);

/**
 * A text box that commits on every keystroke that yields a valid value (so typing and
 * Playwright's fill() both work) and shows why otherwise. Escape restores the stored value.
 */
export function ValidatedInput<T>({ value, format, parse, onCommit, testId, className = '', onBlur, onKeyDown, ...rest }: ValidatedInputProps<T>) {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  const key = useId();
  const input = useRef<HTMLInputElement>(null);

  // While this field shows an error, Train is blocked and says which field; a field that goes away takes its error with it.
  const ariaLabel = rest['aria-label'];
  const title = rest.title;
  useEffect(() => {
    const el = input.current;
    const label = ariaLabel ?? (el?.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ?? title ?? 'A field';
    useFieldErrors.getState().report(key, error === null ? null : { label: label.trim() || 'A field', error });
  }, [error, key, ariaLabel, title]);
  useEffect(() => () => useFieldErrors.getState().report(key, null), [key]);

  // The value changed elsewhere (undo, a fix, another control): show it, unless the text already
  // says it. Checked while rendering against the value last seen, so parse and format (often new
  // closures each render) are not triggers, and NaN compares equal to itself.
  const [seenValue, setSeenValue] = useState(value);
  if (!Object.is(seenValue, value)) {
    setSeenValue(value);
    const current = parse(text);
    if (!(current.ok && same(current.value, value))) {
      setText(format(value));
      setError(null);
    }
  }

  const change = (next: string) => {
    setText(next);
    const parsed = parse(next);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (!same(parsed.value, value)) onCommit(parsed.value);
  };

  return (
    <div className="space-y-1">
      <input
        {...rest}
        ref={input}
        data-testid={testId}
        value={text}
        aria-invalid={error !== null}
        className={`${inputClass(error !== null)} ${className}`}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && error !== null) {
            setText(format(value));
            setError(null);
            e.stopPropagation();
          }
          onKeyDown?.(e);
        }}
        onBlur={(e) => {
          // A valid edit may have been normalised ("28,28" → "28, 28"): show the stored form.
          if (error === null) setText(format(value));
          onBlur?.(e);
        }}
      />
      {error && (
        <p className="text-[12px] leading-snug text-red-600" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

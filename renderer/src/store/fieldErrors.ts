import { create } from 'zustand';

/** A field whose text is not a valid value: the document still holds the last valid one. */
export interface FieldError {
  readonly label: string;
  readonly error: string;
}

export interface FieldErrorState {
  readonly errors: ReadonlyMap<string, FieldError>;
  readonly report: (key: string, error: FieldError | null) => void;
}

/**
 * Fields showing an error, by field. Train refuses while any is listed, so nothing runs with
 * a value other than the one on screen. View state: never in the document or history.
 */
export const useFieldErrors = create<FieldErrorState>()((set, get) => ({
  errors: new Map(),
  report(key, error) {
    const cur = get().errors;
    const old = cur.get(key);
    if (error ? old?.error === error.error && old.label === error.label : !old) return;
    const next = new Map(cur);
    if (error) next.set(key, error);
    else next.delete(key);
    set({ errors: next });
  },
}));

/** The first field with an error, as a sentence for the Train button. */
export function fieldBlockReason(errors: FieldErrorState['errors'] = useFieldErrors.getState().errors): string | null {
  const first = errors.values().next().value;
  if (!first) return null;
  return `${first.label} shows an error: ${first.error} Correct it, or press Esc in the field to restore the value in use.`;
}

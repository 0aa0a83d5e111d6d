import { UserError } from '../user-error';
import { DataError, type DataProblem } from './problems';

/**
 * An error as it crosses the worker boundary. Structured cloning keeps only an Error's message
 * (not its class or fields), so the kinds the hosts tell apart are sent explicitly.
 */
export type WireError =
  | { readonly kind: 'data'; readonly problems: readonly DataProblem[] }
  | { readonly kind: 'user'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

export function toWire(e: unknown): WireError {
  if (e instanceof DataError) return { kind: 'data', problems: [...e.problems] };
  if (e instanceof UserError) return { kind: 'user', message: e.message };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

/** The same class and message the job threw, rebuilt on the host's side. */
export function fromWire(w: WireError): Error {
  switch (w.kind) {
    case 'data':
      return new DataError(w.problems);
    case 'user':
      return new UserError(w.message);
    case 'other':
      return new Error(w.message);
  }
}

import { UserError } from '../user-error';

/** Something wrong with the user's data, placed as exactly as we can: file, line, column. */
export interface DataProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  /** A whole sentence that names the file (and line or class) itself. */
  readonly message: string;
  /** Errors stop an import or a run; warnings are listed and the rest goes on. */
  readonly severity: 'error' | 'warning';
}

/** The data cannot be used as it is. Its message is the first problem's, shown as it is. */
export class DataError extends UserError {
  constructor(readonly problems: readonly DataProblem[]) {
    const more = problems.length - 1;
    super(`${problems[0]?.message ?? 'The data cannot be read.'}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`);
  }
}

export function problem(file: string, message: string, at: { line?: number; column?: string } = {}, severity: DataProblem['severity'] = 'error'): DataProblem {
  return { file, message, severity, ...(at.line !== undefined ? { line: at.line } : {}), ...(at.column !== undefined ? { column: at.column } : {}) };
}

/** Collects problems; stops at the first error when asked to, and keeps at most `cap` of them. */
export class Problems {
  readonly list: DataProblem[] = [];
  private dropped = 0;

  constructor(private readonly cap = 200) {}

  add(p: DataProblem): void {
    if (this.list.length < this.cap) this.list.push(p);
    else this.dropped++;
  }

  get errors(): DataProblem[] {
    return this.list.filter((p) => p.severity === 'error');
  }

  get more(): number {
    return this.dropped;
  }

  /** Throws a DataError when any error was found. */
  throwIfErrors(): void {
    const errors = this.errors;
    if (errors.length > 0) throw new DataError(errors);
  }
}

/** "1,234,567" */
export const count = (n: number) => n.toLocaleString('en-US');

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

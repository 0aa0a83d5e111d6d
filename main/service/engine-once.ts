import type { EngineCommand } from '../../app/protocol/engine';
import type { EngineLauncher } from './engine-process';

/** What one message from the engine means to the asker: its answer, its failure, or neither (progress, noise). */
export type OnceReading<T> = { readonly done: T } | { readonly failed: string } | null;

export interface OnceOptions<T> {
  readonly timeoutMs: number;
  /** Who is asking, as a person would say it: "The evaluation", "Reading the model". */
  readonly what: string;
  /** Reads one message; only replies this asker knows settle it. */
  readonly read: (raw: unknown) => OnceReading<T>;
}

/**
 * One question to a fresh engine process: the command is sent, and the promise settles on the first answer,
 * on the process's exit (with the last line it wrote to stderr), or after the timeout, when it is killed.
 * Evaluation, the engine report and reading a pretrained model are each one such question.
 */
export function askEngineOnce<T>(launch: EngineLauncher, command: EngineCommand, opts: OnceOptions<T>): Promise<T> {
  const engine = launch();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`${opts.what} took too long and was stopped.`)));
      engine.kill();
    }, opts.timeoutMs);
    engine.onMessage((raw) => {
      if (settled) return;
      const r = opts.read(raw);
      if (!r) return;
      if ('done' in r) settle(() => resolve(r.done));
      else settle(() => reject(new Error(r.failed)));
    });
    engine.onExit((code, stderr) => {
      const last = stderr.trim().split('\n').pop()?.slice(0, 300) ?? '';
      settle(() =>
        reject(new Error(`${opts.what} stopped unexpectedly (${code === null ? 'the engine was killed' : `exit code ${code}`})${last ? `: ${last}` : '.'}`)),
      );
    });
    engine.send(command);
  });
}

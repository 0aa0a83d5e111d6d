import type { BackendName } from '../../app/protocol/backend';
import type { EngineCommand } from '../../app/protocol/engine';
import { evaluationReplySchema, type EvaluationReport } from '../../app/protocol/evaluation';
import type { EngineLauncher } from './engine-process';
import type { RunStore } from './run-store';

/** An evaluation that has not answered by then is stuck (a 10,000-image test set takes seconds). */
export const EVALUATE_TIMEOUT_MS = 10 * 60_000;
/** Each evaluation is an engine process with the test set in memory: a few at once at most. */
export const MAX_EVALUATIONS = 2;

export interface EvaluateOptions {
  readonly projectId: string;
  readonly runId: string;
  readonly weights?: 'last' | 'best';
  readonly backend?: BackendName;
  readonly onProgress?: (message: string) => void;
}

/**
 * Scores recorded runs, each in an engine process of its own, so a large test set never runs on the
 * host's event loop and a crash in it costs only that evaluation. The run folder is only read.
 */
export class Evaluator {
  private running = 0;

  constructor(
    private readonly launch: EngineLauncher,
    private readonly store: RunStore,
    private readonly timeoutMs = EVALUATE_TIMEOUT_MS,
  ) {}

  async evaluate(opts: EvaluateOptions): Promise<EvaluationReport> {
    // The run must exist and have a readable snapshot; its weights are checked by the engine.
    const detail = await this.store.get(opts.projectId, opts.runId);
    if (this.running >= MAX_EVALUATIONS) throw new Error('Other evaluations are still running. Try again when they finish.');
    const command: EngineCommand = {
      type: 'evaluate',
      runId: opts.runId,
      document: detail.snapshot,
      runDir: this.store.runDir(opts.projectId, opts.runId),
      weights: opts.weights ?? 'last',
      ...(opts.backend ? { backend: opts.backend } : {}),
    };
    this.running++;
    try {
      return await this.inEngine(command, opts.onProgress);
    } finally {
      this.running--;
    }
  }

  private inEngine(command: EngineCommand, onProgress?: (message: string) => void): Promise<EvaluationReport> {
    const engine = this.launch();
    return new Promise<EvaluationReport>((resolve, reject) => {
      let done = false;
      const settle = (f: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        f();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new Error('The evaluation took too long and was stopped.')));
        engine.kill();
      }, this.timeoutMs);
      engine.onMessage((raw) => {
        const reply = evaluationReplySchema.safeParse(raw);
        if (!reply.success) return;
        const r = reply.data;
        switch (r.type) {
          case 'evaluation.done':
            settle(() => resolve(r.report));
            return;
          case 'evaluation.failed':
            settle(() => reject(new Error(r.message)));
            return;
          case 'evaluation.progress':
            if (!done) onProgress?.(r.message);
            return;
        }
      });
      engine.onExit((code, stderr) => {
        const last = stderr.trim().split('\n').pop()?.slice(0, 300) ?? '';
        settle(() =>
          reject(new Error(`The evaluation engine stopped unexpectedly (${code === null ? 'it was killed' : `exit code ${code}`})${last ? `: ${last}` : '.'}`)),
        );
      });
      engine.send(command);
    });
  }
}

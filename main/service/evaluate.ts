import type { BackendName } from '../../app/protocol/backend';
import type { EngineCommand } from '../../app/protocol/engine';
import { evaluationReplySchema, type EvaluationReport } from '../../app/protocol/evaluation';
import { askEngineOnce } from './engine-once';
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
    return askEngineOnce(this.launch, command, {
      timeoutMs: this.timeoutMs,
      what: 'The evaluation',
      read: (raw) => {
        const reply = evaluationReplySchema.safeParse(raw);
        if (!reply.success) return null;
        const r = reply.data;
        switch (r.type) {
          case 'evaluation.done':
            return { done: r.report };
          case 'evaluation.failed':
            return { failed: r.message };
          case 'evaluation.progress':
            onProgress?.(r.message);
            return null;
        }
      },
    });
  }
}

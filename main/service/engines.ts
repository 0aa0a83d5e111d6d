import type { EngineCommand } from '../../app/protocol/engine';
import { doctorReplySchema, type EngineReport } from '../../app/protocol/engines';
import { askEngineOnce } from './engine-once';
import type { EngineLauncher } from './engine-process';

/** The probes load native libraries, Dawn's adapters and Python: a minute is plenty, even on a cold disk. */
export const REPORT_TIMEOUT_MS = 120_000;

/**
 * The compute-engine report for Help → Compute engines and the Compute engine menu, computed in an engine process
 * (the probes load tfjs-node, Dawn and Python, which a host must not) and kept per interpreter until asked again:
 * what is installed rarely changes while the app is open, and the probe takes seconds.
 */
export class EngineReports {
  private readonly cache = new Map<string, Promise<EngineReport>>();

  constructor(
    private readonly launch: EngineLauncher,
    private readonly timeoutMs = REPORT_TIMEOUT_MS,
  ) {}

  report(python: string | undefined, refresh = false): Promise<EngineReport> {
    const key = python ?? '';
    const cached = this.cache.get(key);
    if (cached && !refresh) return cached;
    const fresh = this.inEngine({ type: 'doctor', ...(python ? { python } : {}) });
    this.cache.set(key, fresh);
    // A failed check is not kept: the next ask tries again.
    fresh.catch(() => this.cache.delete(key));
    return fresh;
  }

  private inEngine(command: EngineCommand): Promise<EngineReport> {
    return askEngineOnce(this.launch, command, {
      timeoutMs: this.timeoutMs,
      what: 'Checking the compute engines',
      read: (raw) => {
        const reply = doctorReplySchema.safeParse(raw);
        if (!reply.success) return null;
        return reply.data.type === 'doctor.done' ? { done: reply.data.report } : { failed: reply.data.message };
      },
    });
  }
}

import type { EngineCommand } from '../../app/protocol/engine';
import {
  playgroundAnswerSchema,
  type AttentionView,
  type FeatureMaps,
  type PlaygroundAnswer,
  type PlaygroundInput,
  type PlaygroundResult,
} from '../../app/protocol/playground';
import type { EngineLauncher, EngineProcess } from './engine-process';
import type { RunStore } from './run-store';

/** A playground engine nobody asked anything for this long is closed (its model holds memory). */
export const PLAYGROUND_IDLE_MS = 3 * 60_000;
/** Loading a model (and IMDB's vocabulary) takes seconds; one forward pass, milliseconds. */
const ANSWER_TIMEOUT_MS = 90_000;

interface Open {
  readonly key: string;
  readonly engine: EngineProcess;
  readonly pending: Map<number, (a: PlaygroundAnswer) => void>;
  /** Settles once the model is loaded: with null, or the reason it could not be. */
  readonly ready: Promise<string | null>;
  idle: ReturnType<typeof setTimeout> | null;
  dead: boolean;
}

export interface PlaygroundTarget {
  readonly projectId: string;
  readonly runId: string;
  readonly weights?: 'last' | 'best';
}

/**
 * Keeps one engine open on the run being tried, so each stroke of a drawing is one forward pass rather
 * than a new process. Trying another run closes the first; so does a few minutes of quiet.
 */
export class Playground {
  private open: Open | null = null;
  private nextId = 1;

  constructor(
    private readonly launch: EngineLauncher,
    private readonly store: RunStore,
    private readonly idleMs = PLAYGROUND_IDLE_MS,
  ) {}

  async predict(target: PlaygroundTarget, input: PlaygroundInput): Promise<PlaygroundResult> {
    const a = await this.ask(target, (id) => ({ type: 'playground.predict', id, input }));
    if (a.type !== 'playground.predicted') throw new Error('The playground engine answered something else.');
    return a.result;
  }

  async features(target: PlaygroundTarget, input: PlaygroundInput, layer?: string): Promise<FeatureMaps> {
    const a = await this.ask(target, (id) => ({ type: 'playground.features', id, input, ...(layer ? { layer } : {}) }));
    if (a.type !== 'playground.features') throw new Error('The playground engine answered something else.');
    return a.features;
  }

  async attention(target: PlaygroundTarget, input: PlaygroundInput, layer?: string): Promise<AttentionView> {
    const a = await this.ask(target, (id) => ({ type: 'playground.attention', id, input, ...(layer ? { layer } : {}) }));
    if (a.type !== 'playground.attended') throw new Error('The playground engine answered something else.');
    return a.attention;
  }

  close(): void {
    const o = this.open;
    this.open = null;
    if (!o) return;
    o.dead = true;
    if (o.idle) clearTimeout(o.idle);
    o.engine.kill();
  }

  private async session(target: PlaygroundTarget): Promise<Open> {
    const key = `${target.projectId}/${target.runId}/${target.weights ?? 'last'}`;
    if (this.open?.key === key && !this.open.dead) return this.open;
    this.close();
    const detail = await this.store.get(target.projectId, target.runId);
    const engine = this.launch();
    const pending = new Map<number, (a: PlaygroundAnswer) => void>();
    let readyWith: (why: string | null) => void = () => undefined;
    const ready = new Promise<string | null>((resolve) => (readyWith = resolve));
    const o: Open = { key, engine, pending, ready, idle: null, dead: false };
    engine.onMessage((raw) => {
      const parsed = playgroundAnswerSchema.safeParse(raw);
      if (!parsed.success) return;
      const a = parsed.data;
      if (a.type === 'playground.ready') readyWith(null);
      else if (a.type === 'playground.failed' && a.id === null) readyWith(a.message);
      if ('id' in a && a.id !== null) pending.get(a.id)?.(a);
    });
    engine.onExit((code, stderr) => {
      o.dead = true;
      const why = `The playground engine stopped (${code === null ? 'closed' : `exit code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').pop()!.slice(0, 200)}` : '.'}`;
      readyWith(why);
      for (const [id, settle] of pending) settle({ type: 'playground.failed', id, message: why });
      if (this.open === o) this.open = null;
    });
    const command: EngineCommand = {
      type: 'playground',
      runId: target.runId,
      document: detail.snapshot,
      runDir: this.store.runDir(target.projectId, target.runId),
      weights: target.weights ?? 'last',
    };
    engine.send(command);
    this.open = o;
    return o;
  }

  private async ask(target: PlaygroundTarget, make: (id: number) => unknown): Promise<PlaygroundAnswer> {
    const o = await this.session(target);
    const failed = await o.ready;
    if (failed) {
      this.close();
      throw new Error(failed);
    }
    if (o.idle) clearTimeout(o.idle);
    o.idle = setTimeout(() => {
      if (this.open === o) this.close();
    }, this.idleMs);
    const id = this.nextId++;
    const answer = await new Promise<PlaygroundAnswer>((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'playground.failed', id, message: 'The playground took too long to answer.' }), ANSWER_TIMEOUT_MS);
      o.pending.set(id, (a) => {
        clearTimeout(timer);
        o.pending.delete(id);
        resolve(a);
      });
      o.engine.send(make(id));
    });
    if (answer.type === 'playground.failed') throw new Error(answer.message);
    return answer;
  }
}

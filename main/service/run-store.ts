import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { DataSettings } from '../../app/data/catalog';
import { projectSchema, type ProjectDoc } from '../../app/document/schema';
import { runSummarySchema, type RunDetail, type RunSummary } from '../../app/protocol/runs';
import { checkpointMeta, RUN_FILES } from '../record/layout';
import { writeFileAtomic, writeFileAtomicSync } from './files';
import { interruptedSummary, readBatches, readDynamics, readEpochs, weightsOnDisk } from './run-history';

/** The same rule as the protocol's project and run ids (requests.ts): ids become folder names. */
const ID = /^[A-Za-z0-9_-]{6,64}$/;
/** Run folders one project may hold; past it, a start asks for old runs to be deleted instead of filling the disk. */
export const MAX_RUNS_PER_PROJECT = 500;
/** Marks which host process owns a 'running' run, so another process does not call it interrupted. */
const OWNER_FILE = 'owner.json';

export interface NewRun {
  readonly runId: string;
  readonly epochs: number;
  readonly dataset: string;
  readonly fingerprint: string;
  readonly continuedFrom: string | null;
}

export type RunPatch = Partial<Pick<RunSummary, 'status' | 'wallSeconds' | 'epochs' | 'epochsDone' | 'backend' | 'final' | 'best' | 'weights' | 'error'>>;

/** Where a continued run starts: the earlier run's folder and the epoch its last weights are from. */
export interface ResumePoint {
  readonly runDir: string;
  readonly epochsDone: number;
}

function checkId(kind: string, id: string): string {
  if (!ID.test(id)) throw new Error(`Invalid ${kind} id "${id.slice(0, 80)}".`);
  return id;
}

const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** JSON with keys sorted at every level, so equal settings always hash equal whatever their order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Identifies the data a built-in dataset run saw: its settings decide every example. */
export function fingerprint(data: DataSettings): string {
  return sha16(stableJson(data));
}

/** A project id for a file that has none (the CLI): the same file always gets the same id. */
export function projectIdForPath(absolutePath: string): string {
  return sha16(absolutePath);
}

/** Turns "file not found" into words a user can act on. */
const missing =
  (runId: string) =>
  (e: NodeJS.ErrnoException): never => {
    throw e.code === 'ENOENT' ? new Error(`There is no run ${runId} in this project.`) : e;
  };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs as folders: <dataDir>/projects/<projectId>/runs/<runId>/ with run.json, snapshot.json and the engine's files. */
export class RunStore {
  /** Runs this store created and has not finished: what "live in this process" means. */
  private readonly live = new Set<string>();
  /** Read-modify-writes of one run.json go one after another. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly dataDir: string,
    private readonly maxRuns = MAX_RUNS_PER_PROJECT,
  ) {}

  runsDir(projectId: string): string {
    return join(this.dataDir, 'projects', checkId('project', projectId), 'runs');
  }

  runDir(projectId: string, runId: string): string {
    return join(this.runsDir(projectId), checkId('run', runId));
  }

  /**
   * Creates the run's folder with its summary and the document it trains. Synchronous so that the run
   * manager can claim its one slot and record the run before anything else gets a turn.
   */
  create(projectId: string, doc: ProjectDoc, run: NewRun): string {
    const dir = this.runDir(projectId, run.runId);
    if (existsSync(dir)) throw new Error(`Run ${run.runId} already exists.`);
    if (this.count(projectId) >= this.maxRuns)
      throw new Error(`This project already has ${this.maxRuns} recorded runs, the most it can keep. Delete some in the Runs list, then start again.`);
    const t = doc.training;
    const summary: RunSummary = {
      id: run.runId,
      projectId,
      name: `Run ${this.nextNumber(projectId)} · ${t.optimizer} lr ${t.learningRate}`,
      notes: '',
      status: 'running',
      startedAt: new Date().toISOString(),
      wallSeconds: 0,
      epochs: run.epochs,
      epochsDone: 0,
      backend: null,
      dataset: run.dataset,
      fingerprint: run.fingerprint,
      continuedFrom: run.continuedFrom,
      final: null,
      best: null,
      weights: { last: false, best: false },
      error: null,
    };
    mkdirSync(dir, { recursive: true });
    try {
      writeFileAtomicSync(join(dir, RUN_FILES.snapshot), JSON.stringify(doc));
      writeFileAtomicSync(join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
      writeFileAtomicSync(join(dir, RUN_FILES.summary), `${JSON.stringify(summary, null, 2)}\n`);
    } catch (e) {
      // A half-made folder would read as a run that never was; a failed start leaves nothing.
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    this.live.add(`${projectId}/${run.runId}`);
    return dir;
  }

  /** Changes fields of a run's summary while it runs (its backend once known). */
  patch(projectId: string, runId: string, patch: RunPatch): Promise<RunSummary> {
    return this.modify(projectId, runId, (run) => ({ ...run, ...patch }));
  }

  /** Records how a run ended; which weights it left is read from its folder unless given. */
  async finish(projectId: string, runId: string, patch: RunPatch): Promise<RunSummary> {
    const dir = this.runDir(projectId, runId);
    const done = await this.modify(projectId, runId, (run) => ({ ...run, weights: weightsOnDisk(dir), ...patch }));
    this.live.delete(`${projectId}/${runId}`);
    await rm(join(dir, OWNER_FILE), { force: true });
    return done;
  }

  /** The project's runs, newest first. Folders without a readable run.json (a half-made run) are left out. */
  async list(projectId: string): Promise<RunSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.runsDir(projectId));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const runs = await Promise.all(names.filter((n) => ID.test(n)).map((n) => this.summary(projectId, n).catch(() => null)));
    return runs.filter((r): r is RunSummary => r !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async get(projectId: string, runId: string): Promise<RunDetail> {
    const dir = this.runDir(projectId, runId);
    const [run, snapshot, batches, epochs, dynamics] = await Promise.all([
      this.summary(projectId, runId),
      this.snapshot(dir),
      readBatches(dir),
      readEpochs(dir),
      readDynamics(dir),
    ]);
    if (!snapshot) throw new Error(`Run ${runId} has no readable snapshot of its project.`);
    return { run, snapshot, batches, epochs, dynamics };
  }

  update(projectId: string, runId: string, change: { name?: string; notes?: string }): Promise<RunSummary> {
    return this.modify(projectId, runId, (run) => ({
      ...run,
      ...(change.name !== undefined ? { name: change.name.trim() || run.name } : {}),
      ...(change.notes !== undefined ? { notes: change.notes } : {}),
    }));
  }

  /** Deletes a run's folder; false when there was none. A run still training must be stopped first. */
  async delete(projectId: string, runId: string): Promise<boolean> {
    const dir = this.runDir(projectId, runId);
    if (!existsSync(dir)) return false;
    if ((await this.summary(projectId, runId).catch(() => null))?.status === 'running')
      throw new Error('This run is still training. Stop it before deleting it.');
    await rm(dir, { recursive: true, force: true });
    return true;
  }

  /** Removes the folder create() made for a run whose engine then could not be started. */
  discard(projectId: string, runId: string): void {
    this.live.delete(`${projectId}/${runId}`);
    rmSync(this.runDir(projectId, runId), { recursive: true, force: true });
  }

  /** Where continuing `runId` starts; throws when it left no weights to continue from. */
  resumePoint(projectId: string, runId: string): ResumePoint {
    const runDir = this.runDir(projectId, runId);
    if (!existsSync(join(runDir, RUN_FILES.summary))) throw new Error(`There is no run ${runId} in this project to continue from.`);
    const meta = checkpointMeta(runDir, 'last');
    if (!meta) throw new Error('That run saved no weights (it ended before its first epoch finished), so it cannot be continued.');
    return { runDir, epochsDone: meta.epoch };
  }

  /** run.json as stored, except that a 'running' run nobody is running any more reads as interrupted. */
  private async summary(projectId: string, runId: string): Promise<RunSummary> {
    const dir = this.runDir(projectId, runId);
    const run = runSummarySchema.parse(JSON.parse(await readFile(join(dir, RUN_FILES.summary), 'utf8').catch(missing(runId))));
    if (run.status !== 'running' || this.isLive(projectId, runId, dir)) return run;
    return interruptedSummary(run, dir, await this.snapshot(dir));
  }

  private isLive(projectId: string, runId: string, dir: string): boolean {
    if (this.live.has(`${projectId}/${runId}`)) return true;
    try {
      const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as { pid?: unknown; host?: unknown };
      // This process knows its own runs; another host's runs are trusted while their process lives.
      if (owner.pid === process.pid && owner.host === hostname()) return false;
      if (owner.host !== hostname()) return true;
      return typeof owner.pid === 'number' && processAlive(owner.pid);
    } catch {
      return false;
    }
  }

  private async snapshot(dir: string): Promise<ProjectDoc | null> {
    try {
      return projectSchema.parse(JSON.parse(await readFile(join(dir, RUN_FILES.snapshot), 'utf8')));
    } catch {
      return null;
    }
  }

  private modify(projectId: string, runId: string, change: (run: RunSummary) => RunSummary): Promise<RunSummary> {
    const dir = this.runDir(projectId, runId);
    const key = `${projectId}/${runId}`;
    const next = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const run = runSummarySchema.parse(JSON.parse(await readFile(join(dir, RUN_FILES.summary), 'utf8').catch(missing(runId))));
        const changed = runSummarySchema.parse(change(run));
        await writeFileAtomic(join(dir, RUN_FILES.summary), `${JSON.stringify(changed, null, 2)}\n`);
        return changed;
      });
    this.queues.set(key, next);
    void next
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  private count(projectId: string): number {
    try {
      return readdirSync(this.runsDir(projectId)).filter((n) => ID.test(n)).length;
    } catch {
      return 0;
    }
  }

  /** "Run N": one more than the highest number so far, so deleting a run in the middle does not repeat a later name. */
  private nextNumber(projectId: string): number {
    let highest = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.runsDir(projectId)).filter((n) => ID.test(n));
    } catch {
      // the project's first run
    }
    for (const n of names) {
      try {
        const name = (JSON.parse(readFileSync(join(this.runsDir(projectId), n, RUN_FILES.summary), 'utf8')) as { name?: unknown }).name;
        const m = typeof name === 'string' ? /^Run (\d+)\b/.exec(name) : null;
        highest = Math.max(highest, m ? Number(m[1]) : 0);
      } catch {
        // unreadable: it does not count
      }
    }
    return Math.max(highest, names.length) + 1;
  }
}

import type { EngineCommand } from '../../app/protocol/engine';
import { pretrainedReplySchema, type PretrainedSourcesReply } from '../../app/protocol/pretrained';
import { SHIPPED_MODELS } from '../../app/transfer/shipped';
import { ZOO_IDS, type PretrainedSource, type ZooId } from '../../app/transfer/sources';
import type { SourceSummary } from '../../app/transfer/summary';
import { ZOO } from '../../app/transfer/zoo';
import { downloadsDir } from '../data-dir';
import { zooCacheDir, zooCached } from '../transfer/zoo';
import { askEngineOnce } from './engine-once';
import type { EngineLauncher } from './engine-process';
import type { RunStore } from './run-store';

/** Reading a model takes seconds; VGG16's 528 MB on a slow line takes long, but not this long. */
export const INSPECT_TIMEOUT_MS = 30 * 60_000;

interface Progress {
  readonly files: Map<string, { received: number; total: number | null }>;
}

/**
 * Lists and reads pretrained sources for the inspector. Reading one (and downloading a zoo model first) runs in
 * an engine process of its own: model files are hostile, and tfjs belongs to the engine. Progress of a download
 * is kept here, so any window can show it by asking for the sources again.
 */
export class PretrainedSources {
  private readonly downloads = new Map<ZooId, Progress>();
  private readonly pending = new Map<string, Promise<SourceSummary>>();

  constructor(
    private readonly launch: EngineLauncher,
    private readonly store: RunStore,
    private readonly timeoutMs = INSPECT_TIMEOUT_MS,
  ) {}

  private get cacheDir(): string {
    return downloadsDir(this.store.dataDir);
  }

  async list(): Promise<PretrainedSourcesReply> {
    const zoo = await Promise.all(
      ZOO_IDS.map(async (id) => {
        const entry = ZOO[id];
        const d = this.downloads.get(id);
        const files = d ? [...d.files.values()] : [];
        const total = files.every((f) => f.total !== null) ? files.reduce((s, f) => s + f.total!, 0) : null;
        return {
          id,
          label: entry.label,
          megabytes: entry.megabytes,
          card: entry.card,
          cached: await zooCached(id, zooCacheDir(this.cacheDir)),
          downloading: d ? { received: files.reduce((s, f) => s + f.received, 0), total } : null,
        };
      }),
    );
    return { shipped: SHIPPED_MODELS.map((m) => ({ ...m })), zoo };
  }

  /** The source's layers; the same source asked twice at once shares one engine (one download). */
  inspect(source: PretrainedSource, projectId?: string): Promise<SourceSummary> {
    if (source.kind === 'run' && !projectId) return Promise.reject(new Error('Save or train the project first: its earlier runs are found through it.'));
    const key = JSON.stringify([source, projectId]);
    const running = this.pending.get(key);
    if (running) return running;
    const command: EngineCommand = {
      type: 'pretrained',
      source,
      cacheDir: this.cacheDir,
      ...(projectId ? { runsDir: this.store.runsDir(projectId) } : {}),
    };
    const progress: Progress | null = source.kind === 'zoo' ? { files: new Map() } : null;
    if (progress && source.kind === 'zoo') this.downloads.set(source.model, progress);
    const done = this.inEngine(command, progress).finally(() => {
      this.pending.delete(key);
      if (source.kind === 'zoo') this.downloads.delete(source.model);
    });
    this.pending.set(key, done);
    return done;
  }

  private inEngine(command: EngineCommand, progress: Progress | null): Promise<SourceSummary> {
    return askEngineOnce(this.launch, command, {
      timeoutMs: this.timeoutMs,
      what: 'Reading the model',
      read: (raw) => {
        const reply = pretrainedReplySchema.safeParse(raw);
        if (!reply.success) return null;
        const r = reply.data;
        switch (r.type) {
          case 'pretrained.progress':
            progress?.files.set(r.file, { received: r.received, total: r.total });
            return null;
          case 'pretrained.done':
            return { done: r.summary };
          case 'pretrained.failed':
            return { failed: r.message };
        }
      },
    });
  }
}

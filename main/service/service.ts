import type { z } from 'zod';
import { REQUESTS, isRequestKind, type Reply, type RequestKind } from '../../app/protocol/requests';
import type { HostEvent } from '../../app/protocol/events';
import { confineDataPayload, confineDocument, restoreTypedPath } from './confine';
import { dataHandlers, type PickPath } from './data';
import { DataWorker } from './data-worker';
import type { EngineLauncher } from './engine-process';
import { defaultDataDir, type AppPaths } from './paths';
import { RunStore } from './run-store';
import { RunManager } from './runs';
import { Evaluator } from './evaluate';
import { EngineReports } from './engines';
import { listAllRuns } from './all-runs';
import { Playground } from './playground';
import { PretrainedSources } from './pretrained';
import { listTemplates, readTemplate } from './templates';
import { exportFilesHandler } from '../export/service-export';
import { importPath, importUploaded } from '../import/service-import';
import type { Workspace } from './workspace';

/** Native file dialogs; only the desktop host has them. */
export interface FileDialogs {
  /** A project file's text, or the path of a model file (TF.js, Keras) the user chose, which the service imports. */
  open(): Promise<Reply<'project.open'> | { readonly canceled: false; readonly model: string }>;
  /** Saves to the file `handle` names (issued by open or save), or asks where. */
  save(text: string, suggestedName: string, handle?: string): Promise<Reply<'project.save'>>;
  /** Choose a data file or folder (your own data). */
  pickPath?: PickPath;
}

export interface ServiceOptions {
  readonly host: 'web' | 'electron';
  readonly version: string;
  readonly paths: AppPaths;
  /** Runs are recorded under <dataDir>/projects/<projectId>/runs/; default $LAYERLAB_DATA_DIR or ~/.layerlab. */
  readonly dataDir?: string;
  readonly launchEngine: EngineLauncher;
  readonly emit: (event: HostEvent) => void;
  readonly dialogs?: FileDialogs;
  /** The web host's data folder: every data path a request names must be inside it. The desktop has none (its paths come from dialogs). */
  readonly workspace?: Workspace;
  /**
   * The desktop: WebGPU runs compute in a hidden window's worker (Dawn cannot load in Electron's processes);
   * called with the run's id once it waits for that worker.
   */
  readonly openComputeWindow?: (runId: string) => void;
}

type Handlers = { [K in RequestKind]: (payload: z.output<(typeof REQUESTS)[K]['payload']>) => Promise<Reply<K>> };

/** The one service both hosts call. Every payload is validated here, whatever the transport. */
export function createService(opts: ServiceOptions) {
  const store = new RunStore(opts.dataDir ?? defaultDataDir());
  const runs = new RunManager(opts.launchEngine, opts.emit, store);
  const evaluator = new Evaluator(opts.launchEngine, store);
  const playground = new Playground(opts.launchEngine, store);
  const pretrained = new PretrainedSources(opts.launchEngine, store);
  const engines = new EngineReports(opts.launchEngine);
  const needDialogs = (): FileDialogs => {
    if (!opts.dialogs) throw new Error('Files are opened and saved by the browser in the web host.');
    return opts.dialogs;
  };
  const data = confinedData(dataHandlers(new DataWorker(opts.paths.dataWorker), opts.dialogs?.pickPath?.bind(opts.dialogs)), opts.workspace);
  const handlers: Handlers = {
    'app.info': () => Promise.resolve({ version: opts.version, host: opts.host, files: opts.dialogs ? 'native' : 'browser' }),
    'templates.list': async () => ({ templates: await listTemplates(opts.paths.templates) }),
    'templates.get': async ({ id }) => ({ text: await readTemplate(opts.paths.templates, id) }),
    // Synchronous work: handle() awaits each handler, so a throw here still becomes an error reply.
    'run.start': ({ document, backend, continueFrom, python, compute }) => {
      if (compute && backend && backend !== 'webgpu') throw new Error(`A run computed in the browser runs on WebGPU, not ${backend}.`);
      const inWindow = backend === 'webgpu' && opts.openComputeWindow !== undefined;
      const where = compute ?? (inWindow ? 'browser' : undefined);
      const doc = opts.workspace ? confineDocument(opts.workspace, document) : document;
      const runId = runs.start(doc, backend, continueFrom, { ...(python ? { python } : {}), ...(where ? { compute: where } : {}) });
      if (inWindow) opts.openComputeWindow(runId);
      return Promise.resolve({ runId });
    },
    'engines.report': ({ python, refresh }) => engines.report(python, refresh),
    'run.stop': ({ runId }) => Promise.resolve({ stopped: runs.stop(runId) }),
    'run.pause': ({ runId }) => Promise.resolve({ ok: runs.control(runId, 'pause') }),
    'run.resume': ({ runId }) => Promise.resolve({ ok: runs.control(runId, 'resume') }),
    'run.step': ({ runId }) => Promise.resolve({ ok: runs.control(runId, 'step') }),
    'run.active': () => Promise.resolve({ run: runs.activeInfo() }),
    'runs.list': async ({ projectId }) => ({ runs: await store.list(projectId) }),
    'runs.get': async ({ projectId, runId }) => store.get(projectId, runId),
    'runs.update': async ({ projectId, runId, name, notes }) => ({
      run: await store.update(projectId, runId, { ...(name !== undefined ? { name } : {}), ...(notes !== undefined ? { notes } : {}) }),
    }),
    'runs.delete': async ({ projectId, runId }) => ({ deleted: await store.delete(projectId, runId) }),
    'playground.predict': async ({ projectId, runId, input }) => ({ result: await playground.predict({ projectId, runId }, input) }),
    'playground.features': async ({ projectId, runId, input, layer }) => ({ features: await playground.features({ projectId, runId }, input, layer) }),
    'playground.attention': async ({ projectId, runId, input, layer }) => ({ attention: await playground.attention({ projectId, runId }, input, layer) }),
    'runs.all': async () => ({ projects: await listAllRuns(store) }),
    'run.evaluate': async ({ projectId, runId, weights }) => evaluator.evaluate({ projectId, runId, ...(weights ? { weights } : {}) }),
    // Your own data: inspect, import, relocate, and the desktop's file/folder picker.
    ...data,
    'project.open': async () => {
      const chosen = await needDialogs().open();
      if (!('model' in chosen)) return chosen;
      const { text, report } = await importPath(chosen.model, store);
      return { canceled: false, path: chosen.model, text, imported: report };
    },
    'model.import': async ({ files }) => importUploaded(files, store),
    'project.save': async ({ text, suggestedName, handle }) => needDialogs().save(text, suggestedName, handle),
    'export.files': exportFilesHandler(opts.paths.root, store),
    'pretrained.sources': () => pretrained.list(),
    'pretrained.inspect': async ({ source, projectId }) => ({
      summary: await pretrained.inspect(
        opts.workspace && source.kind === 'file' ? { ...source, path: opts.workspace.resolve(source.path) } : source,
        projectId,
      ),
    }),
  };

  async function handle(kind: unknown, payload: unknown): Promise<unknown> {
    if (!isRequestKind(kind)) throw new Error(`Unknown request "${String(kind).slice(0, 60)}".`);
    const parsed = REQUESTS[kind].payload.safeParse(payload);
    if (!parsed.success) throw new Error(`Invalid ${kind} request: ${parsed.error.issues[0]?.message ?? 'bad payload'}`);
    const handler = handlers[kind] as (p: unknown) => Promise<unknown>;
    return REQUESTS[kind].reply.parse(await handler(parsed.data));
  }

  return { handle, runs, store };
}

export type Service = ReturnType<typeof createService>;

type DataHandlers = ReturnType<typeof dataHandlers>;

/** With a workspace, the data requests read only inside it; their replies keep the path as typed. */
function confinedData(h: DataHandlers, ws: Workspace | undefined): DataHandlers {
  if (!ws) return h;
  return {
    ...h,
    'data.inspect': async (p) => restoreTypedPath(await h['data.inspect'](confineDataPayload(ws, p)), p.settings),
    'data.import': async (p) => restoreTypedPath(await h['data.import'](confineDataPayload(ws, p)), p.settings),
    'data.relocate': async (p) => h['data.relocate'](confineDataPayload(ws, p)),
  };
}

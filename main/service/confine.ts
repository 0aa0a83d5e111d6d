import type { DataSettings } from '../../app/data/catalog';
import { isUserDataset } from '../../app/data/source';
import type { ProjectDoc } from '../../app/document/schema';
import type { Workspace } from './workspace';

interface DataPayload {
  settings: DataSettings;
  baseDir?: string | undefined;
}

/** The settings with their source path replaced by its real path inside the workspace (throws when outside). */
function confinedSettings(ws: Workspace, settings: DataSettings, baseDir: string | undefined): DataSettings {
  const path = settings.source?.path;
  if (!settings.source || !path) return settings;
  return { ...settings, source: { ...settings.source, path: ws.resolve(path, baseDir) } };
}

/**
 * The data requests of a web host, each path checked against the workspace before anything reads it. The
 * reply keeps the path as the user typed it, so the Data panel's field does not change under them.
 */
export function confineDataPayload<P extends DataPayload>(ws: Workspace, payload: P): P {
  const { baseDir, ...rest } = payload;
  const settings = confinedSettings(ws, payload.settings, baseDir);
  const out = { ...rest, settings } as P;
  if ('path' in payload && typeof payload.path === 'string') (out as P & { path: string }).path = ws.resolve(payload.path, baseDir);
  return out;
}

export function restoreTypedPath<R extends { settings: DataSettings }>(reply: R, typed: DataSettings): R {
  if (!typed.source || !reply.settings.source) return reply;
  return { ...reply, settings: { ...reply.settings, source: { ...reply.settings.source, path: typed.source.path } } };
}

/** A pretrained node's model file is read by the engine too: its path must be inside the workspace. */
function confinedNodes(ws: Workspace, doc: ProjectDoc): ProjectDoc['graph']['nodes'] {
  return doc.graph.nodes.map((n) => {
    const source = (n.params as { source?: { kind?: unknown; path?: unknown } }).source;
    if (n.type !== 'PretrainedModel' || source?.kind !== 'file' || typeof source.path !== 'string') return n;
    return { ...n, params: { ...n.params, source: { ...source, path: ws.resolve(source.path) } } };
  });
}

/** A document to train: every path in it (its data source, a pretrained node's model file) is read by the engine, so it is confined too. */
export function confineDocument(ws: Workspace, doc: ProjectDoc): ProjectDoc {
  const graph = { ...doc.graph, nodes: confinedNodes(ws, doc) };
  if (!isUserDataset(doc.data.dataset)) return { ...doc, graph };
  return { ...doc, graph, data: confinedSettings(ws, doc.data, undefined) };
}

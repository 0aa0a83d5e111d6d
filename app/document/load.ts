import { z } from 'zod';
import { getLayer } from '../layers/registry';
import { MIGRATIONS } from './migrations';
import { CURRENT_VERSION, FORMAT, projectSchema, type ProjectDoc } from './schema';

export type LoadResult = { ok: true; doc: ProjectDoc; warnings: string[] } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.join('.') : 'document';
  return `${where}: ${issue.message}`;
}

/** Reads a project file's text: parse, migrate, validate, then repair what is safe and report it. */
export function loadProjectText(text: string): LoadResult {
  let json: unknown;
  try {
    // Notepad and some exporters start UTF-8 files with a byte-order mark; JSON.parse refuses it.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: `This is not a LayerLab project: the file is not valid JSON (${(e as Error).message}).` };
  }
  return loadProject(json);
}

export function loadProject(json: unknown): LoadResult {
  if (!isRecord(json) || json.format !== FORMAT) {
    return { ok: false, error: `This is not a LayerLab project: expected "format": "${FORMAT}".` };
  }
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'This project has no valid "version" number.' };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      error: `This project was saved by a newer LayerLab (file version ${version}, this app reads up to ${CURRENT_VERSION}). Update LayerLab to open it.`,
    };
  }
  let doc: Record<string, unknown> = json;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const migrate = MIGRATIONS[v - 1];
    if (!migrate) return { ok: false, error: `No migration from version ${v}.` };
    doc = { ...migrate(doc), version: v + 1 };
  }
  const parsed = projectSchema.safeParse(doc);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 5).map(describeIssue).join('; ');
    return { ok: false, error: `This project file is damaged: ${details}.` };
  }
  return repair(parsed.data);
}

/** Fixes what can be fixed without guessing the user's intent, and says what was done. */
function repair(doc: ProjectDoc): LoadResult {
  const warnings: string[] = [];
  const unknown = doc.graph.nodes.filter((n) => !getLayer(n.type));
  if (unknown.length > 0) {
    const names = [...new Set(unknown.map((n) => n.type))].join(', ');
    return { ok: false, error: `This project uses layers this version of LayerLab does not know: ${names}.` };
  }
  const ids = new Set<string>();
  const nodes = doc.graph.nodes.filter((n) => {
    if (ids.has(n.id)) {
      warnings.push(`Removed a second node with id "${n.id}".`);
      return false;
    }
    ids.add(n.id);
    return true;
  });
  const repairedNodes = nodes.map((n) => {
    const def = getLayer(n.type)!;
    const parsed = def.params.safeParse(n.params);
    // Keys the layer does not know stay in the document (the analysis names them, "did you
    // mean …?"); the schema would strip them, and a misspelling would vanish without a word.
    const extra = Object.fromEntries(Object.entries(n.params).filter(([k]) => !Object.hasOwn(def.params.shape, k)));
    if (parsed.success) return { ...n, params: { ...extra, ...parsed.data } };
    const defaults = def.params.parse({});
    const bad = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '?')))];
    warnings.push(`${n.name}: reset ${bad.join(', ')} to the default (the saved value was invalid).`);
    const kept = Object.fromEntries(Object.entries(n.params).filter(([k]) => !bad.includes(k)));
    return { ...n, params: { ...extra, ...def.params.parse({ ...defaults, ...kept }) } };
  });
  const edgeIds = new Set<string>();
  const edges = doc.graph.edges.filter((e) => {
    if (!ids.has(e.source) || !ids.has(e.target)) {
      warnings.push(`Removed a connection to a missing node (${e.source} → ${e.target}).`);
      return false;
    }
    if (edgeIds.has(e.id)) {
      warnings.push(`Removed a duplicate connection "${e.id}".`);
      return false;
    }
    edgeIds.add(e.id);
    return true;
  });
  return { ok: true, doc: { ...doc, graph: { nodes: repairedNodes, edges } }, warnings };
}

export function serializeProject(doc: ProjectDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProjectText } from '../../app/document/load';
import { FILE_EXTENSION } from '../../app/document/schema';
import { templateFileSchema } from '../../app/document/template';
import type { TemplateSummary } from '../../app/protocol/requests';

/** A template that does not load or lacks its gallery metadata is left out, with the reason on the console. */
export async function readTemplateSummary(dir: string, file: string): Promise<TemplateSummary | string> {
  const text = await readFile(join(dir, file), 'utf8');
  const loaded = loadProjectText(text);
  if (!loaded.ok) return `${file}: ${loaded.error}`;
  const meta = templateFileSchema.safeParse(JSON.parse(text));
  if (!meta.success) return `${file}: ${meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  const { summary, tags, level } = meta.data.template;
  return {
    id: file.slice(0, -FILE_EXTENSION.length),
    name: loaded.doc.name,
    description: loaded.doc.description,
    summary,
    tags,
    level,
    picture: {
      nodes: loaded.doc.graph.nodes.map((n) => ({ id: n.id, type: n.type, x: n.position.x, y: n.position.y, role: n.role })),
      edges: loaded.doc.graph.edges.map((e) => ({ source: e.source, target: e.target })),
    },
  };
}

/** Templates are project files in resources/templates; the id is the file name without extension. */
export async function listTemplates(dir: string): Promise<TemplateSummary[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(FILE_EXTENSION)).sort();
  const out: TemplateSummary[] = [];
  for (const file of files) {
    const summary = await readTemplateSummary(dir, file);
    if (typeof summary === 'string') console.warn(`LayerLab: template skipped: ${summary}`);
    else out.push(summary);
  }
  return out;
}

export async function readTemplate(dir: string, id: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`No template called "${id}".`);
  try {
    return await readFile(join(dir, `${id}${FILE_EXTENSION}`), 'utf8');
  } catch {
    throw new Error(`No template called "${id}".`);
  }
}

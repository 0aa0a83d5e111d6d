// Lays out every template with the editor's own Layout command (elkjs, top to bottom) and
// rewrites only the node positions in resources/templates/*.json, keeping each file's formatting.
// Run: npx tsx scripts/layout-templates.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectSchema } from '../app/document/schema';
import { layoutGraph } from '../app/layout/auto-layout';

const DIR = join(import.meta.dirname, '..', 'resources', 'templates');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.layerlab.json'))) {
  const path = join(DIR, file);
  let text = readFileSync(path, 'utf8');
  const doc = projectSchema.parse(JSON.parse(text));
  const placed = await layoutGraph(doc.graph, { direction: 'TB' });
  for (const node of doc.graph.nodes) {
    const p = placed.get(node.id);
    if (!p) throw new Error(`${file}: ${node.id} was not laid out`);
    const re = new RegExp(`("id":\\s*"${escape(node.id)}"[\\s\\S]*?"position":\\s*)\\{[^}]*\\}`);
    if (!re.test(text)) throw new Error(`${file}: no position for ${node.id}`);
    text = text.replace(re, `$1{ "x": ${p.x}, "y": ${p.y} }`);
  }
  const check = projectSchema.parse(JSON.parse(text));
  for (const n of check.graph.nodes) {
    const p = placed.get(n.id);
    if (p?.x !== n.position.x || p.y !== n.position.y) throw new Error(`${file}: ${n.id} was not rewritten`);
  }
  writeFileSync(path, text);
  console.log(`${file}: ${doc.graph.nodes.length} nodes laid out`);
}

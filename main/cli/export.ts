import { dirname, resolve } from 'node:path';
import { formatCount } from '../../app/analysis/summary';
import { EXPORT_TARGETS, type ExportTarget } from '../../app/export/target';
import { prepareExport, writeExport } from '../export/export-folder';
import { projectIdForPath, RunStore } from '../service/run-store';
import { CliError } from './errors';
import { readProjectFile } from './project-file';

export interface ExportOptions {
  readonly to: string | undefined;
  readonly out: string | undefined;
  readonly run: string | undefined;
  readonly dataDir: string;
  readonly root: string;
}

const isTarget = (v: string): v is ExportTarget => (EXPORT_TARGETS as readonly string[]).includes(v);

/** `layerlab export FILE --to pytorch|keras|tfjs [-o DIR] [--run ID|last]`: writes the export; returns the exit code. */
export async function exportCommand(path: string, o: ExportOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (!o.to || !isTarget(o.to)) throw new CliError(`--to must be one of ${EXPORT_TARGETS.join(', ')}${o.to ? `, got "${o.to}"` : ''}`);
  const { doc, warnings } = await readProjectFile(path);
  for (const w of warnings) err(`warning: ${w}`);
  const outDir = resolve(o.out ?? `${o.to}-export`);
  const runsDir = o.run ? new RunStore(o.dataDir).runsDir(doc.id ?? projectIdForPath(resolve(path))) : undefined;
  let prepared;
  try {
    prepared = await prepareExport({ doc, target: o.to, root: o.root, baseDir: dirname(resolve(path)), ...(runsDir && o.run ? { runsDir, run: o.run } : {}) });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const written = await writeExport(prepared, outDir);
  out(
    `Exported ${doc.name} to ${o.to} in ${outDir}${prepared.runId ? ` with the weights of run ${prepared.runId}` : ''}: ${formatCount(prepared.totalParams)} parameters.`,
  );
  for (const f of written) out(`  ${f}`);
  return 0;
}

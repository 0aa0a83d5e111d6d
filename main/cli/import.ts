import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { serializeProject } from '../../app/document/load';
import { FILE_EXTENSION } from '../../app/document/schema';
import { ImportError } from '../../app/import/errors';
import { reportLines } from '../../app/import/report';
import { importModelFile } from '../import/import-file';
import { writeFileAtomic } from '../service/files';
import { RunStore } from '../service/run-store';
import { CliError } from './errors';

export interface ImportOptions {
  readonly out: string | undefined;
  readonly dataDir: string;
}

/** `model.json` → `model.layerlab.json`, `lenet.keras` → `lenet.layerlab.json`, in the current folder. */
function defaultOut(path: string): string {
  return resolve(`${basename(path).replace(/\.(json|keras)$/i, '') || 'imported'}${FILE_EXTENSION}`);
}

/**
 * `layerlab import FILE [-o PROJECT]`: a TF.js model.json, a Keras model JSON or a .keras archive as a new project
 * file; weights become the project's first run under --data-dir, which `train --continue`, `evaluate` and `export --run` read.
 */
export async function importCommand(path: string, o: ImportOptions, out: (line: string) => void): Promise<number> {
  const target = o.out ? resolve(o.out) : defaultOut(path);
  if (existsSync(target)) throw new CliError(`${target} exists; choose another name with -o.`);
  let imported;
  try {
    imported = await importModelFile(resolve(path), new RunStore(o.dataDir));
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(e.message);
    throw e;
  }
  await writeFileAtomic(target, serializeProject(imported.doc));
  out(`Imported ${path} as ${target}.`);
  for (const line of reportLines(imported.report)) out(`  ${line}`);
  if (imported.report.weightsRun) out(`  Run id: ${imported.report.weightsRun} (use --run ${imported.report.weightsRun} or --run last).`);
  return 0;
}

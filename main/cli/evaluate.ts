import { resolve } from 'node:path';
import type { BackendName } from '../../app/protocol/backend';
import type { Evaluation, EvaluationReport } from '../../app/protocol/evaluation';
import { Evaluator } from '../service/evaluate';
import { forkEngine } from '../service/fork-engine';
import type { AppPaths } from '../service/paths';
import { projectIdForPath, RunStore } from '../service/run-store';
import { CliError } from './errors';
import { readProjectFile } from './project-file';

export interface EvaluateCliOptions {
  /** "last" (the newest run with weights) or a run id. */
  readonly run: string;
  readonly weights: 'last' | 'best';
  readonly json: boolean;
  readonly dataDir: string;
  readonly backend?: BackendName;
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const num = (v: number) => (Math.abs(v) >= 1000 || Math.abs(v) < 0.001 ? v.toExponential(3) : v.toFixed(4));

/** What a terminal or a script needs: the numbers, never the pictures. */
export function compactResult(r: Evaluation): Record<string, unknown> {
  switch (r.kind) {
    case 'classification':
      return {
        kind: r.kind,
        split: r.split,
        accuracy: r.accuracy,
        loss: r.loss,
        macroF1: r.macroF1,
        classes: r.classNames,
        perClass: r.perClass.map((s, c) => ({ class: r.classNames[c], ...s })),
        confusion: r.confusion,
      };
    case 'regression':
      return { kind: r.kind, split: r.split, target: r.target, ...r.scores, ...(r.forecast ? { byHorizon: r.forecast.byHorizon } : {}) };
    case 'reconstruction':
      return { kind: r.kind, split: r.split, mse: r.mse, mae: r.mae };
    case 'sequence':
      return { kind: r.kind, split: r.split, exactMatch: r.exactMatch, tokenAccuracy: r.tokenAccuracy, examples: r.rows.slice(0, 5) };
    case 'gan':
      return { kind: r.kind, latentSize: r.latentSize, note: 'A GAN is judged by its samples: open the run in LayerLab to see them.' };
  }
}

/** The confusion matrix as aligned text, truth down the side and predictions across. */
function matrixLines(r: Extract<Evaluation, { kind: 'classification' }>): string[] {
  const names = r.classNames.map((n) => n.slice(0, 10));
  const width = Math.max(5, ...names.map((n) => n.length), ...r.confusion.flat().map((n) => String(n).length)) + 1;
  const pad = (s: string) => s.padStart(width);
  const lines = [`${pad('')} ${names.map(pad).join('')}   ← predicted`];
  r.confusion.forEach((row, i) => lines.push(`${pad(names[i]!)} ${row.map((n) => pad(String(n))).join('')}`));
  return lines;
}

function humanLines(report: EvaluationReport): string[] {
  const r = report.result;
  const head = `Evaluated run ${report.runId} (${report.weights} weights${report.epoch !== null ? `, epoch ${report.epoch}` : ''}) with ${report.backend} in ${report.seconds.toFixed(1)}s`;
  switch (r.kind) {
    case 'classification':
      return [
        head,
        `On ${r.split.description}:`,
        `  accuracy ${pct(r.accuracy)}   loss ${num(r.loss)}   macro F1 ${num(r.macroF1)}`,
        '',
        `  ${'class'.padEnd(12)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}${'support'.padStart(10)}`,
        ...r.perClass.map(
          (s, c) =>
            `  ${r.classNames[c]!.slice(0, 12).padEnd(12)}${num(s.precision).padStart(10)}${num(s.recall).padStart(10)}${num(s.f1).padStart(10)}${String(s.support).padStart(10)}`,
        ),
        '',
        'Confusion matrix (rows: true class):',
        ...matrixLines(r),
      ];
    case 'regression':
      return [
        head,
        `On ${r.split.description}, ${r.target}:`,
        `  MAE ${num(r.scores.mae)}   RMSE ${num(r.scores.rmse)}   R² ${num(r.scores.r2)}   (${r.scores.count} predictions)`,
        ...(r.forecast ? ['  Mean absolute error by steps ahead: ' + r.forecast.byHorizon.map((h) => `${h.step}: ${num(h.mae)}`).join('  ')] : []),
      ];
    case 'reconstruction':
      return [head, `On ${r.split.description}:`, `  reconstruction MSE ${num(r.mse)}   MAE ${num(r.mae)}`];
    case 'sequence':
      return [
        head,
        `On ${r.split.description}:`,
        `  exact match ${pct(r.exactMatch)}   token accuracy ${pct(r.tokenAccuracy)}`,
        ...r.rows.slice(0, 5).map((row) => `  ${row.input} → ${row.decoded} ${row.exact ? '✓' : `✗ (want ${row.target})`}`),
      ];
    case 'gan':
      return [head, `  A GAN has no test labels; open the run in LayerLab to see its sample grid and latent interpolation.`];
  }
}

/** Scores a recorded run of a project file on its test split; returns the exit code. */
export async function evaluateCommand(
  path: string,
  opts: EvaluateCliOptions,
  paths: AppPaths,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { doc, warnings } = await readProjectFile(path);
  for (const w of warnings) err(`warning: ${w}`);
  // The same project id `train` records the file's runs under.
  const projectId = doc.id ?? projectIdForPath(resolve(path));
  const store = new RunStore(opts.dataDir);
  let runId = opts.run;
  if (runId === 'last') {
    const runs = await store.list(projectId);
    const latest = runs.find((r) => r.weights.last || r.status === 'running');
    if (!latest) {
      throw new CliError(
        runs.length === 0
          ? `No recorded runs of ${path} in ${opts.dataDir}. Train it first: layerlab train ${path}`
          : `None of the ${runs.length} recorded runs of ${path} saved weights. Train it for at least one epoch first.`,
      );
    }
    runId = latest.id;
  }
  const evaluator = new Evaluator(forkEngine(paths.engine), store);
  let report: EvaluationReport;
  try {
    report = await evaluator.evaluate({ projectId, runId, weights: opts.weights, onProgress: err, ...(opts.backend ? { backend: opts.backend } : {}) });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (opts.json) {
    const { result, ...about } = report;
    out(JSON.stringify({ ...about, ...compactResult(result) }));
  } else {
    for (const line of humanLines(report)) out(line);
  }
  return 0;
}

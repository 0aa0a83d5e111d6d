import { z } from 'zod';

/** What an import did, as the UI and the CLI show it beside the new project. */
export const importReportSchema = z.object({
  /** The model file's name. */
  file: z.string(),
  /** "a TF.js layers model", "a Keras 3 model config"… */
  source: z.string(),
  layers: z.int().min(0),
  /** Layers of the file not in the graph: LayerLab lacks them or cannot represent their settings. */
  gaps: z.array(z.object({ name: z.string(), className: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** The run that holds the imported weights, when the file had weights and they were attached. */
  weightsRun: z.string().nullable(),
  /** Why the file's weights were not attached, when it had some. */
  weightsNote: z.string().nullable(),
  totalParams: z.int().min(0),
});
export type ImportReport = z.output<typeof importReportSchema>;

/** The report as lines for a notification or a terminal. */
export function reportLines(r: ImportReport): string[] {
  const lines = [`${r.file}: ${r.source}, ${r.layers} layers imported, ${r.totalParams.toLocaleString('en-US')} parameters.`];
  if (r.weightsRun) lines.push('Its weights are attached as the run "Imported weights": evaluate it, try it, or continue training from it.');
  if (r.weightsNote) lines.push(r.weightsNote);
  for (const g of r.gaps) lines.push(`Not imported: ${g.name} (${g.className}): ${g.reason}.`);
  lines.push(...r.warnings);
  return lines;
}

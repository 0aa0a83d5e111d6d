import { z } from 'zod';
import { dataSettingsSchema } from '../data/catalog';
import { COLUMN_ROLES, COLUMN_TYPES } from '../data/source';

/** Something wrong with the user's data, placed as exactly as known. */
export const dataProblemSchema = z.object({
  file: z.string(),
  line: z.int().optional(),
  column: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type DataProblemWire = z.output<typeof dataProblemSchema>;

/** A change to the data settings the UI can offer as one click: replace the data settings with `settings`. */
export const dataSuggestionSchema = z.object({ message: z.string(), label: z.string().optional(), settings: dataSettingsSchema.optional() });

export const classCountSchema = z.object({ label: z.string(), count: z.int() });

const csvPreview = z.object({
  kind: z.literal('csv'),
  delimiter: z.string(),
  header: z.boolean(),
  columns: z.array(
    z.object({
      name: z.string(),
      /** What the values look like; `type` is what the settings say (the user may override). */
      detected: z.enum(COLUMN_TYPES),
      type: z.enum(COLUMN_TYPES),
      role: z.enum(COLUMN_ROLES),
      missing: z.int(),
      distinct: z.int(),
      /** True when there were more distinct values than were counted. */
      manyDistinct: z.boolean(),
    }),
  ),
  /** The first data rows as text, and their line numbers in the file. */
  rows: z.array(z.array(z.string())),
  lines: z.array(z.int()),
  rowsScanned: z.int(),
  /** False when only the start of a large file was scanned. */
  complete: z.boolean(),
  task: z.enum(['classification', 'regression']).nullable(),
});

const imagePreview = z.object({
  kind: z.literal('images'),
  size: z.tuple([z.int(), z.int()]),
  color: z.enum(['grayscale', 'rgb']),
  /** A few images per class, as the network will see them (resized), scaled up for display. */
  samples: z.array(z.object({ label: z.string(), file: z.string(), dataUrl: z.string() })),
  /** The first samples again after a random augmentation, when augmentation is on. */
  augmented: z.array(z.object({ label: z.string(), file: z.string(), dataUrl: z.string() })),
});

const textPreview = z.object({
  kind: z.literal('text'),
  layout: z.enum(['csv', 'folders']),
  samples: z.array(z.object({ label: z.string(), where: z.string(), text: z.string(), tokens: z.array(z.string()), ids: z.array(z.int()) })),
  vocabularySize: z.int(),
  sequenceLength: z.int(),
  /** Share of texts longer than the sequence length (cut). */
  truncatedShare: z.number(),
});

const seriesPreview = z.object({
  kind: z.literal('series'),
  columns: z.array(z.string()),
  head: z.array(z.array(z.string())),
  /** One target column for a line plot, every `step`-th row. */
  plot: z.object({ column: z.string(), step: z.int(), values: z.array(z.number()), times: z.array(z.number()) }),
  /** The first window in row numbers: inputs [start, end), the predicted row `target`. */
  window: z.object({ start: z.int(), end: z.int(), target: z.int() }),
  windows: z.int(),
});

export const dataPreviewSchema = z.discriminatedUnion('kind', [csvPreview, imagePreview, textPreview, seriesPreview]);
export type DataPreview = z.output<typeof dataPreviewSchema>;

/** Whether the data is still what was imported. */
export const dataStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('new') }),
  z.object({ state: z.literal('same') }),
  z.object({ state: z.literal('changed'), message: z.string() }),
  z.object({ state: z.literal('gone'), message: z.string() }),
]);

export const dataInspectReplySchema = z.object({
  resolvedPath: z.string(),
  status: dataStatusSchema,
  /** Null when the data could not be read at all; `problems` says why. */
  preview: dataPreviewSchema.nullable(),
  classBalance: z.array(classCountSchema),
  problems: z.array(dataProblemSchema),
  /** Problems not listed because there were too many. */
  moreProblems: z.int(),
  suggestions: z.array(dataSuggestionSchema),
  /** The settings completed with what was detected (columns, types, classes): what the column table edits. */
  settings: dataSettingsSchema,
});
export type DataInspectReply = z.output<typeof dataInspectReplySchema>;

export const dataImportReplySchema = z.object({
  /** Store these as the project's data settings: detected facts, the vocabulary and the fingerprint included. */
  settings: dataSettingsSchema,
  summary: z.object({ examples: z.int(), task: z.string(), inputs: z.string(), classes: z.array(classCountSchema) }),
  /** Warnings only: an import with errors fails with the first one's message. */
  problems: z.array(dataProblemSchema),
});
export type DataImportReply = z.output<typeof dataImportReplySchema>;

export const dataRelocateReplySchema = z.object({
  settings: dataSettingsSchema,
  /** True when the files at the new place are the ones imported. */
  same: z.boolean(),
  message: z.string(),
});

export const pickPathReplySchema = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), path: z.string() }),
]);
export type PickPathReply = z.output<typeof pickPathReplySchema>;

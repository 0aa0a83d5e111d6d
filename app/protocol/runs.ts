import { z } from 'zod';
import { projectSchema } from '../document/schema';
import { backendInfoSchema } from './backend';
import { dynamicsViewSchema } from './views';

export const RUN_STATUSES = ['running', 'completed', 'stopped', 'failed', 'interrupted'] as const;

/** Epoch metrics by Keras log key: loss, accuracy, val_loss, … and whatever else the run measured. */
export const epochLogsSchema = z
  .object({
    loss: z.number(),
    accuracy: z.number().optional(),
    val_loss: z.number().optional(),
    val_accuracy: z.number().optional(),
    mae: z.number().optional(),
    val_mae: z.number().optional(),
  })
  .catchall(z.number());
export type EpochLogs = z.output<typeof epochLogsSchema>;

/** One batch's losses; `values` holds the extra ones a mode reports (a GAN's d_loss and g_loss). */
export const batchPointSchema = z.object({
  step: z.int().min(0),
  epoch: z.int().min(0),
  loss: z.number(),
  values: z.record(z.string(), z.number()).optional(),
});
export type BatchPoint = z.output<typeof batchPointSchema>;

export const epochRecordSchema = z.object({ epoch: z.int().min(1), logs: epochLogsSchema, seconds: z.number(), learningRate: z.number().optional() });
export type EpochRecord = z.output<typeof epochRecordSchema>;

/** What a runs list shows about one run; stored as run.json in the run's folder. */
export const runSummarySchema = z.object({
  id: z.string().min(1),
  projectId: z.string().min(1),
  name: z.string(),
  notes: z.string(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  wallSeconds: z.number().min(0),
  epochs: z.int().min(1),
  epochsDone: z.int().min(0),
  backend: backendInfoSchema.nullable(),
  dataset: z.string(),
  /** Identifies the data the run saw (dataset settings, or file sizes and hashes for imported data). */
  fingerprint: z.string(),
  continuedFrom: z.string().nullable(),
  final: epochLogsSchema.nullable(),
  best: z.object({ epoch: z.int().min(1), monitor: z.string(), value: z.number() }).nullable(),
  weights: z.object({ last: z.boolean(), best: z.boolean() }),
  error: z.string().nullable(),
});
export type RunSummary = z.output<typeof runSummarySchema>;

/** A run in full: its summary, the document it trained, its metric history and the training dynamics it recorded. */
export const runDetailSchema = z.object({
  run: runSummarySchema,
  snapshot: projectSchema,
  batches: z.array(batchPointSchema),
  epochs: z.array(epochRecordSchema),
  /** One entry per recorded epoch, in order; empty for runs the views did not watch (GAN, RBM, older runs). */
  dynamics: z.array(dynamicsViewSchema),
});
export type RunDetail = z.output<typeof runDetailSchema>;

/**
 * The run the host is training now, as a window that did not start it needs to show it: what the
 * engine said at run.started (null until it has) and whether it is paused. Its history is in runs.get.
 */
export const activeRunSchema = z.object({
  runId: z.string().min(1),
  /** The project it belongs to; null when runs are not recorded. */
  projectId: z.string().nullable(),
  paused: z.boolean(),
  started: z
    .object({
      backend: backendInfoSchema,
      epochs: z.int().min(1),
      batchesPerEpoch: z.int().min(1),
      samples: z.object({ train: z.int(), validation: z.int() }),
      loss: z.string(),
      initialEpoch: z.int().min(0),
      continuedFrom: z.string().nullable(),
    })
    .nullable(),
});
export type ActiveRunInfo = z.output<typeof activeRunSchema>;

/** A small picture made during training: a reconstruction, a generated sample, an input. PNG as a data URL. */
export const sampleImageSchema = z.object({ png: z.string().startsWith('data:image/png;base64,'), caption: z.string().optional() });
export type SampleImage = z.output<typeof sampleImageSchema>;

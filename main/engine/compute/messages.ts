import { z } from 'zod';
import { dataSettingsSchema } from '../../../app/data/catalog';
import { projectSchema } from '../../../app/document/schema';
import { backendInfoSchema } from '../../../app/protocol/backend';
import { MAX_COMPUTE_FRAME } from '../../../app/protocol/engine';
import { batchPointSchema, epochRecordSchema, sampleImageSchema } from '../../../app/protocol/runs';
import { dynamicsViewSchema } from '../../../app/protocol/views';

/**
 * What the two halves of a browser-compute run say to each other. The worker (in Chromium, where WebGPU
 * is) runs the engine's skeleton and modes; the engine process keeps everything that touches the
 * machine: dataset files, pretrained models, the run's folder. Both sides validate what they receive.
 */

const buffer = z.instanceof(ArrayBuffer);

/** tfjs's model artifacts as they cross: a topology, its weight specs and one weights buffer. */
export const artifactsSchema = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z
    .array(
      z.object({
        name: z.string().max(500),
        shape: z.array(z.int().min(0)).max(8),
        dtype: z.enum(['float32', 'int32', 'bool']),
        group: z.enum(['model', 'optimizer']).optional(),
      }),
    )
    .max(20_000),
  weightData: buffer,
  format: z.string().max(100).optional(),
  generatedBy: z.string().max(200).optional(),
  convertedBy: z.string().max(200).nullable().optional(),
  userDefinedMetadata: z.record(z.string(), z.unknown()).optional(),
  /** The optimizer's config, saved with `last` so a continued run picks up its state. */
  trainingConfig: z.record(z.string(), z.unknown()).optional(),
});
export type WireArtifacts = z.output<typeof artifactsSchema>;

export const askSchema = z.discriminatedUnion('what', [
  /** The run's training data, as loadDataset(settings, validationSplit) gives it; only the run's own settings are served. */
  z.object({ what: z.literal('dataset'), settings: dataSettingsSchema, validationSplit: z.number().min(0).max(1) }),
  /** The i-th pretrained source the run's document names (app/transfer/plan documentSources). */
  z.object({ what: z.literal('pretrained'), index: z.int().min(0).max(100) }),
  /** The last checkpoint of the run this one continues. */
  z.object({ what: z.literal('resume') }),
  z.object({
    what: z.literal('checkpoint'),
    artifacts: artifactsSchema,
    which: z.enum(['last', 'best']),
    epoch: z.int().min(0).optional(),
    includesOptimizer: z.boolean(),
  }),
  z.object({ what: z.literal('samples'), epoch: z.int().min(0), kind: z.string().max(40), images: z.array(sampleImageSchema).max(256) }),
]);
export type Ask = z.output<typeof askSchema>;

/** Appends to the run's history: no answer, in order. */
export const recordSchema = z.discriminatedUnion('what', [
  z.object({ what: z.literal('batches'), points: z.array(batchPointSchema).max(10_000) }),
  z.object({ what: z.literal('epoch'), record: epochRecordSchema }),
  z.object({ what: z.literal('dynamics'), view: dynamicsViewSchema }),
]);
export type RecordCall = z.output<typeof recordSchema>;

export const workerMessageSchema = z.discriminatedUnion('t', [
  /** The worker has its GPU and the GPU passed parity: the backend the run will report. */
  z.object({ t: z.literal('ready'), backend: backendInfoSchema }),
  /** No usable WebGPU here: why, in words for the user. */
  z.object({ t: z.literal('unavailable'), message: z.string().max(2000) }),
  /** A HostEvent of the run; the engine process checks it against the event schema and the run id. */
  z.object({ t: z.literal('event'), event: z.unknown() }),
  z.object({ t: z.literal('ask'), id: z.int().min(0), ask: askSchema }),
  z.object({ t: z.literal('record'), record: recordSchema }),
  /** train() returned or threw; its last event (run.finished or run.failed) was sent before this. */
  z.object({ t: z.literal('done') }),
]);
export type WorkerMessage = z.output<typeof workerMessageSchema>;

/** What the worker's train() is given: the engine's TrainRequest, minus what only the engine process uses. */
export const computeRequestSchema = z.object({
  runId: z.string().max(100),
  document: projectSchema,
  /** Whether the run is recorded (checkpoints are then sent back) and whether it continues another. */
  recorded: z.boolean(),
  resumeEpochs: z.int().min(0).optional(),
});
export type ComputeRequest = z.output<typeof computeRequestSchema>;

export const engineMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('start'), request: computeRequestSchema }),
  z.object({ t: z.literal('control'), op: z.enum(['pause', 'resume', 'step', 'stop']) }),
  /** ok: `value` is the answer; else `message` says why, and `user` whether it is the user's to fix (a UserError). */
  z.object({
    t: z.literal('answer'),
    id: z.int().min(0),
    ok: z.boolean(),
    value: z.unknown().optional(),
    message: z.string().optional(),
    user: z.boolean().optional(),
  }),
]);
/** As the engine process writes it (the document before its defaults are filled) and as the worker reads it. */
export type EngineMessage = z.input<typeof engineMessageSchema>;
export type EngineMessageRead = z.output<typeof engineMessageSchema>;

/** Frames the worker sends are small (events, a checkpoint); the engine sends the dataset, which can be large. */
export const MAX_WORKER_FRAME = MAX_COMPUTE_FRAME;
export const MAX_ENGINE_FRAME = 2 * 1024 * 1024 * 1024 - 1;

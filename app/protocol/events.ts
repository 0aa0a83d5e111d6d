import { z } from 'zod';
import { backendInfoSchema } from './backend';
import { batchPointSchema, epochLogsSchema, sampleImageSchema } from './runs';
import { trainingViewSchema } from './views';

export { batchPointSchema, epochLogsSchema, type BatchPoint, type EpochLogs } from './runs';

export const EVENT_VERSION = 1;
const v = z.literal(EVENT_VERSION);
const runId = z.string().min(1);

/** Everything the Node side tells the UI, one discriminated union. */
export const hostEventSchema = z.discriminatedUnion('type', [
  z.object({
    v,
    type: z.literal('run.started'),
    runId,
    backend: backendInfoSchema,
    epochs: z.int().min(1),
    batchesPerEpoch: z.int().min(1),
    samples: z.object({ train: z.int(), validation: z.int() }),
    loss: z.string(),
    /** Where the run is recorded (metrics, checkpoints, images). */
    runDir: z.string().optional(),
    /** Epochs already done when continuing an earlier run. */
    initialEpoch: z.int().min(0).default(0),
    continuedFrom: z.string().optional(),
  }),
  /** Batch losses since the last event, throttled to what a chart can draw. */
  z.object({ v, type: z.literal('run.batches'), runId, points: z.array(batchPointSchema).min(1) }),
  /** Sent with each batch flush: where the run is and how fast it goes. */
  z.object({
    v,
    type: z.literal('run.progress'),
    runId,
    step: z.int().min(0),
    epoch: z.int().min(1),
    batch: z.int().min(0),
    batchesPerEpoch: z.int().min(1),
    samplesPerSecond: z.number().min(0),
    /** Share of wall time spent preparing data versus computing, since the last progress event. */
    dataMs: z.number().min(0),
    computeMs: z.number().min(0),
    elapsedSeconds: z.number().min(0),
    etaSeconds: z.number().min(0).nullable(),
    learningRate: z.number(),
  }),
  z.object({
    v,
    type: z.literal('run.epoch'),
    runId,
    epoch: z.int().min(1),
    epochs: z.int().min(1),
    logs: epochLogsSchema,
    seconds: z.number(),
    learningRate: z.number().optional(),
  }),
  z.object({ v, type: z.literal('run.paused'), runId, step: z.int().min(0) }),
  z.object({ v, type: z.literal('run.resumed'), runId }),
  /** Pictures that show what the model does now: reconstructions, generated samples, decoded sequences. */
  z.object({
    v,
    type: z.literal('run.samples'),
    runId,
    epoch: z.int().min(0),
    kind: z.enum(['reconstructions', 'generated', 'decoded']),
    images: z.array(sampleImageSchema),
    /** Decoded sequences as text, input → output. */
    lines: z.array(z.string()).optional(),
  }),
  z.object({ v, type: z.literal('run.log'), runId, level: z.enum(['info', 'warning']), message: z.string() }),
  /** What a view recorder saw inside the network (training dynamics, a decision boundary). */
  z.object({ v, type: z.literal('run.view'), runId, view: trainingViewSchema }),
  z.object({
    v,
    type: z.literal('run.finished'),
    runId,
    status: z.enum(['completed', 'stopped']),
    epochsDone: z.int().min(0),
    seconds: z.number(),
    /** Set when early stopping ended the run or restored the best weights. */
    note: z.string().optional(),
  }),
  z.object({ v, type: z.literal('run.failed'), runId, message: z.string(), detail: z.string().optional(), step: z.int().min(0).optional() }),
]);
export type HostEvent = z.output<typeof hostEventSchema>;
export type HostEventType = HostEvent['type'];
export type EventOf<T extends HostEventType> = Extract<HostEvent, { type: T }>;

/**
 * What the desktop shell tells the page, apart from runs: a native menu item that acts on the
 * document (the same actions as the keyboard shortcuts), or a project file the OS, the command
 * line or the Open Recent menu asked the running window to open. A union of its own, so run
 * consumers keep switching over run events only.
 */
export const shellEventSchema = z.discriminatedUnion('type', [
  z.object({ v, type: z.literal('menu.command'), command: z.enum(['project.new', 'project.open', 'project.save', 'project.saveAs', 'help.engines']) }),
  z.object({ v, type: z.literal('project.opened'), path: z.string(), text: z.string(), handle: z.string().regex(/^[a-f0-9]{32}$/) }),
]);
export type ShellEvent = z.output<typeof shellEventSchema>;
export type MenuCommand = Extract<ShellEvent, { type: 'menu.command' }>['command'];

import { z } from 'zod';
import { projectSchema } from '../document/schema';
import { pretrainedSourceSchema } from '../transfer/sources';
import { backendNameSchema, pythonPathSchema } from './backend';

/** The largest frame a browser compute worker may send (events, a checkpoint of a large model). */
export const MAX_COMPUTE_FRAME = 256 * 1024 * 1024;

/** What the service tells an engine process. The engine answers with HostEvents. */
export const engineCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    runId: z.string(),
    document: projectSchema,
    backend: backendNameSchema.optional(),
    /** The run's folder: the engine appends metrics and writes checkpoints and images there. */
    runDir: z.string().optional(),
    /** Where datasets fetched on first use are cached (the host's data folder/downloads). */
    cacheDir: z.string().optional(),
    /** Continue from an earlier run: its folder and how many epochs it completed. */
    resume: z.object({ runDir: z.string(), epochsDone: z.int().min(0) }).optional(),
    /** The Python interpreter for the PyTorch engine, when the user set one. */
    python: pythonPathSchema.optional(),
    /** PyTorch asked for but missing: train with LayerLab's own engine instead (the user agreed). */
    fallback: z.boolean().optional(),
    /** Compute in a browser worker (Chromium's WebGPU); this process serves its data and writes its record. */
    compute: z.literal('browser').optional(),
  }),
  /** A frame from the run's browser compute worker (main/engine/compute), passed on unread by the host. */
  z.object({ type: z.literal('compute'), frame: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'a frame must be bytes') }),
  /** The browser compute worker's connection closed. */
  z.object({ type: z.literal('compute.closed') }),
  /** Stop at the next batch; the weights reached so far are kept (saved as the last checkpoint). */
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  /** While paused: one batch, then pause again. */
  z.object({ type: z.literal('step') }),
  /** Score a recorded run's weights on its data's test split; the engine answers once with an EvaluationReply, then exits. */
  z.object({
    type: z.literal('evaluate'),
    runId: z.string(),
    document: projectSchema,
    runDir: z.string(),
    weights: z.enum(['last', 'best']).default('last'),
    backend: backendNameSchema.optional(),
  }),
  /** Report every compute engine (the doctor's table) and whether PyTorch can train here; answered once with a DoctorReply. */
  z.object({ type: z.literal('doctor'), python: pythonPathSchema.optional() }),
  /** Hold a recorded run's weights open for the playground: the engine answers PlaygroundAsks until it is killed. */
  z.object({
    type: z.literal('playground'),
    runId: z.string(),
    document: projectSchema,
    runDir: z.string(),
    weights: z.enum(['last', 'best']).default('last'),
  }),
  /** Load (downloading a zoo model first) and list a pretrained source's layers; answers PretrainedReplies, then exits. */
  z.object({
    type: z.literal('pretrained'),
    source: pretrainedSourceSchema,
    /** The folder of the project's runs, for a `run` source. */
    runsDir: z.string().optional(),
    cacheDir: z.string().optional(),
  }),
]);
export type EngineCommand = z.output<typeof engineCommandSchema>;

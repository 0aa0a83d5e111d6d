import { z } from 'zod';
import { projectSchema } from '../document/schema';
import { TEMPLATE_LEVELS, TEMPLATE_TAGS, templatePictureSchema } from '../document/template';
import { importReportSchema } from '../import/report';
import { dataSettingsSchema } from '../data/catalog';
import { backendNameSchema, pythonPathSchema } from './backend';
import { engineReportSchema } from './engines';
import { dataImportReplySchema, dataInspectReplySchema, dataRelocateReplySchema, pickPathReplySchema } from './data';
import { isRequestKind, type RequestKindName } from './kinds';
import { activeRunSchema, runDetailSchema, runSummarySchema } from './runs';
import { evaluationReportSchema } from './evaluation';
import { pretrainedInspectPayloadSchema, pretrainedSourcesReplySchema } from './pretrained';
import { sourceSummarySchema } from '../transfer/summary';
import { attentionViewSchema, featureMapsSchema, playgroundInputSchema, playgroundResultSchema } from './playground';

/** Ids become folder names: no separators, no dots. */
const projectIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);
const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

const templateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  summary: z.string(),
  tags: z.array(z.enum(TEMPLATE_TAGS)),
  level: z.enum(TEMPLATE_LEVELS),
  picture: templatePictureSchema,
});
export type TemplateSummary = z.output<typeof templateSummary>;

/**
 * A file the desktop host opened or saved through its own dialog: `handle` is an opaque token the
 * main process issued for that path, so a later Save names the file without the renderer ever
 * supplying a path to write.
 */
const fileHandleSchema = z.string().regex(/^[a-f0-9]{32}$/);

/** All the files of one import together, base64: the web host's 64 MB message limit, less room for the rest. */
export const MAX_IMPORT_BASE64 = 60 * 1024 * 1024;

/** A model file (model.json and its shards, a Keras JSON, a .keras archive) sent by the browser for import. */
const modelFileSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_ .()-]{0,199}$/, 'a plain file name'),
  base64: z.string().max(MAX_IMPORT_BASE64),
});

/**
 * Open's result: a project file with the handle Save writes through, or a model file imported as a new project
 * (`imported`), which has no handle: saving it asks where, so the model file is never overwritten.
 */
const fileResult = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), path: z.string(), text: z.string(), handle: fileHandleSchema.optional(), imported: importReportSchema.optional() }),
]);

/** Every request the UI can make: the payload it sends and the reply it gets. */
export const REQUESTS = {
  'app.info': {
    payload: z.object({}),
    reply: z.object({
      version: z.string(),
      host: z.enum(['web', 'electron']),
      /** Native dialogs (desktop) or the browser's download/upload. */
      files: z.enum(['native', 'browser']),
    }),
  },
  'templates.list': { payload: z.object({}), reply: z.object({ templates: z.array(templateSummary) }) },
  'templates.get': { payload: z.object({ id: z.string().regex(/^[a-z0-9-]+$/) }), reply: z.object({ text: z.string() }) },
  'run.start': {
    payload: z.object({
      document: projectSchema,
      backend: backendNameSchema.optional(),
      /** Continue training from this earlier run's last checkpoint (same graph). */
      continueFrom: z.string().optional(),
      /** The Python interpreter for the PyTorch engine, when the user set one. */
      python: pythonPathSchema.optional(),
      /** Compute in this browser's own WebGPU (web host): the page starts the worker once the run has an id. */
      compute: z.literal('browser').optional(),
    }),
    reply: z.object({ runId: z.string() }),
  },
  /** Every compute engine and whether it works here (the table `layerlab doctor` prints), with PyTorch as the menu offers it. */
  'engines.report': {
    payload: z.object({ python: pythonPathSchema.optional(), refresh: z.boolean().optional() }),
    reply: engineReportSchema,
  },
  'run.stop': { payload: z.object({ runId: z.string() }), reply: z.object({ stopped: z.boolean() }) },
  /** Pause at the next batch boundary. */
  'run.pause': { payload: z.object({ runId: z.string() }), reply: z.object({ ok: z.boolean() }) },
  'run.resume': { payload: z.object({ runId: z.string() }), reply: z.object({ ok: z.boolean() }) },
  /** While paused: train exactly one batch, then pause again. */
  'run.step': { payload: z.object({ runId: z.string() }), reply: z.object({ ok: z.boolean() }) },
  'runs.list': { payload: z.object({ projectId: projectIdSchema }), reply: z.object({ runs: z.array(runSummarySchema) }) },
  'runs.get': { payload: z.object({ projectId: projectIdSchema, runId: runIdSchema }), reply: runDetailSchema },
  'runs.update': {
    payload: z.object({ projectId: projectIdSchema, runId: runIdSchema, name: z.string().max(200).optional(), notes: z.string().max(20_000).optional() }),
    reply: z.object({ run: runSummarySchema }),
  },
  'runs.delete': { payload: z.object({ projectId: projectIdSchema, runId: runIdSchema }), reply: z.object({ deleted: z.boolean() }) },
  /** Every project in the data folder with its runs, to compare runs of different projects on one chart. */
  'runs.all': {
    payload: z.object({}),
    reply: z.object({ projects: z.array(z.object({ projectId: z.string(), name: z.string(), runs: z.array(runSummarySchema) })) }),
  },
  /** Try a recorded run's model on one input (a drawing, a sentence, a row): its prediction and what it saw. */
  'playground.predict': {
    payload: z.object({ projectId: projectIdSchema, runId: runIdSchema, input: playgroundInputSchema }),
    reply: z.object({ result: playgroundResultSchema }),
  },
  /** A convolution layer's feature maps for one input, and the first layer's filters. */
  'playground.features': {
    payload: z.object({ projectId: projectIdSchema, runId: runIdSchema, input: playgroundInputSchema, layer: z.string().max(200).optional() }),
    reply: z.object({ features: featureMapsSchema }),
  },
  /** Attention weights of a MultiHeadAttention (or Transformer block) for one input, per head, as token × token grids. */
  'playground.attention': {
    payload: z.object({ projectId: projectIdSchema, runId: runIdSchema, input: playgroundInputSchema, layer: z.string().max(200).optional() }),
    reply: z.object({ attention: attentionViewSchema }),
  },
  /** Score a recorded run's weights (its last, or its best) on the test split of its data, in an engine process of its own. */
  'run.evaluate': {
    payload: z.object({ projectId: projectIdSchema, runId: runIdSchema, weights: z.enum(['last', 'best']).optional() }),
    reply: evaluationReportSchema,
  },
  /**
   * Your own data. `settings` are the project's data settings (dataset csv|images|text|series with a
   * source); `baseDir` is the project file's folder, against which a relative source path is read.
   */
  'data.inspect': { payload: z.object({ settings: dataSettingsSchema, baseDir: z.string().optional() }), reply: dataInspectReplySchema },
  /** Reads all of the data, checks it, and returns the settings (with fingerprint) to store; fails with the first error. */
  'data.import': { payload: z.object({ settings: dataSettingsSchema, baseDir: z.string().optional() }), reply: dataImportReplySchema },
  /** Points moved data at its new place, saying whether the files there are the ones imported. */
  'data.relocate': {
    payload: z.object({ settings: dataSettingsSchema, path: z.string().min(1), baseDir: z.string().optional() }),
    reply: dataRelocateReplySchema,
  },
  /** Desktop only: a native dialog to choose a data file or folder (the web host: type a path instead). */
  'dialog.pickPath': { payload: z.object({ kind: z.enum(['file', 'folder']), title: z.string().max(200).optional() }), reply: pickPathReplySchema },
  /** Desktop only: shows an Open dialog and reads the chosen file. */
  'project.open': { payload: z.object({}), reply: fileResult },
  /**
   * Desktop only: writes atomically to the file `handle` names (issued by an earlier Open or Save
   * dialog), or asks where when there is none. Strict: a `path` from the renderer is refused.
   */
  'project.save': {
    payload: z.strictObject({ text: z.string(), handle: fileHandleSchema.optional(), suggestedName: z.string() }),
    reply: z.discriminatedUnion('canceled', [
      z.object({ canceled: z.literal(true) }),
      z.object({ canceled: z.literal(false), path: z.string(), handle: fileHandleSchema }),
    ]),
  },
  /**
   * The web host's Open of a model file: the files the user chose (the model first, then its weight shards) become a
   * new project, its weights a run of it. The reply is the project's text and what the import did.
   */
  'model.import': {
    payload: z.object({ files: z.array(modelFileSchema).min(1).max(64) }),
    reply: z.object({ text: z.string(), report: importReportSchema }),
  },
  /** The run in progress on the host, if any: a reloaded page or a second window reattaches to it. */
  'run.active': { payload: z.object({}), reply: z.object({ run: activeRunSchema.nullable() }) },

  /**
   * The project as code (app/export): PyTorch, Keras 3 or TF.js files, and with `runId` (or `last`) that run's trained
   * weights. Files come back base64-encoded (weights are binary) for the UI to download; nothing is written.
   */
  'export.files': {
    payload: z.object({
      document: projectSchema,
      target: z.enum(['pytorch', 'keras', 'tfjs']),
      projectId: projectIdSchema.optional(),
      runId: z.union([runIdSchema, z.literal('last')]).optional(),
    }),
    reply: z.object({ files: z.array(z.object({ path: z.string().regex(/^[A-Za-z0-9_./-]+$/), base64: z.string() })), totalParams: z.number() }),
  },
  /** The shipped and zoo models a PretrainedModel node can use, and which zoo models are downloaded (or downloading). */
  'pretrained.sources': { payload: z.object({}), reply: pretrainedSourcesReplySchema },
  /** Load a source (downloading a zoo model first, with progress in pretrained.sources) and list its layers. */
  'pretrained.inspect': { payload: pretrainedInspectPayloadSchema, reply: z.object({ summary: sourceSummarySchema }) },
} as const;

export type RequestKind = keyof typeof REQUESTS;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The preload's list of names (kinds.ts) must be exactly the contract's requests: this stops compiling otherwise. */
export const PRELOAD_KINDS_MATCH: Same<RequestKind, RequestKindName> = true;
export type Payload<K extends RequestKind> = z.input<(typeof REQUESTS)[K]['payload']>;
export type Reply<K extends RequestKind> = z.output<(typeof REQUESTS)[K]['reply']>;

export { isRequestKind };

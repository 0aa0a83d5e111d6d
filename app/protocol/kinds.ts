/** Request names alone, for the Electron preload, which must stay small and free of schemas. */
export const REQUEST_KINDS = [
  'app.info',
  'templates.list',
  'templates.get',
  'run.start',
  'run.stop',
  'run.pause',
  'run.resume',
  'run.step',
  'engines.report',
  'runs.list',
  'runs.get',
  'runs.update',
  'runs.delete',
  'run.evaluate',
  'runs.all',
  'playground.predict',
  'playground.features',
  'playground.attention',
  'data.inspect',
  'data.import',
  'data.relocate',
  'dialog.pickPath',
  'project.open',
  'project.save',
  'model.import',
  'run.active',

  'export.files',
  'pretrained.sources',
  'pretrained.inspect',
] as const;
export type RequestKindName = (typeof REQUEST_KINDS)[number];

export function isRequestKind(kind: unknown): kind is RequestKindName {
  return typeof kind === 'string' && (REQUEST_KINDS as readonly string[]).includes(kind);
}

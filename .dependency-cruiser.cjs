// The import rules of docs/architecture.md, checked by `npm run lint:deps` (part of `npm test`).
// Each rule names a layer and what it must not reach; test/unit/boundaries.test.ts shows each one
// failing on a wrong-way import.

/** Node's own modules, Electron, and packages that only work on the Node side. */
const NODE_ONLY = ['^node:', '^(fs|path|os|child_process|worker_threads|http|https|net|crypto|zlib|stream|url|util)$', '^electron$', '^ws$', '^sharp$'];

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Cycles make layers meaningless and load order fragile.', from: {}, to: { circular: true } },
    {
      name: 'app-is-pure',
      severity: 'error',
      comment: 'app/ is the domain core: no Node, no Electron, no DOM-side packages, nothing from main/ or renderer/.',
      from: { path: '^app/' },
      to: { path: ['^main/', '^renderer/', '^bench/', '^test/', 'node_modules/(react|react-dom|@xyflow|zustand|uplot)/', ...NODE_ONLY] },
    },
    {
      name: 'app-tfjs-types-only',
      severity: 'error',
      comment: 'app/ takes tfjs as a parameter; it may name its types but never load it.',
      from: { path: '^app/' },
      to: { path: 'node_modules/@tensorflow/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer talks to the Node side only through the contract (app/protocol) and a transport.',
      from: { path: '^renderer/' },
      to: { path: ['^main/', '^bench/', 'node_modules/@tensorflow/', ...NODE_ONLY] },
    },
    {
      name: 'shared-main-modules-stand-alone',
      severity: 'error',
      comment: 'main/data, main/record, main/downloads and main/python serve both the host and the engine, so they import neither.',
      from: { path: '^main/(data|record|downloads|python)/' },
      to: { path: '^main/(engine|service|web|electron|cli)/' },
    },
    {
      name: 'engine-below-hosts',
      severity: 'error',
      comment: 'The engine is a process the hosts spawn; it knows nothing of them.',
      from: { path: '^main/engine/' },
      to: { path: '^main/(service|web|electron|cli)/' },
    },
    {
      name: 'service-below-hosts',
      severity: 'error',
      comment: 'The service layer is shared by both hosts and the CLI; it imports none of them, nor the engine (it spawns it).',
      from: { path: '^main/service/' },
      to: { path: '^main/(engine|web|electron|cli)/' },
    },
    {
      name: 'hosts-apart',
      severity: 'error',
      comment: 'The web host and the Electron shell are alternatives; neither imports the other or the CLI.',
      from: { path: '^main/(web|electron)/' },
      to: { path: '^main/(cli|engine)/' },
    },
    { name: 'web-not-electron', severity: 'error', from: { path: '^main/web/' }, to: { path: '^main/electron/' } },
    { name: 'electron-not-web', severity: 'error', from: { path: '^main/electron/' }, to: { path: '^main/web/' } },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(app|main|renderer)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.tsbuild|release)/' },
    tsPreCompilationDeps: true,
  },
};

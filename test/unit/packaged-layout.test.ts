import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FILES, runtimeFilePresent, runtimeFiles, type RuntimeFile } from '../../main/electron/runtime-paths';
import { appPaths } from '../../main/service/paths';
import { ROOT } from './helpers';

// electron-builder's own YAML parser and glob matcher, so patterns mean here what they mean to it.
const builderRequire = createRequire(createRequire(join(ROOT, 'package.json')).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { minimatch } = builderRequire('minimatch') as { minimatch: (path: string, pattern: string, options: { dot: boolean }) => boolean };
const matches = (path: string, pattern: string) => minimatch(path, pattern, { dot: true });

interface BuilderConfig {
  directories: { buildResources: string };
  files: string[];
  asarUnpack: string[];
  extraResources?: (string | { from: string })[];
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; icon: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

const config = (root: string) => yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** The concrete files an entry names: itself, or what in its folder matches (a folder's files, recursively). */
function filesOf(root: string, f: RuntimeFile): string[] {
  const full = join(root, f.path);
  if (!existsSync(full)) return [];
  if (!lstatSync(full).isDirectory() || lstatSync(full).isSymbolicLink()) return [f.path];
  const names = readdirSync(full).filter((n) => !f.match || f.match.test(n));
  return names.flatMap((n) => {
    const child = join(full, n);
    if (!lstatSync(child).isDirectory()) return [`${f.path}/${n}`];
    return readdirSync(child, { recursive: true, withFileTypes: true })
      .filter((d) => !d.isDirectory())
      .map((d) => relative(root, join(d.parentPath, d.name)).split('\\').join('/'));
  });
}

/** Production packages, which electron-builder copies into the app (devDependencies are left out). */
function productionPackages(root: string): Set<string> {
  const seen = new Set<string>();
  const visit = (pkgDir: string) => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]) {
      if (seen.has(name) || !existsSync(join(root, 'node_modules', name, 'package.json'))) continue;
      seen.add(name);
      visit(join(root, 'node_modules', name));
    }
  };
  visit(root);
  return seen;
}

const packageOf = (path: string) => {
  const parts = path.split('/');
  return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
};

/**
 * Everything wrong with the packaged layout under `root`: a runtime file missing, not packaged by
 * `files` (or by being a production package), or native/worker-read code not in asarUnpack; an
 * asarUnpack pattern that names nothing the app ships; an icon or extra resource that is not there.
 */
function layoutProblems(root: string): string[] {
  const c = config(root);
  const problems: string[] = [];
  const prod = productionPackages(root);
  const unpack = c.asarUnpack;
  const positive = c.files.filter((p) => !p.startsWith('!'));
  const negative = c.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const packaged = (path: string) => positive.some((p) => matches(path, p)) && !negative.some((p) => matches(path, p));
  const shipped: string[] = [];
  for (const f of runtimeFiles()) {
    if (!runtimeFilePresent(root, f)) {
      if (!f.optional) problems.push(`missing: ${f.what} (${f.path})`);
      continue;
    }
    for (const file of filesOf(root, f)) {
      shipped.push(file);
      if (file.startsWith('node_modules/')) {
        if (!prod.has(packageOf(file))) problems.push(`not packaged: ${file} (${packageOf(file)} is not a production dependency)`);
      } else if (!packaged(file)) problems.push(`not packaged: ${file} (no pattern in files includes it)`);
      if (f.unpacked && !unpack.some((p) => matches(file, p))) problems.push(`inside the asar: ${file} must be a real file (add it to asarUnpack)`);
    }
  }
  for (const pattern of unpack) {
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/*]+)/.exec(pattern)?.[1];
    if (pkg && !existsSync(join(root, 'node_modules', pkg, 'package.json'))) continue; // an optional package not installed here
    if (!shipped.some((f) => matches(f, pattern))) problems.push(`asarUnpack ${pattern} names no file the app ships`);
  }
  for (const extra of c.extraResources ?? []) {
    const from = typeof extra === 'string' ? extra : extra.from;
    if (!existsSync(join(root, from))) problems.push(`extraResources: ${from} is missing`);
  }
  const resources = c.directories.buildResources;
  for (const icon of [c.win.icon, c.mac.icon, c.linux.icon, `${resources}/icon.png`, `${resources}/icon.ico`, `${resources}/icon.icns`]) {
    if (!existsSync(join(root, icon))) problems.push(`icon missing: ${icon}`);
  }
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    if (!existsSync(join(root, c.linux.icon, `${size}x${size}.png`))) problems.push(`icon missing: ${c.linux.icon}/${size}x${size}.png`);
  }
  return problems;
}

/** A copy of the app's layout: the config, package.json, and a link to every file the runtime list names. */
function copyLayout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-layout-'));
  cpSync(join(ROOT, 'electron-builder.yml'), join(dir, 'electron-builder.yml'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const link = (rel: string) => {
    if (existsSync(join(dir, rel))) return;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    symlinkSync(join(ROOT, rel), join(dir, rel));
  };
  for (const f of runtimeFiles()) for (const file of filesOf(ROOT, f)) link(file);
  // What productionPackages reads to follow dependencies.
  for (const name of productionPackages(ROOT)) link(`node_modules/${name}/package.json`);
  for (const rel of ['resources/icons/icon.png', 'resources/icons/icon.ico', 'resources/icons/icon.icns']) link(rel);
  for (const n of readdirSync(join(ROOT, 'resources/icons/png'))) link(`resources/icons/png/${n}`);
  return dir;
}

const built = existsSync(join(ROOT, APP_FILES.engine)) && existsSync(join(ROOT, APP_FILES.renderer));

describe('the packaged layout', () => {
  it('the build has run (npm test builds before the unit tests)', () => {
    expect(built, 'dist/ is missing: run `npm run build` first').toBe(true);
  });

  it.runIf(built)('every file the app resolves at run time is there and packaged where it will be looked for', () => {
    expect(layoutProblems(ROOT)).toEqual([]);
  });

  it('the service and the main process name the same files as the runtime list', () => {
    const paths = appPaths(ROOT);
    const listed = runtimeFiles().map((f) => join(ROOT, f.path));
    for (const p of [paths.engine, paths.dataWorker, join(paths.renderer, 'index.html'), paths.templates]) expect(listed).toContain(p);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe(APP_FILES.main);
  });

  it.runIf(built)('fails when a file named in asarUnpack or resolved by the main process is removed', () => {
    const dir = copyLayout();
    expect(layoutProblems(dir)).toEqual([]);
    const binding = filesOf(
      dir,
      runtimeFiles().find((f) => f.what === "sharp's native binding")!,
    )[0]!;
    rmSync(join(dir, binding));
    rmSync(join(dir, APP_FILES.engine));
    rmSync(join(dir, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    expect(layoutProblems(dir)).toEqual([
      'missing: the training engine (dist/main/engine.mjs)',
      'missing: the wasm backend (node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm)',
      `missing: sharp's native binding (node_modules/@img/sharp-${process.platform}-${process.arch}/lib)`,
    ]);
  });

  it.runIf(built)('fails when asarUnpack or files stop covering what must be unpacked or shipped', () => {
    const dir = copyLayout();
    const yml = readFileSync(join(dir, 'electron-builder.yml'), 'utf8');
    const edited = yml.replace("  - 'node_modules/@img/**'\n", '').replace('  - resources/templates/**/*\n', '');
    expect(edited).not.toBe(yml);
    writeFileSync(join(dir, 'electron-builder.yml'), edited);
    const problems = layoutProblems(dir);
    expect(problems.some((p) => p.startsWith('inside the asar: node_modules/@img/'))).toBe(true);
    expect(problems.some((p) => p.startsWith('not packaged: resources/templates/'))).toBe(true);
  });

  it('sets the fuses, the targets and the file association', () => {
    const c = config(ROOT);
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Keys electron-builder 26 knows: a misspelt fuse would be silently ignored by nothing but its schema.
    const schema = builderRequire('./scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    for (const key of Object.keys(c.electronFuses)) expect(Object.keys(schema.definitions.FuseOptionsV1.properties)).toContain(key);
    expect([c.linux.target, c.win.target, c.mac.target]).toEqual([['AppImage', 'deb'], ['nsis'], ['dmg']]);
    expect(c.fileAssociations).toEqual([expect.objectContaining({ ext: 'layerlab.json', icon: 'icon' })]);
  });
});

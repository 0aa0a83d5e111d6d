import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CRUISER = join(ROOT, 'node_modules/.bin/depcruise');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

const trees: string[] = [];
afterAll(() => trees.forEach((t) => rmSync(t, { recursive: true, force: true })));

/**
 * Writes a small tree with the repository's import rules and runs the checker on it as `npm run lint`
 * does: the exit status it gives `npm test`, and what it refused (Node's modules show without `node:`).
 */
function cruise(files: Record<string, string>): { status: number | null; violations: Violation[] } {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-boundaries-'));
  trees.push(dir);
  for (const name of ['.dependency-cruiser.cjs', 'tsconfig.base.json']) copyFileSync(join(ROOT, name), join(dir, name));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const roots = ['app', 'main', 'renderer'].filter((r) => Object.keys(files).some((f) => f.startsWith(`${r}/`)));
  const check = (type: string) => spawnSync(CRUISER, [...roots, '--config', '.dependency-cruiser.cjs', '--output-type', type], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(check('json').stdout) as { summary: { violations: Violation[] } };
  return { status: check('err').status, violations: out.summary.violations };
}

const rulesBroken = (files: Record<string, string>) => cruise(files).violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

describe('import rules', () => {
  it('accept imports that follow the layering', () => {
    const result = cruise({
      'app/core.ts': 'export const one = 1;\n',
      'app/uses-tf-types.ts': "import type * as tfjs from '@tensorflow/tfjs';\nexport type T = tfjs.Tensor;\n",
      'renderer/src/view.ts': "import { one } from '../../app/core';\nexport const view = one;\n",
      'main/data/read.ts':
        "import { readFileSync } from 'node:fs';\nimport { one } from '../../app/core';\nexport const read = () => readFileSync('x') && one;\n",
      'main/engine/train.ts': "import { read } from '../data/read';\nexport const train = read;\n",
    });
    expect(result.violations).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('refuse app/ importing Node, a runtime tfjs, or the Node side', () => {
    const broken = rulesBroken({
      'app/reads-files.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'app/loads-tf.ts': "import * as tf from '@tensorflow/tfjs';\nexport const y = tf.tensor;\n",
      'app/reaches-main.ts': "import { z } from '../main/engine/z';\nexport const w = z;\n",
      'main/engine/z.ts': 'export const z = 1;\n',
    });
    expect(broken).toContain('app-is-pure: app/reads-files.ts → fs');
    expect(broken.some((b) => /^app-tfjs-types-only: app\/loads-tf\.ts → .*node_modules\/@tensorflow\/tfjs\//.test(b))).toBe(true);
    expect(broken).toContain('app-is-pure: app/reaches-main.ts → main/engine/z.ts');
  });

  it('fail the check (a non-zero exit) on any wrong-way import', () => {
    expect(cruise({ 'app/reads-files.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n" }).status).not.toBe(0);
  });

  it('refuse the renderer importing main/ or Node, and the shared data layer importing the engine', () => {
    const broken = rulesBroken({
      'main/service/runs.ts': 'export const runs = 1;\n',
      'main/engine/step.ts': 'export const step = 1;\n',
      'renderer/src/bad.ts': "import { runs } from '../../main/service/runs';\nimport { join } from 'node:path';\nexport const b = [runs, join];\n",
      'main/data/bad.ts': "import { step } from '../engine/step';\nexport const d = step;\n",
      'main/engine/bad.ts': "import { runs } from '../service/runs';\nexport const e = runs;\n",
    });
    expect(broken).toContain('renderer-no-node: renderer/src/bad.ts → main/service/runs.ts');
    expect(broken).toContain('renderer-no-node: renderer/src/bad.ts → path');
    expect(broken).toContain('shared-main-modules-stand-alone: main/data/bad.ts → main/engine/step.ts');
    expect(broken).toContain('engine-below-hosts: main/engine/bad.ts → main/service/runs.ts');
  });

  it('refuse a cycle, even of types', () => {
    const result = cruise({
      'app/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
      'app/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
    });
    expect(result.violations.map((v) => v.rule.name)).toContain('no-cycles');
    expect(result.status).not.toBe(0);
  });
});

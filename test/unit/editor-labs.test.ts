import * as tf from '@tensorflow/tfjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { dataSettingsSchema } from '../../app/data/catalog';
import { checkDataFit } from '../../app/data/fit';
import { loadProjectText } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { checkLab, checkPasses, type RunFacts } from '../../app/labs/check';
import { parseLab, type Lab } from '../../app/labs/schema';
import type { HostEvent } from '../../app/protocol/events';
import { train } from '../../main/engine/train';
import { LABS } from '../../renderer/src/labs/catalog';
import { ROOT, TEMPLATES } from './helpers';

const DIR = join(ROOT, 'resources', 'labs');
const labIds = readdirSync(DIR)
  .filter((f) => f.endsWith('.lab.json'))
  .map((f) => f.replace('.lab.json', ''));

function lab(id: string): Lab {
  const r = parseLab(readFileSync(join(DIR, `${id}.lab.json`), 'utf8'));
  if (!r.ok) throw new Error(`${id}: ${r.error}`);
  return r.lab;
}

function solution(id: string): ProjectDoc {
  const r = loadProjectText(readFileSync(join(DIR, `${id}.solution.layerlab.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  expect(r.warnings).toEqual([]);
  return r.doc;
}

const state = (doc: ProjectDoc, run: RunFacts, ticked: Iterable<string> = []) => {
  const analysis = analyzeGraph(doc.graph);
  return { doc, analysis, fit: checkDataFit(doc, analysis), run, ticked: new Set(ticked) };
};

/** The metrics a run must reach for each run step, exactly at its threshold. */
const reaching = (l: Lab): RunFacts => ({
  status: 'completed',
  metrics: Object.fromEntries(l.steps.flatMap((s) => (s.check.kind === 'run' ? [[s.check.metric, s.check.atLeast ?? s.check.atMost ?? 0]] : []))),
});

describe('guided labs', () => {
  it('there is one per curriculum module, at least five', () => {
    expect(labIds.length).toBeGreaterThanOrEqual(5);
    const modules = labIds.map((id) => lab(id).module).join(' | ');
    for (const m of ['basics', 'CNN', 'LSTM', 'Transformer', 'GAN']) expect(modules).toContain(m);
  });

  it.each(labIds)('%s validates; every step passes on its solution project', (id) => {
    const l = lab(id);
    expect(l.id).toBe(id);
    if (l.start) expect(readdirSync(TEMPLATES)).toContain(`${l.start}.layerlab.json`);
    const doc = solution(id);
    const reflections = l.steps.filter((s) => s.check.kind === 'reflect').map((s) => s.id);
    const passed = checkLab(l.steps, state(doc, reaching(l), reflections));
    expect(l.steps.filter((_, i) => !passed[i]).map((s) => s.id)).toEqual([]);
  });

  it.each(labIds)('%s: its checks fail on an empty project, before training, and below the threshold', (id) => {
    const l = lab(id);
    const doc = solution(id);
    const empty = { ...doc, graph: { nodes: [], edges: [] } };
    const graphSteps = l.steps.filter((s) => ['layer', 'edge', 'valid'].includes(s.check.kind));
    expect(graphSteps.every((s) => !checkPasses(s, state(empty, reaching(l))))).toBe(true);
    const runSteps = l.steps.filter((s) => s.check.kind === 'run');
    expect(runSteps.length).toBeGreaterThan(0);
    expect(runSteps.every((s) => !checkPasses(s, state(doc, { status: 'none', metrics: {} })))).toBe(true);
    const short: RunFacts = {
      status: 'completed',
      metrics: Object.fromEntries(Object.entries(reaching(l).metrics).map(([k, v]) => [k, k.includes('loss') ? v + 0.1 : v - 0.1])),
    };
    expect(runSteps.every((s) => !checkPasses(s, state(doc, short)))).toBe(true);
  });

  it('the app lists every lab file, and each validates there too', () => {
    expect(LABS.map((l) => l.id).sort()).toEqual([...labIds].sort());
  });

  it('every recent template has a lab that starts from it', () => {
    const starts = new Set(labIds.map((id) => lab(id).start));
    for (const t of ['cnn-cifar10', 'text-to-digit', 'rbm-mnist', 'rbm-pretrain-mnist', 'dcgan-mnist', 'transfer-digits']) expect(starts, t).toContain(t);
  });

  it('a mode step passes only in that training mode', () => {
    const l = lab('rbm-mnist');
    const step = l.steps.find((s) => s.check.kind === 'mode')!;
    const doc = solution('rbm-mnist');
    const none: RunFacts = { status: 'none', metrics: {} };
    expect(checkPasses(step, state(doc, none))).toBe(true);
    expect(checkPasses(step, state({ ...doc, training: { ...doc.training, mode: 'standard' } }, none))).toBe(false);
  });

  it('a dataset step for your own data passes once a folder is chosen, not when the kind alone is picked', () => {
    const step = { id: 'data', title: 'Your pictures', hint: 'Choose a folder.', check: { kind: 'dataset' as const, dataset: 'images' as const } };
    const none: RunFacts = { status: 'none', metrics: {} };
    const doc = solution('transfer-digits');
    const picked = { ...doc, data: dataSettingsSchema.parse({ dataset: 'images' }) };
    expect(checkPasses(step, state(picked, none))).toBe(false);
    const chosen = { ...doc, data: dataSettingsSchema.parse({ dataset: 'images', source: { path: '/home/class/pictures' } }) };
    expect(checkPasses(step, state(chosen, none))).toBe(true);
  });

  it('refuses a lab file with a precise message', () => {
    expect(parseLab('{')).toMatchObject({ ok: false });
    const bad = { ...lab('basics-activations'), steps: [{ id: 'x', title: 't', hint: 'h', check: { kind: 'layer' } }] };
    const r = parseLab(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^steps\.0\.check\.type:/);
  });

  it('the basics solution really trains past its accuracy step on spirals', async () => {
    const l = lab('basics-activations');
    const doc = solution('basics-activations');
    const events: HostEvent[] = [];
    await train({ runId: 'lab-basics', document: doc, backend: 'wasm' }, { tf, emit: (e) => events.push(e), stopRequested: () => false });
    const last = events.filter((e) => e.type === 'run.epoch').at(-1);
    const metrics = last?.type === 'run.epoch' ? (last.logs as Record<string, number>) : {};
    const step = l.steps.find((s) => s.id === 'train')!;
    expect(checkPasses(step, state(doc, { status: 'completed', metrics }))).toBe(true);
  }, 180_000);
});

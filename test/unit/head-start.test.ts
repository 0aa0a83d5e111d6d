import { describe, expect, it } from 'vitest';
import { compareClassification, comparableRuns, epochMetric, epochRows } from '../../app/metrics/head-start';
import type { EpochRecord, EvaluationOf, RunSummary } from '../../app/protocol';

type Classified = EvaluationOf<'classification'>;

function scored(accuracy: number, recalls: readonly number[], count = 100, description = 'MNIST test images'): Classified {
  return {
    kind: 'classification',
    split: { name: 'test', count, description },
    classNames: recalls.map((_, i) => String(i + 5)),
    accuracy,
    loss: 1 - accuracy,
    perClass: recalls.map((recall) => ({ precision: recall, recall, f1: recall, support: 20 })),
    macroF1: accuracy,
    confusion: [],
    cells: {},
    mistakes: [],
  };
}

const run = (id: string, projectId: string, fingerprint: string, last = true): RunSummary => ({
  id,
  projectId,
  name: '',
  notes: '',
  status: 'completed',
  startedAt: '2026-12-01T10:00:00Z',
  wallSeconds: 1,
  epochs: 2,
  epochsDone: 2,
  backend: null,
  dataset: 'mnist',
  fingerprint,
  continuedFrom: null,
  final: null,
  best: null,
  weights: { last, best: false },
  error: null,
});

const epochs = (values: readonly number[]): EpochRecord[] => values.map((v, i) => ({ epoch: i + 1, logs: { loss: 1 - v, val_accuracy: v }, seconds: 1 }));

describe('head start of one run over another', () => {
  it('is the accuracy difference in points, on the same examples, with recall per class', () => {
    const head = compareClassification(scored(0.91, [0.9, 0.95]), scored(0.6, [0.5, 0.7]));
    expect(head.points).toBeCloseTo(31, 10);
    expect(head.sameExamples).toBe(true);
    expect(head.perClass).toEqual([
      { name: '5', ours: 0.9, theirs: 0.5 },
      { name: '6', ours: 0.95, theirs: 0.7 },
    ]);
    expect(head.rows.find((r) => r.label === 'Loss')?.higherIsBetter).toBe(false);
  });

  it('says when the two were scored on different examples or classes', () => {
    expect(compareClassification(scored(0.9, [1, 1]), scored(0.8, [1, 1], 120)).sameExamples).toBe(false);
    const other = compareClassification(scored(0.9, [1, 1]), scored(0.8, [1, 1, 1]));
    expect(other.sameExamples).toBe(false);
    expect(other.perClass).toEqual([]);
  });

  it('lists held-out accuracy epoch by epoch, up to the longer run', () => {
    const ours = epochs([0.85, 0.9]);
    const theirs = epochs([0.4, 0.6, 0.7]);
    expect(epochMetric(ours, theirs)).toBe('val_accuracy');
    expect(epochRows(ours, theirs, 'val_accuracy')).toEqual([
      { epoch: 1, ours: 0.85, theirs: 0.4 },
      { epoch: 2, ours: 0.9, theirs: 0.6 },
      { epoch: 3, ours: null, theirs: 0.7 },
    ]);
    expect(epochMetric(ours, [{ epoch: 1, logs: { loss: 1 }, seconds: 1 }])).toBeNull();
  });

  it('offers only other runs that saw the same data and kept weights', () => {
    const me = run('a', 'p1', 'f1');
    const projects = [
      { projectId: 'p1', name: 'Transfer', runs: [me, run('b', 'p1', 'f2')] },
      { projectId: 'p2', name: 'Scratch', runs: [run('c', 'p2', 'f1'), run('d', 'p2', 'f1', false)] },
    ];
    expect(comparableRuns(projects, me).map((c) => `${c.project.name}/${c.run.id}`)).toEqual(['Scratch/c']);
  });
});

import type { EpochRecord, EvaluationOf, RunSummary } from '../protocol';

type Classified = EvaluationOf<'classification'>;

/** How one classifier run compares with another on the same data: what a "head start" is made of. */
export interface HeadStart {
  /** This run's accuracy minus the other's, in percentage points (positive: this run is ahead). */
  readonly points: number;
  /** Whether both were scored on the same examples (same data, same split), so the difference is theirs alone. */
  readonly sameExamples: boolean;
  readonly count: number;
  readonly otherCount: number;
  readonly rows: readonly { readonly label: string; readonly ours: number; readonly theirs: number; readonly higherIsBetter: boolean }[];
  /** Recall per class, where both runs have the same classes. */
  readonly perClass: readonly { readonly name: string; readonly ours: number; readonly theirs: number }[];
}

export function compareClassification(ours: Classified, theirs: Classified): HeadStart {
  const sameClasses = ours.classNames.length === theirs.classNames.length && ours.classNames.every((n, i) => n === theirs.classNames[i]);
  return {
    points: (ours.accuracy - theirs.accuracy) * 100,
    sameExamples: sameClasses && ours.split.count === theirs.split.count && ours.split.description === theirs.split.description,
    count: ours.split.count,
    otherCount: theirs.split.count,
    rows: [
      { label: 'Accuracy', ours: ours.accuracy, theirs: theirs.accuracy, higherIsBetter: true },
      { label: 'Macro F1', ours: ours.macroF1, theirs: theirs.macroF1, higherIsBetter: true },
      { label: 'Loss', ours: ours.loss, theirs: theirs.loss, higherIsBetter: false },
    ],
    perClass: sameClasses ? ours.classNames.map((name, i) => ({ name, ours: ours.perClass[i]!.recall, theirs: theirs.perClass[i]!.recall })) : [],
  };
}

/** The metric an epoch table follows: held-out accuracy where the runs have it, else training accuracy. */
export function epochMetric(a: readonly EpochRecord[], b: readonly EpochRecord[]): 'val_accuracy' | 'accuracy' | null {
  const has = (key: string) => [a, b].every((epochs) => epochs.some((e) => Number.isFinite(e.logs[key])));
  return has('val_accuracy') ? 'val_accuracy' : has('accuracy') ? 'accuracy' : null;
}

/** Both runs' metric after each epoch, side by side, up to the longer run: where a head start shows at epoch 1. */
export function epochRows(a: readonly EpochRecord[], b: readonly EpochRecord[], metric: string) {
  const at = (epochs: readonly EpochRecord[], epoch: number) => {
    const v = epochs.find((e) => e.epoch === epoch)?.logs[metric];
    return v !== undefined && Number.isFinite(v) ? v : null;
  };
  const last = Math.max(0, ...a.map((e) => e.epoch), ...b.map((e) => e.epoch));
  return Array.from({ length: last }, (_, i) => ({ epoch: i + 1, ours: at(a, i + 1), theirs: at(b, i + 1) }));
}

/** Runs that can be compared with `run`: another run that saw the same data and has weights to score. */
export function comparableRuns<P extends { readonly projectId: string; readonly runs: readonly RunSummary[] }>(
  projects: readonly P[],
  run: RunSummary,
): { readonly project: P; readonly run: RunSummary }[] {
  return projects.flatMap((project) =>
    project.runs
      .filter((r) => r.fingerprint === run.fingerprint && !(r.id === run.id && r.projectId === run.projectId) && r.weights.last)
      .map((r) => ({ project, run: r })),
  );
}

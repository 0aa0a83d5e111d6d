import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import { binaryToTwoClass, argmaxRow } from '../../../app/metrics/classification';
import { extent2d, gridPoints } from '../../../app/metrics/grid';
import type { TrainingView } from '../../../app/protocol/views';
import type { ObservedBatch, ObservedEpoch, ObservedStart, RunObserver } from '../run/observer';
import { ViewBudget } from './budget';

/** Cells per side: fine enough for spirals' arms, 1,600 predictions of a small MLP (about a millisecond). */
export const BOUNDARY_SIZE = 40;
/** Redraw at most this often while training: a chart cannot show more, and training stays unslowed. */
const MIN_INTERVAL_MS = 200;

type Boundary = Extract<TrainingView, { kind: 'boundary' }>;

/** The model's predicted class and its probability at each grid cell centre. */
export function boundaryField(
  tf: Tf,
  model: tfjs.LayersModel,
  size: number,
  x: [number, number],
  y: [number, number],
): Pick<Boundary, 'classes' | 'confidence'> {
  const points = gridPoints(size, x, y);
  const out = tf.tidy(() => {
    const p = model.predict(tf.tensor2d(points, [size * size, 2]));
    return (Array.isArray(p) ? p[0]! : p).reshape([size * size, -1]);
  });
  const per = out.shape[1]!;
  const raw = out.dataSync() as Float32Array;
  out.dispose();
  const probs = per === 1 ? binaryToTwoClass(raw) : raw;
  const classes = per === 1 ? 2 : per;
  const cls: number[] = [];
  const conf: number[] = [];
  for (let i = 0; i < size * size; i++) {
    const c = argmaxRow(probs, i, classes);
    cls.push(c);
    conf.push(Number(probs[i * classes + c]!.toFixed(3)));
  }
  return { classes: cls, confidence: conf };
}

/**
 * Redraws a 2-D classifier's decision field while it trains: every few hundred milliseconds and after
 * each epoch, as long as drawing costs at most its share of the run (ViewBudget); the last epoch always.
 */
export class BoundaryRecorder implements RunObserver {
  private box: { x: [number, number]; y: [number, number] } | null = null;
  private readonly budget: ViewBudget;
  private step = 0;

  constructor(
    private readonly tf: Tf,
    private readonly send: (view: TrainingView) => void,
    private readonly size = BOUNDARY_SIZE,
    now: () => number = () => performance.now(),
  ) {
    this.budget = new ViewBudget(now);
  }

  start(run: ObservedStart): void {
    const sample = run.sample(100_000);
    if (!sample) return;
    const xy = sample.xs[0]!.dataSync();
    this.tf.dispose([...sample.xs, sample.y]);
    this.box = extent2d(xy);
    this.draw(run.model, 1);
  }

  afterBatch(b: ObservedBatch): void {
    this.step = b.step;
    if (this.budget.due(MIN_INTERVAL_MS)) this.draw(b.model, b.epoch);
  }

  afterEpoch(e: ObservedEpoch): void {
    if (e.epoch >= e.epochs || this.budget.due()) this.draw(e.model, e.epoch);
  }

  private draw(model: tfjs.LayersModel, epoch: number): void {
    const box = this.box;
    if (!box) return;
    const field = this.budget.spend(() => boundaryField(this.tf, model, this.size, box.x, box.y));
    this.send({ kind: 'boundary', step: this.step, epoch, size: this.size, x: box.x, y: box.y, ...field });
  }
}

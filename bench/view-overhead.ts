import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectDoc } from '../app/document/schema';
import { EVENT_VERSION, type HostEvent } from '../app/protocol/events';
import { PlaygroundSession } from '../main/engine/evaluate/playground';
import type { ObservedBatch, ObservedStart, RunObserver } from '../main/engine/run/observer';
import { viewObservers } from '../main/engine/views';
import { median, table } from './stats';
import { listener, seconds, templateDoc } from './streaming-overhead';

/** How often the feature-map probe asks, as a person clicking through layers and examples quickly would. */
const FEATURE_INTERVAL_MS = 500;

/**
 * The feature-map view computed on the model while it trains, in the training process itself: in the
 * app it runs in its own engine on the recorded weights, so on one core this is the worst case.
 */
class FeatureMapProbe implements RunObserver {
  private session: PlaygroundSession | null = null;
  private pixels: number[] = [];
  private last = -Infinity;
  count = 0;

  constructor(private readonly doc: ProjectDoc) {}

  async start(run: ObservedStart): Promise<void> {
    const one = run.sample(1);
    if (!one) return;
    this.pixels = Array.from(one.xs[0]!.dataSync());
    tf.dispose([...one.xs, one.y]);
    // Not disposed at the end: the session would dispose the model the run still owns.
    this.session = await PlaygroundSession.open(tf, this.doc, run.model);
  }

  async afterBatch(b: ObservedBatch): Promise<void> {
    if (!this.session || performance.now() - this.last < FEATURE_INTERVAL_MS) return;
    this.last = performance.now();
    const layers = b.model.layers.filter((l) => l.getClassName() === 'Conv2D');
    // Alternate between the convolution layers, as a person comparing them would.
    const layer = layers[this.count % Math.max(1, layers.length)]?.name;
    await this.session.features({ kind: 'image', width: 28, height: 28, pixels: this.pixels }, layer);
    this.count++;
  }
}

/**
 * Wraps an observer to add up the time spent in its hooks: the share of the run the views take, immune
 * to the machine's drift. Only the hooks it has, so the wrapper adds no awaits of its own to each batch.
 */
function timed(o: RunObserver, spent: { ms: number }): RunObserver {
  const clock = async (f: () => void | Promise<void>) => {
    const t = performance.now();
    await f();
    spent.ms += performance.now() - t;
  };
  const afterBatch = o.afterBatch?.bind(o);
  return {
    start: (run) => clock(() => o.start?.(run)),
    ...(afterBatch ? { afterBatch: (b: ObservedBatch) => clock(() => afterBatch(b)) } : {}),
    afterEpoch: (e) => clock(() => o.afterEpoch?.(e)),
    dispose: () => o.dispose?.(),
  };
}

interface Case {
  readonly name: string;
  readonly doc: ProjectDoc;
  readonly featureMaps: boolean;
}

function shortened(id: string, limit: number | null, epochs: number): ProjectDoc {
  const doc = templateDoc(id);
  if (limit !== null) doc.data = { ...doc.data, limit };
  doc.training = { ...doc.training, epochs };
  return doc;
}

const CASES: readonly Case[] = [
  { name: 'deep-sigmoid MLP (MNIST 5,400 × 2 epochs): training dynamics', doc: shortened('deep-sigmoid-mnist', 6000, 2), featureMaps: false },
  { name: 'LeNet (MNIST 2,700 × 2 epochs): training dynamics', doc: shortened('lenet-mnist', 3000, 2), featureMaps: false },
  // As a person trains it: the template's own 10,800 images and 3 epochs.
  { name: 'LeNet as shipped (MNIST 10,800 × 3 epochs): training dynamics', doc: templateDoc('lenet-mnist'), featureMaps: false },
  { name: 'LeNet (MNIST 2,700 × 2 epochs): dynamics + feature maps every 0.5 s', doc: shortened('lenet-mnist', 3000, 2), featureMaps: true },
  // The template's epochs are as short (25 batches); half as many keep the bench short.
  { name: 'MLP on spirals (800 × 30 epochs): dynamics + decision boundary', doc: shortened('mlp-spirals', null, 30), featureMaps: false },
];

/** One run with the views a person opening them during training gets, every view event validated and serialised as the host does. */
async function viewed(c: Case, emit: (e: HostEvent) => void): Promise<{ s: number; views: number; features: number; inViews: number }> {
  let views = 0;
  const spent = { ms: 0 };
  const send = (view: Parameters<Parameters<typeof viewObservers>[2]>[0]) => {
    views++;
    emit({ v: EVENT_VERSION, type: 'run.view', runId: 'bench', view });
  };
  const probe = c.featureMaps ? new FeatureMapProbe(c.doc) : null;
  const observers = [...viewObservers(tf, c.doc, send), ...(probe ? [probe] : [])].map((o) => timed(o, spent));
  const s = await seconds(c.doc, emit, observers);
  return { s, views, features: probe?.count ?? 0, inViews: spent.ms / 1000 / s };
}

/**
 * What the live views cost a training run: each case trained with and without its views, alternated
 * (and the order swapped each round) so the machine's drift hits both alike; the ratio is of medians.
 * Beside it, the share of the viewed run spent inside the views' hooks, which a loaded machine's
 * drift cannot blur (it leaves out only what the views cost training indirectly, e.g. caches).
 */
export async function benchViewOverhead(rounds = 3): Promise<Record<string, string | number>[]> {
  const rows: Record<string, string | number>[] = [];
  // BENCH_CASE=<words> measures only the cases whose name contains them.
  for (const c of CASES.filter((x) => x.name.includes(process.env.BENCH_CASE ?? ''))) {
    const l = listener();
    await seconds(c.doc, l.emit); // warm-up: loads the data, compiles kernels
    const plain: number[] = [];
    const withViews: number[] = [];
    let views = 0;
    let features = 0;
    const shares: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const first = i % 2 === 0;
      if (first) plain.push(await seconds(c.doc, listener().emit));
      const v = await viewed(c, listener().emit);
      withViews.push(v.s);
      views = v.views;
      features = v.features;
      shares.push(v.inViews);
      if (!first) plain.push(await seconds(c.doc, listener().emit));
    }
    const base = median(plain);
    const seen = median(withViews);
    rows.push({
      case: c.name,
      without_s: base,
      with_views_s: seen,
      view_events: views,
      feature_maps: features,
      ratio: seen / base,
      overhead_percent: ((seen - base) / base) * 100,
      in_view_hooks_percent: median(shares) * 100,
    });
    console.error(`${c.name}: ${plain.map((x) => x.toFixed(2)).join(' ')} | ${withViews.map((x) => x.toFixed(2)).join(' ')}`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchViewOverhead(Number(process.env.BENCH_ROUNDS ?? 3));
  console.log('Live-view overhead (median of alternated runs, same process)\n');
  console.log(table(rows));
  // A chosen subset is printed only: the results file keeps every case of one run.
  if (!process.env.BENCH_CASE)
    writeFileSync(
      join('bench', 'results', 'view-overhead.json'),
      `${JSON.stringify({ measured: new Date().toISOString(), goal_percent: 5, rows }, null, 2)}\n`,
    );
}

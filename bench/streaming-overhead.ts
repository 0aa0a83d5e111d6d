import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProjectText } from '../app/document/load';
import type { ProjectDoc } from '../app/document/schema';
import { hostEventSchema, type HostEvent } from '../app/protocol/events';
import type { RunObserver } from '../main/engine/run/observer';
import { train } from '../main/engine/train';
import { median, table } from './stats';

/** A template as the app opens it. */
export function templateDoc(id: string): ProjectDoc {
  const loaded = loadProjectText(readFileSync(join('resources', 'templates', `${id}.layerlab.json`), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.doc;
}

function mnistMlp(): ProjectDoc {
  const doc = templateDoc('mlp-mnist');
  doc.data = { ...doc.data, limit: 12_000 };
  doc.training = { ...doc.training, epochs: 2, batchSize: 32, validationSplit: 0.1 };
  return doc;
}

/** What a host does with every event: validate it and serialise it for IPC or the WebSocket. */
export function listener(): { emit: (e: HostEvent) => void; count: () => number } {
  let n = 0;
  return {
    emit: (e) => {
      JSON.stringify(hostEventSchema.parse(e));
      n++;
    },
    count: () => n,
  };
}

/** Wall seconds of one whole training run of `doc` on wasm, with the given event listener and observers. */
export async function seconds(doc: ProjectDoc, emit: (e: HostEvent) => void, observers: readonly RunObserver[] = []): Promise<number> {
  const start = performance.now();
  await train({ runId: 'bench', document: doc, backend: 'wasm' }, { tf, emit, observers });
  return (performance.now() - start) / 1000;
}

/**
 * The cost of streaming progress to the UI: the same training with the host's listener
 * (validate + serialise every event) and with none, alternated so drift hits both alike.
 */
export async function benchStreamingOverhead(rounds = 5): Promise<Record<string, string | number>[]> {
  const doc = mnistMlp();
  const ignore = (): void => undefined;
  await seconds(doc, ignore); // warm-up: loads MNIST, compiles kernels
  const quiet: number[] = [];
  const heard: number[] = [];
  let events = 0;
  for (let i = 0; i < rounds; i++) {
    quiet.push(await seconds(doc, ignore));
    const l = listener();
    heard.push(await seconds(doc, l.emit));
    events = l.count();
  }
  const base = median(quiet);
  const withListener = median(heard);
  return [
    {
      model: 'MLP 784-128-10, 10,800 MNIST examples × 2 epochs',
      no_listener_s: base,
      with_listener_s: withListener,
      events,
      overhead_percent: ((withListener - base) / base) * 100,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchStreamingOverhead();
  console.log('Streaming overhead (median of alternated runs, same process)\n');
  console.log(table(rows));
  writeFileSync(
    join('bench', 'results', 'streaming-overhead.json'),
    `${JSON.stringify({ measured: new Date().toISOString(), goal_percent: 2, rows }, null, 2)}\n`,
  );
}

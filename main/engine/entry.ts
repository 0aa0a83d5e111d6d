import * as tf from '@tensorflow/tfjs';
import { EVENT_VERSION } from '../../app/protocol/events';
import { engineCommandSchema, type EngineCommand } from '../../app/protocol/engine';
import type { EvaluationReply } from '../../app/protocol/evaluation';
import { playgroundAskSchema, type PlaygroundAnswer } from '../../app/protocol/playground';
import { PlaygroundSession } from './evaluate/playground';
import { attentionView } from './views/attention';
import { selectBackend } from './backend';
import { connectToHost } from './channel';
import { progressReporter, useDownloadCache } from './datasets/cache';
import { RunControls } from './controls';
import { loadCheckpoint, openRecorder } from '../record/recorder';
import { failureEvent } from './run/fail';
import { train } from './train';
import { BrowserRelay } from './compute/relay';
import { UserError } from '../user-error';
import { evaluateRun, loadRecordedModel } from './evaluate/evaluate';
import { recordingViews, viewObservers } from './views';
import { inspectPretrained } from './pretrained-inspect';
import { engineReport } from './doctor/report';
import type { DoctorReply } from '../../app/protocol/engines';

/** Engine process: one run, then exit. Training never shares an event loop with a UI or host. */
const channel = connectToHost();
let controls: RunControls | null = null;
let relay: BrowserRelay | null = null;
let started = false;

async function start(cmd: Extract<EngineCommand, { type: 'start' }>): Promise<void> {
  const { runId } = cmd;
  controls = new RunControls(
    (step) => channel.send({ v: EVENT_VERSION, type: 'run.paused', runId, step }),
    () => channel.send({ v: EVENT_VERSION, type: 'run.resumed', runId }),
  );
  useDownloadCache(
    cmd.cacheDir,
    progressReporter((message) => channel.send({ v: EVENT_VERSION, type: 'run.log', runId, level: 'info', message })),
  );
  if (cmd.compute === 'browser') {
    relay = new BrowserRelay(
      cmd,
      (e) => channel.send(e),
      (frame) => channel.send({ type: 'compute', frame }),
    );
    await relay.ended;
    setTimeout(() => process.exit(0), 50);
    return;
  }
  try {
    const recorder = openRecorder(cmd.runDir);
    await train(
      {
        runId,
        document: cmd.document,
        ...(cmd.backend ? { backend: cmd.backend } : {}),
        ...(cmd.runDir ? { runDir: cmd.runDir } : {}),
        ...(cmd.resume ? { resume: cmd.resume } : {}),
        ...(cmd.python ? { python: cmd.python } : {}),
        ...(cmd.fallback ? { fallback: true } : {}),
      },
      {
        tf,
        emit: (e) => channel.send(e),
        controls,
        recorder,
        loadCheckpoint: (dir) => loadCheckpoint(tf, dir, 'last'),
        // The views watch tfjs tensors between batches; a PyTorch run's are in Python, so they are computed afterwards.
        observers:
          cmd.backend === 'pytorch'
            ? []
            : viewObservers(
                tf,
                cmd.document,
                recordingViews(recorder, (view) => channel.send({ v: EVENT_VERSION, type: 'run.view', runId, view })),
              ),
      },
    );
  } catch (e) {
    channel.send(failureEvent(runId, e));
  }
  // Let the last message drain before the process ends.
  setTimeout(() => process.exit(0), 50);
}

/** An evaluation is its own engine run: load the recorded weights, score the test split, answer once, exit. */
async function evaluate(cmd: Extract<EngineCommand, { type: 'evaluate' }>): Promise<void> {
  try {
    const { backend, ...rest } = cmd;
    const report = await evaluateRun(tf, { ...rest, ...(backend ? { backend } : {}) }, (message) => {
      channel.send({ type: 'evaluation.progress', message } satisfies EvaluationReply);
    });
    channel.send({ type: 'evaluation.done', report } satisfies EvaluationReply);
  } catch (e) {
    const err = e as Error;
    channel.send({
      type: 'evaluation.failed',
      message: err instanceof UserError ? err.message : `Evaluation failed: ${err.message}`,
    } satisfies EvaluationReply);
  }
  setTimeout(() => process.exit(0), 50);
}

/** The compute-engine report: probes that load tfjs-node, Dawn and Python, so it runs in an engine process, not a host. */
async function doctor(cmd: Extract<EngineCommand, { type: 'doctor' }>): Promise<void> {
  try {
    channel.send({ type: 'doctor.done', report: await engineReport(tf, cmd.python) } satisfies DoctorReply);
  } catch (e) {
    channel.send({ type: 'doctor.failed', message: `The engine check failed: ${(e as Error).message}` } satisfies DoctorReply);
  }
  setTimeout(() => process.exit(0), 50);
}

let playground: Promise<PlaygroundSession> | null = null;
const answer = (a: PlaygroundAnswer) => channel.send(a);
const said = (e: unknown) => (e instanceof UserError ? e.message : `The playground failed: ${(e as Error).message}`);

/** A playground is a long-lived engine: the model loads once, then each drawing or sentence is one forward pass. */
function openPlayground(cmd: Extract<EngineCommand, { type: 'playground' }>): void {
  playground = (async () => {
    await selectBackend(tf);
    return PlaygroundSession.open(tf, cmd.document, await loadRecordedModel(tf, cmd.runDir, cmd.weights));
  })();
  playground.then(
    (p) => answer({ type: 'playground.ready', inputs: p.inputShapes.map((s) => [...s]) }),
    (e: unknown) => answer({ type: 'playground.failed', id: null, message: said(e) }),
  );
}

function askPlayground(raw: unknown): void {
  const ask = playgroundAskSchema.safeParse(raw);
  if (!ask.success || !playground) return;
  const q = ask.data;
  playground
    .then(async (p) => {
      switch (q.type) {
        case 'playground.predict':
          answer({ type: 'playground.predicted', id: q.id, result: await p.predict(q.input) });
          return;
        case 'playground.features':
          answer({ type: 'playground.features', id: q.id, features: await p.features(q.input, q.layer) });
          return;
        case 'playground.attention':
          answer({ type: 'playground.attended', id: q.id, attention: await attentionView(tf, p.model, await p.tokensOf(q.input), q.layer) });
          return;
      }
    })
    .catch((e: unknown) => {
      answer({ type: 'playground.failed', id: q.id, message: said(e) });
    });
}

channel.onMessage((raw) => {
  const parsed = engineCommandSchema.safeParse(raw);
  if (!parsed.success) {
    askPlayground(raw);
    return;
  }
  const cmd = parsed.data;
  switch (cmd.type) {
    case 'start':
      if (!started) {
        started = true;
        void start(cmd);
      }
      return;
    case 'evaluate':
      if (!started) {
        started = true;
        void evaluate(cmd);
      }
      return;
    case 'pretrained':
      if (!started) {
        started = true;
        void inspectPretrained(tf, cmd, (r) => channel.send(r)).then(() => setTimeout(() => process.exit(0), 50));
      }
      return;
    case 'doctor':
      if (!started) {
        started = true;
        void doctor(cmd);
      }
      return;
    case 'playground':
      if (!started) {
        started = true;
        openPlayground(cmd);
      }
      return;
    case 'compute':
      return relay?.deliver(cmd.frame);
    case 'compute.closed':
      return relay?.closed();
    case 'stop':
    case 'pause':
    case 'resume':
    case 'step':
      if (relay) relay.control(cmd.type);
      else controls?.[cmd.type]();
      return;
  }
});

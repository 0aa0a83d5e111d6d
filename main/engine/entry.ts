import * as tf from '@tensorflow/tfjs';
import { EVENT_VERSION } from '../../app/protocol/events';
import { engineCommandSchema, type EngineCommand } from '../../app/protocol/engine';
import { connectToHost } from './channel';
import { progressReporter, useDownloadCache } from './datasets/cache';
import { RunControls } from './controls';
import { loadCheckpoint, openRecorder } from '../record/recorder';
import { failureEvent } from './run/fail';
import { train } from './train';

/** Engine process: one run, then exit. Training never shares an event loop with a UI or host. */
const channel = connectToHost();
let controls: RunControls | null = null;
let started = false;

async function start(cmd: Extract<EngineCommand, { type: 'start' }>): Promise<void> {
  const { runId } = cmd;
  controls = new RunControls(
    (step) => channel.send({ v: EVENT_VERSION, type: 'run.paused', runId, step }),
    () => channel.send({ v: EVENT_VERSION, type: 'run.resumed', runId }),
  );
  useDownloadCache(cmd.cacheDir, progressReporter((message) => channel.send({ v: EVENT_VERSION, type: 'run.log', runId, level: 'info', message })));
  try {
    await train(
      {
        runId,
        document: cmd.document,
        ...(cmd.backend ? { backend: cmd.backend } : {}),
        ...(cmd.runDir ? { runDir: cmd.runDir } : {}),
        ...(cmd.resume ? { resume: cmd.resume } : {}),
      },
      { tf, emit: (e) => channel.send(e), controls, recorder: openRecorder(cmd.runDir), loadCheckpoint: (dir) => loadCheckpoint(tf, dir, 'last') },
    );
  } catch (e) {
    channel.send(failureEvent(runId, e));
  }
  // Let the last message drain before the process ends.
  setTimeout(() => process.exit(0), 50);
}

channel.onMessage((raw) => {
  const parsed = engineCommandSchema.safeParse(raw);
  if (!parsed.success) return;
  const cmd = parsed.data;
  switch (cmd.type) {
    case 'start':
      if (!started) {
        started = true;
        void start(cmd);
      }
      return;
    case 'stop':
      return controls?.stop();
    case 'pause':
      return controls?.pause();
    case 'resume':
      return controls?.resume();
    case 'step':
      return controls?.step();
  }
});

import { resolve } from 'node:path';
import type { BackendName } from '../../app/protocol/backend';
import type { HostEvent } from '../../app/protocol/events';
import { forkEngine } from '../service/fork-engine';
import type { AppPaths } from '../service/paths';
import { projectIdForPath, RunStore } from '../service/run-store';
import { RunManager } from '../service/runs';
import { CliError } from './errors';
import { readProjectFile } from './project-file';

export interface TrainOptions {
  readonly epochs?: number;
  readonly backend?: BackendName;
  /** The interpreter for `--backend pytorch` (else LAYERLAB_PYTHON, python3, /usr/bin/python3). */
  readonly python?: string;
  /** With `--backend pytorch`: train with LayerLab's own engine when PyTorch is missing, instead of failing. */
  readonly fallback?: boolean;
  readonly json: boolean;
  /** Runs are recorded under <dataDir>/projects/<projectId>/runs/. */
  readonly dataDir: string;
}

const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(4));

/** Trains headless in an engine process, one line per epoch; returns the exit code. */
export async function trainCommand(
  path: string,
  opts: TrainOptions,
  paths: AppPaths,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { doc, warnings } = await readProjectFile(path);
  for (const w of warnings) err(`warning: ${w}`);
  if (opts.epochs !== undefined) doc.training = { ...doc.training, epochs: opts.epochs };
  const info = opts.json ? err : out;
  let backend = '';
  let code = 1;
  // Shells report a process ended by signal N as 128 + N: 130 for Ctrl+C, 143 for a SIGTERM.
  let stoppedBy: NodeJS.Signals = 'SIGINT';
  const onEvent = (e: HostEvent) => {
    switch (e.type) {
      case 'run.started':
        backend = e.backend.name;
        info(`Training on ${e.samples.train} examples (validating on ${e.samples.validation}) with ${e.backend.name} on ${e.backend.device}; loss: ${e.loss}.`);
        break;
      case 'run.log':
        if (!e.message.startsWith('Backend:')) info(e.message);
        break;
      case 'run.batches':
        break;
      case 'run.epoch': {
        const l = e.logs;
        if (opts.json) {
          // The usual keys always (null when absent), then every other metric the run logged (a GAN's d_loss, g_loss, …).
          const { loss, accuracy, val_loss, val_accuracy, ...extra } = l;
          out(
            JSON.stringify({
              epoch: e.epoch,
              loss,
              accuracy: accuracy ?? null,
              val_loss: val_loss ?? null,
              val_accuracy: val_accuracy ?? null,
              ...extra,
              seconds: Number(e.seconds.toFixed(3)),
              backend,
            }),
          );
        } else {
          const parts = [
            `Epoch ${e.epoch}/${e.epochs}`,
            `loss ${fmt(l.loss)}`,
            l.accuracy !== undefined ? `accuracy ${fmt(l.accuracy)}` : '',
            l.val_loss !== undefined ? `val_loss ${fmt(l.val_loss)}` : '',
            l.val_accuracy !== undefined ? `val_accuracy ${fmt(l.val_accuracy)}` : '',
            `${e.seconds.toFixed(1)}s`,
          ];
          out(parts.filter(Boolean).join('  '));
        }
        break;
      }
      case 'run.finished':
        info(`Run ${e.status} after ${e.epochsDone} epoch${e.epochsDone === 1 ? '' : 's'} in ${e.seconds.toFixed(1)}s.`);
        code = e.status === 'completed' ? 0 : stoppedBy === 'SIGTERM' ? 143 : 130;
        break;
      case 'run.failed':
        err(`error: ${e.message}`);
        code = 1;
        break;
    }
  };
  // A file saved by the app carries its project id; one without gets a stable id from where it lives.
  doc.id ??= projectIdForPath(resolve(path));
  const store = new RunStore(opts.dataDir);
  const runs = new RunManager(forkEngine(paths.engine), onEvent, store);
  let runId: string;
  try {
    runId = runs.start(doc, opts.backend, undefined, { ...(opts.python ? { python: opts.python } : {}), ...(opts.fallback ? { fallback: true } : {}) });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  info(`Run recorded in ${store.runDir(doc.id, runId)}`);
  // A SIGTERM (a service manager, `kill`, a closing terminal's job control) stops the run as
  // Ctrl+C does, so it is recorded as stopped with its epochs, never left "running".
  const interrupt = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    runs.stop(runId);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    await runs.idle();
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  return code;
}

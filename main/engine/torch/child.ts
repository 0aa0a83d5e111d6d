import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { UserError } from '../context';
import { LineSplitter, parseRunnerLine, type RunnerLine } from './lines';

/** What the engine tells the runner on its stdin. */
export type RunnerCommand =
  | { readonly cmd: 'start'; readonly initialEpoch: number; readonly epochs: number; readonly weights: string | null }
  | { readonly cmd: 'pause' | 'resume' | 'step' | 'stop' };

const TAIL = 4000;

export interface ChildLimits {
  /** How long the runner may take to import torch and load its data before saying `ready`. */
  readonly startMs: number;
  /** How long it may stay silent while it trains (not while paused). */
  readonly silenceMs: number;
}

export const DEFAULT_LIMITS: ChildLimits = {
  startMs: Number(process.env.LAYERLAB_TORCH_START_MS) || 300_000,
  silenceMs: Number(process.env.LAYERLAB_TORCH_SILENCE_MS) || 600_000,
};

/** The last lines of what the child wrote on stderr, for the failure message (a Python traceback ends with its cause). */
function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n');
}

/**
 * The PyTorch runner as a child process: its stdout parsed line by line (validated, capped), commands written to its
 * stdin, its stderr's tail kept. Whatever goes wrong — a bad line, an exit before the run ended, silence past the
 * limit — becomes one UserError that says what happened and shows the tail of stderr; the child is then killed.
 */
export class RunnerChild {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: RunnerLine[] = [];
  private waiter: { resolve: (l: RunnerLine) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private stderr = '';
  private timer: NodeJS.Timeout | null = null;
  private ended = false;
  /** The runner's own error line, reported once it has exited. */
  private failing: string | null = null;
  /** Resolves when the child has exited (whatever the reason). */
  readonly exited: Promise<void>;

  constructor(
    python: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
    private readonly limits: ChildLimits = DEFAULT_LIMITS,
  ) {
    this.child = spawn(python, ['-u', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const splitter = new LineSplitter((raw) => {
      const parsed = parseRunnerLine(raw);
      if (parsed.ok) this.deliver(parsed.line);
      else this.fail(`PyTorch sent ${parsed.why}, so the run was stopped.`);
    });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => splitter.push(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-TAIL);
    });
    // A runner that cannot read a command any more (it exited) must not take the engine down with EPIPE.
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (e) => {
        this.fail(`Python could not be started (${python}: ${e.message}).`);
        resolve();
      });
      this.child.once('close', (code, signal) => {
        this.ended = true;
        this.clearTimer();
        this.fail(
          this.failing ??
            (code === 0 ? 'PyTorch ended before the run did.' : `PyTorch stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${String(code)}`}).`),
        );
        resolve();
      });
    });
    this.arm(limits.startMs, 'to start (import torch and load the data)');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The next line, in order; rejects once the child failed (and every later call does too). */
  next(): Promise<RunnerLine> {
    const line = this.queue.shift();
    if (line) return Promise.resolve(line);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  send(command: RunnerCommand): void {
    if (this.ended || this.child.stdin.destroyed) return;
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
  }

  /** While paused the runner is silent on purpose; afterwards the silence limit applies again. */
  holding(paused: boolean): void {
    if (paused) this.clearTimer();
    else this.arm(this.limits.silenceMs, 'between batches');
  }

  /** Ends the child: stdin closed (the runner stops by itself), then killed if it is still there shortly after. */
  async close(graceMs = 2000): Promise<void> {
    this.clearTimer();
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private deliver(line: RunnerLine): void {
    if (this.failure || this.failing) return;
    if (line.type === 'error') {
      // Its traceback follows on stderr as the runner exits: wait for that (briefly) so the message can show it.
      const message = `PyTorch failed: ${line.message}`;
      this.clearTimer();
      this.failing = message;
      setTimeout(() => this.fail(message), 2000).unref();
      return;
    }
    this.arm(this.limits.silenceMs, 'between batches');
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter.resolve(line);
    else this.queue.push(line);
  }

  private fail(message: string): void {
    if (this.failure) return;
    // The stderr of a crash arrives just before 'close'; what is there now is what the user sees.
    const tail = lastLines(this.stderr, 8);
    this.failure = new UserError(tail ? `${message}\nIts last output:\n${tail}` : message, { detail: this.stderr || undefined });
    this.clearTimer();
    if (!this.ended) this.child.kill('SIGKILL');
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(this.failure);
  }

  private arm(ms: number, what: string): void {
    this.clearTimer();
    if (this.ended) return;
    this.timer = setTimeout(() => this.fail(`PyTorch sent nothing for ${Math.round(ms / 1000)} s ${what}, so the run was stopped.`), ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

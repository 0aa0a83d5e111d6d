import { z } from 'zod';

/** The longest line the runner may send; anything longer is a broken or hostile child, and the run fails. */
export const MAX_LINE = 64 * 1024;

/** JSON has no NaN: the runner sends a non-finite number as null, read back here as NaN so NaN detection sees it. */
const value = z
  .number()
  .nullable()
  .transform((v) => v ?? NaN);
const count = z.int().min(0).max(1e12);
/** A checkpoint is a plain file name inside the runner's output folder (name.json + name.bin), never a path. */
const checkpoint = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const text = (max: number) => z.string().max(max);

/** Every line the PyTorch runner (app/export/pytorch/runner-py.ts) may print on stdout. */
export const runnerLineSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    python: text(40),
    torch: text(60),
    device: z.enum(['cpu', 'cuda', 'mps']),
    deviceName: text(200),
    train: count,
    validation: count,
    batchesPerEpoch: z.int().min(1).max(1e9),
  }),
  z.object({ type: z.literal('epoch_begin'), epoch: count, lr: value }),
  z.object({ type: z.literal('batch'), epoch: count, batch: count, step: count, loss: value, ms: z.number().min(0).max(1e9) }),
  z.object({
    type: z.literal('epoch'),
    epoch: count,
    logs: z
      .object({ loss: value })
      .catchall(value)
      .refine((l) => Object.keys(l).length <= 64 && Object.keys(l).every((k) => /^[A-Za-z0-9_]{1,64}$/.test(k)), 'log names must be short words'),
    checkpoint,
  }),
  z.object({ type: z.literal('paused'), step: count }),
  z.object({ type: z.literal('stopped'), step: count, checkpoint: checkpoint.nullable() }),
  z.object({ type: z.literal('done'), step: count }),
  z.object({ type: z.literal('error'), message: text(4000) }),
]);
export type RunnerLine = z.output<typeof runnerLineSchema>;

export type ParsedLine = { readonly ok: true; readonly line: RunnerLine } | { readonly ok: false; readonly why: string };

/** One line from the child, checked: its length, JSON, then the schema. A bad line is described, never thrown. */
export function parseRunnerLine(raw: string): ParsedLine {
  if (raw.length > MAX_LINE) return { ok: false, why: `a line of ${raw.length} characters (at most ${MAX_LINE})` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, why: `a line that is not JSON: ${JSON.stringify(raw.slice(0, 80))}` };
  }
  const parsed = runnerLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      why: `an unexpected line (${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}): ${JSON.stringify(raw.slice(0, 80))}`,
    };
  }
  return { ok: true, line: parsed.data };
}

/**
 * Splits a byte stream into lines without ever holding more than MAX_LINE characters of one: a child that never
 * sends a newline is cut off (`onLine` gets the over-long prefix, which the parser refuses) rather than filling memory.
 */
export class LineSplitter {
  private pending = '';
  private overflowed = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.take(chunk.slice(start, nl), true);
      start = nl + 1;
    }
    this.take(chunk.slice(start), false);
  }

  private take(piece: string, ends: boolean): void {
    if (!this.overflowed) {
      this.pending += piece;
      if (this.pending.length > MAX_LINE) {
        // Report it once, at its cap; the rest of this line is dropped.
        this.overflowed = true;
        this.onLine(this.pending.slice(0, MAX_LINE + 1));
        this.pending = '';
      }
    }
    if (!ends) return;
    if (!this.overflowed && this.pending.trim() !== '') this.onLine(this.pending.replace(/\r$/, ''));
    this.pending = '';
    this.overflowed = false;
  }
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataError, formatBytes, problem } from './problems';
import { notTextMessage, readStart, sniffBytes } from './sniff';

/**
 * No record of a real table comes near this. A file with no line break (or only old-Mac
 * carriage returns) would otherwise be gathered into one string until memory runs out.
 */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/** One CSV record: its text (several physical lines when a quoted field holds line breaks) and where it starts. */
export interface CsvRecord {
  readonly line: number;
  readonly text: string;
  /** Set on a last record whose quote never closes (it swallowed the rest of the file). */
  readonly unclosedQuote?: true;
}

export interface RecordOptions {
  /** Stop after this many records (a preview). */
  readonly maxRecords?: number;
  /** Stop after reading this many bytes (a preview of a huge file). */
  readonly maxBytes?: number;
  /** A record longer than this stops the read with an error naming its line. */
  readonly maxRecordChars?: number;
}

function tooLong(display: string, line: number, limit: number, text: string): DataError {
  const why = text.includes('\r')
    ? ' Its lines seem to end in a lone carriage return, as old Mac files do: save it with ordinary line endings.'
    : ' A table has one row per line: is this really a CSV file?';
  return new DataError([problem(display, `${display}, line ${line} is longer than ${formatBytes(limit)}.${why}`, { line })]);
}

function countQuotes(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('"', from); i >= 0 && i < to; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Streams a delimited text file record by record, never holding more than one chunk and one
 * record. Records end at a line break outside quotes ("" inside quotes is an escaped quote, so
 * quote parity decides). Blank lines are skipped but counted, so line numbers match an editor's.
 */
export async function* readRecords(path: string, display: string, opts: RecordOptions = {}): AsyncGenerator<CsvRecord> {
  const info = await stat(path).catch((caught: unknown) => {
    const e = caught as NodeJS.ErrnoException;
    throw new DataError([
      problem(
        display,
        e.code === 'ENOENT' ? `The data at ${display} is gone — was it moved? Choose its new location.` : `Cannot read ${display}: ${e.message}`,
      ),
    ]);
  });
  if (info.isDirectory()) throw new DataError([problem(display, `${display} is a folder; choose a CSV file.`)]);
  if (!info.isFile()) throw new DataError([problem(display, `${display} is not a regular file (a pipe or a device); choose a CSV file.`)]);
  if (info.size === 0) throw new DataError([problem(display, `${display} is empty.`)]);
  const notText = notTextMessage(display, sniffBytes(await readStart(path)));
  if (notText) throw new DataError([problem(display, notText)]);
  const limit = opts.maxRecordChars ?? MAX_RECORD_CHARS;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16, ...(opts.maxBytes ? { end: opts.maxBytes - 1 } : {}) });
  let pending = '';
  let pendingLine = 1;
  let inQuotes = false;
  let line = 1;
  let emitted = 0;
  let first = true;
  try {
    for await (const raw of stream) {
      let chunk = raw as string;
      if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
      let pos = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', pos)) {
        if (countQuotes(chunk, pos, nl) % 2 === 1) inQuotes = !inQuotes;
        if (inQuotes) {
          pending += chunk.slice(pos, nl + 1);
          if (pending.length > limit) throw tooLong(display, pendingLine, limit, pending);
        } else {
          let text = pending + chunk.slice(pos, nl);
          // CRLF, even when the chunk boundary falls between the two.
          if (text.endsWith('\r')) text = text.slice(0, -1);
          pending = '';
          if (text.trim() !== '') {
            yield { line: pendingLine, text };
            if (opts.maxRecords !== undefined && ++emitted >= opts.maxRecords) return;
          }
          pendingLine = line + 1;
        }
        line++;
        pos = nl + 1;
      }
      if (countQuotes(chunk, pos, chunk.length) % 2 === 1) inQuotes = !inQuotes;
      pending += chunk.slice(pos);
      if (pending.length > limit) throw tooLong(display, pendingLine, limit, pending);
    }
    const text = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
    // A preview cut mid-record drops the partial record rather than misreading it.
    const cut = opts.maxBytes !== undefined && info.size > opts.maxBytes;
    if (text.trim() !== '' && !cut) yield { line: pendingLine, text, ...(inQuotes ? { unclosedQuote: true as const } : {}) };
  } finally {
    stream.destroy();
  }
}

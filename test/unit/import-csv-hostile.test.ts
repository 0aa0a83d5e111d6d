import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSettingsSchema } from '../../app/data/catalog';
import { importUserData } from '../../main/data/complete';
import { DataError } from '../../main/data/problems';
import { readRecords } from '../../main/data/records';
import { tempDir, writeText } from '../fixtures/user-data';

const importCsv = (path: string) => importUserData('csv', dataSettingsSchema.parse({ dataset: 'csv', source: { path }, split: { validation: 0.2 } }));

/** The problems an import fails with (every message, in order). */
async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DataError)) throw new Error(`expected a DataError, got ${String(e)}`);
  return e.problems.map((q) => q.message);
}

/** A numeric table (x, y, label) of `rows` rows, with some cells of column x replaced. */
function numericCsv(rows: number, replace: Record<number, string> = {}): string {
  const lines = ['x,y,label'];
  for (let i = 0; i < rows; i++) lines.push(`${replace[i] ?? (i * 0.5).toFixed(1)},${(i % 7) + 0.25},${i % 2 ? 'yes' : 'no'}`);
  return `${lines.join('\n')}\n`;
}

describe('CSV import of hostile files', () => {
  it('says a file with a header and nothing else has no data rows', async () => {
    const file = writeText(tempDir(), 'header.csv', 'sepal_length,sepal_width,species\n');
    expect(await problemsOf(importCsv(file))).toEqual([`${file} has a header but no data rows.`]);
  });

  it('names each infinite, overflowing or NUL-holding value by line and column, and keeps the column numeric', async () => {
    // Data row i is on line i + 2.
    const file = writeText(tempDir(), 'odd.csv', numericCsv(300, { 3: 'Infinity', 10: '-Infinity', 20: '1e309', 30: '4\u00002', 40: '-inf' }));
    expect(await problemsOf(importCsv(file))).toEqual([
      `${file}, line 5, column "x": "Infinity" is infinite; LayerLab trains on finite numbers only.`,
      `${file}, line 12, column "x": "-Infinity" is infinite; LayerLab trains on finite numbers only.`,
      `${file}, line 22, column "x": "1e309" is too large for a number (it overflows to infinity).`,
      `${file}, line 32, column "x": "4\\02" holds a NUL byte, which no number does: the file may be damaged.`,
      `${file}, line 42, column "x": "-inf" is infinite; LayerLab trains on finite numbers only.`,
    ]);
  });

  it('reports a column of many infinities as such, not as 167 categories', async () => {
    const replace = Object.fromEntries(Array.from({ length: 167 }, (_, i) => [i * 3, 'Infinity']));
    const file = writeText(tempDir(), 'inf.csv', numericCsv(600, replace));
    const problems = await problemsOf(importCsv(file));
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe(`${file}, line 2, column "x": "Infinity" is infinite; LayerLab trains on finite numbers only.`);
    expect(problems[20]).toBe(`${file}, column "x": 147 more values are infinite, too large or damaged.`);
  });

  it('reads "NaN" as a missing value, as pandas writes and reads it', async () => {
    const file = writeText(tempDir(), 'nan.csv', numericCsv(100, { 5: 'NaN' }));
    const { settings, problems } = await importCsv(file);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(settings.source!.csv.columns[0]).toMatchObject({ name: 'x', type: 'number' });
  });

  it('asks for UTF-8 when the file is UTF-16, with or without a byte-order mark', async () => {
    const dir = tempDir();
    const text = numericCsv(20);
    const le = join(dir, 'le.csv');
    writeFileSync(le, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    const be = join(dir, 'be.csv');
    writeFileSync(be, Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, Buffer.from(text, 'utf16le'));
    const advice = 'LayerLab reads UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8"; in Notepad: Save as, Encoding UTF-8).';
    expect(await problemsOf(importCsv(le))).toEqual([`${le} is saved as UTF-16 (little-endian); ${advice}`]);
    expect(await problemsOf(importCsv(be))).toEqual([`${be} is saved as UTF-16 (big-endian); ${advice}`]);
    expect(await problemsOf(importCsv(bare))).toEqual([`${bare} is saved as UTF-16 (little-endian); ${advice}`]);
  });

  it('says a PNG renamed .csv is not a text file, and what it looks like', async () => {
    const dir = tempDir();
    const png = join(dir, 'photo.csv');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\n\u0000\u0001IHDR\n', 'latin1')]));
    expect(await problemsOf(importCsv(png))).toEqual([`${png}: this is not a text file (it looks like a PNG image). Choose a CSV or text file.`]);
    const noise = join(dir, 'noise.csv');
    writeFileSync(noise, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 73) % 256)));
    expect(await problemsOf(importCsv(noise))).toEqual([`${noise}: this is not a text file. Choose a CSV or text file.`]);
  });

  it('asks for UTF-8 when the text is in a legacy encoding', async () => {
    const file = join(tempDir(), 'latin1.csv');
    writeFileSync(file, Buffer.from('name,price,label\ncafé,2.5,yes\nthé,1.5,no\n', 'latin1'));
    expect((await problemsOf(importCsv(file)))[0]).toMatch(/latin1\.csv is not UTF-8 text: .* Save it as UTF-8/);
  });

  it('stops at a line longer than the limit instead of reading a file with no line break into one string', async () => {
    const dir = tempDir();
    const file = join(dir, 'one-line.csv');
    // 12 MB with no line break: past the reader's 8 MB record limit.
    writeFileSync(file, '1,'.repeat(6 * 1024 * 1024));
    expect(await problemsOf(importCsv(file))).toEqual([`${file}, line 1 is longer than 8.0 MB. A table has one row per line: is this really a CSV file?`]);
  });

  it('with a lowered limit, reads only about that much of a 40 MB line, and recognises old Mac line endings', async () => {
    const dir = tempDir();
    const file = join(dir, 'mac.csv');
    writeFileSync(file, `a,b\r${'1,2\r'.repeat(10 * 1024 * 1024)}`);
    const read = async () => {
      for await (const r of readRecords(file, file, { maxRecordChars: 1 << 20 })) throw new Error(`yielded a record of ${r.text.length} characters`);
    };
    const before = process.memoryUsage().heapUsed;
    expect((await problemsOf(read()))[0]).toBe(
      `${file}, line 1 is longer than 1.0 MB. Its lines seem to end in a lone carriage return, as old Mac files do: save it with ordinary line endings.`,
    );
    // Reading 40 MB into a string would need at least that much heap; the reader stopped near 1 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(30 * 1024 * 1024);
  });

  it('refuses a named pipe as data instead of waiting on it', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(tempDir(), 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await problemsOf(importCsv(fifo))).toEqual([`${fifo} is not a regular file (a pipe or a device); choose a CSV file.`]);
  });
});

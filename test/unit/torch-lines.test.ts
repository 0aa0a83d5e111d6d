import { describe, expect, it } from 'vitest';
import { RunnerChild } from '../../main/engine/torch/child';
import { LineSplitter, MAX_LINE, parseRunnerLine } from '../../main/engine/torch/lines';

const VALID = [
  '{"type":"ready","python":"3.11.2","torch":"1.13.0","device":"cpu","deviceName":"CPU (2 threads)","train":900,"validation":100,"batchesPerEpoch":29}',
  '{"type":"epoch_begin","epoch":0,"lr":0.001}',
  '{"type":"batch","epoch":0,"batch":3,"step":4,"loss":2.25,"ms":1.5}',
  '{"type":"epoch","epoch":0,"logs":{"loss":0.5,"val_loss":null},"checkpoint":"epoch-1"}',
  '{"type":"paused","step":7}',
  '{"type":"stopped","step":7,"checkpoint":null}',
  '{"type":"done","step":58}',
  '{"type":"error","message":"RuntimeError: boom"}',
];

/** mulberry32: the same hostile lines every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the PyTorch runner protocol', () => {
  it('reads every kind of line, and a null (JSON has no NaN) as NaN', () => {
    for (const line of VALID) expect(parseRunnerLine(line).ok, line).toBe(true);
    const epoch = parseRunnerLine(VALID[3]!);
    expect(epoch.ok && epoch.line.type === 'epoch' && Number.isNaN(epoch.line.logs.val_loss)).toBe(true);
  });

  it('refuses paths as checkpoint names, unknown types, wrong kinds of values and over-long lines', () => {
    for (const bad of [
      '{"type":"epoch","epoch":0,"logs":{"loss":1},"checkpoint":"../../etc/passwd"}',
      '{"type":"shell","cmd":"rm -rf /"}',
      '{"type":"batch","epoch":-1,"batch":0,"step":0,"loss":1,"ms":1}',
      '{"type":"batch","epoch":0,"batch":0,"step":0,"loss":"1","ms":1}',
      '{"type":"epoch","epoch":0,"logs":{"loss":1,"__proto__ x":2},"checkpoint":"a"}',
      '[1,2,3]',
      'NaN',
      `{"type":"error","message":"${'x'.repeat(MAX_LINE)}"}`,
    ]) {
      const parsed = parseRunnerLine(bad);
      expect(parsed.ok, bad.slice(0, 60)).toBe(false);
      if (!parsed.ok) expect(parsed.why.length).toBeLessThan(300);
    }
  });

  it('never throws on 20,000 mutated lines (flipped, cut, spliced characters)', () => {
    const next = random(14);
    const alphabet = '{}[]":,0123456789.-eE nulltrufalsNaN\\\u0000\u2028ü';
    for (let i = 0; i < 20_000; i++) {
      let line = VALID[Math.floor(next() * VALID.length)]!;
      const edits = 1 + Math.floor(next() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(next() * line.length);
        const what = next();
        if (what < 0.3) line = line.slice(0, at);
        else if (what < 0.7) line = line.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)]! + line.slice(at + 1);
        else line = line.slice(0, at) + line.slice(at).split('').reverse().join('');
      }
      const parsed = parseRunnerLine(line);
      if (parsed.ok) expect(VALID.some((v) => v.includes(`"type":"${parsed.line.type}"`))).toBe(true);
    }
  });

  it('splits lines across chunks and cuts off a line that never ends', () => {
    const lines: string[] = [];
    const split = new LineSplitter((l) => lines.push(l));
    split.push('{"a":');
    split.push('1}\r\n\n{"b":2}\n{"c"');
    split.push(':3}\n');
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    const long: string[] = [];
    const capped = new LineSplitter((l) => long.push(l));
    for (let i = 0; i < 100; i++) capped.push('x'.repeat(4096));
    expect(long).toHaveLength(1);
    expect(long[0]!.length).toBe(MAX_LINE + 1);
  });
});

const PYTHON = '/usr/bin/python3';
const limits = { startMs: 1500, silenceMs: 1500 };
const failure = (child: RunnerChild) =>
  child.next().then(
    () => 'no failure',
    (e: unknown) => (e as Error).message,
  );

describe('a runner that misbehaves ends the run with a clear message', () => {
  it('crashes: the exit code and the end of its traceback', async () => {
    const child = new RunnerChild(PYTHON, ['-c', 'import sys\nraise RuntimeError("CUDA out of memory")'], process.env, limits);
    expect(await failure(child)).toMatch(/stopped unexpectedly \(exit code 1\)[\s\S]*RuntimeError: CUDA out of memory/);
  });

  it('hangs: nothing within the limit', async () => {
    const child = new RunnerChild(PYTHON, ['-c', 'import time\ntime.sleep(30)'], process.env, limits);
    expect(await failure(child)).toMatch(/sent nothing for 2 s/);
    await child.exited;
  });

  it('prints what is not a protocol line', async () => {
    const child = new RunnerChild(PYTHON, ['-c', 'print("hello from a model")\nimport time\ntime.sleep(30)'], process.env, limits);
    expect(await failure(child)).toMatch(/not JSON: "hello from a model"/);
    await child.exited;
  });

  it('floods one endless line', async () => {
    const child = new RunnerChild(PYTHON, ['-c', 'import sys\nwhile True: sys.stdout.write("x" * 65536)'], process.env, limits);
    expect(await failure(child)).toMatch(/a line of \d+ characters/);
    await child.exited;
  });

  it('says it failed: its own message, then its traceback', async () => {
    const code = 'import json, sys\nprint(json.dumps({"type": "error", "message": "ValueError: bad shape"}), flush=True)\nraise ValueError("bad shape")';
    const child = new RunnerChild(PYTHON, ['-c', code], process.env, limits);
    expect(await failure(child)).toMatch(/PyTorch failed: ValueError: bad shape[\s\S]*Traceback|PyTorch failed: ValueError: bad shape[\s\S]*ValueError/);
  });
});

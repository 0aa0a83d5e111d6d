import { readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { REQUEST_KINDS } from '../../app/protocol/kinds';
import type { WebHost } from '../../main/web/server';
import { template } from './helpers';
import { call, connect, PROTOCOL_VIOLATIONS, rawRequest, rawSocket, sendRaw, testHost, upgradeText, type Reply } from './web-client';

/** A seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
const rand = prng(0x11a7e5);

let host: WebHost;
let root = '';
let workspace = '';
let sentinel = '';
let before: string[] = [];
let cleanup: () => Promise<void>;
const SECRET = 'secret_column,never_read\n42,43\n';
const PAST = new Date('2001-02-03T04:05:06Z');

/** Every file and folder under `dir` (links not followed), for before/after comparison. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      out.push(relative(root, p));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

beforeAll(async () => {
  ({ host, root, workspace, cleanup } = await testHost());
  sentinel = join(root, 'sentinel.csv');
  writeFileSync(sentinel, SECRET);
  // atime before mtime: under relatime any read of the file moves its atime, so a read is visible.
  utimesSync(sentinel, PAST, new Date());
  symlinkSync(sentinel, join(workspace, 'innocent.csv'));
  symlinkSync(root, join(workspace, 'up'));
  before = listing(root);
});
afterAll(() => cleanup());

/** Names for the sentinel from inside the workspace: every way a path has been used to climb out. */
const TRAVERSALS = () => [
  sentinel,
  '../sentinel.csv',
  '../../sentinel.csv',
  'a/../../sentinel.csv',
  '..\\sentinel.csv',
  'innocent.csv',
  'up/sentinel.csv',
  `${workspace}/../sentinel.csv`,
  '%2e%2e/sentinel.csv',
  '/etc/passwd',
  '/proc/self/environ',
  'sentinel.csv\0.csv',
  '~/.ssh/id_rsa',
  'file:///etc/passwd',
  `${'../'.repeat(40)}etc/passwd`,
];

function validPayloads(): Record<string, unknown>[] {
  const doc = template('mlp-spirals');
  doc.id = 'fuzz_project';
  // No edges: a start fails validation, so no mutation that slips through ever trains.
  doc.graph.edges = [];
  const csv = { dataset: 'csv', source: { path: 'data.csv' } };
  return [
    { kind: 'app.info', payload: {} },
    { kind: 'templates.list', payload: {} },
    { kind: 'templates.get', payload: { id: 'mlp-spirals' } },
    { kind: 'run.start', payload: { document: doc } },
    { kind: 'run.start', payload: { document: { ...doc, data: csv }, continueFrom: 'abcdefgh' } },
    { kind: 'run.stop', payload: { runId: 'abcdefgh' } },
    { kind: 'run.pause', payload: { runId: 'abcdefgh' } },
    { kind: 'runs.list', payload: { projectId: 'fuzz_project' } },
    { kind: 'runs.get', payload: { projectId: 'fuzz_project', runId: 'abcdefgh' } },
    { kind: 'runs.update', payload: { projectId: 'fuzz_project', runId: 'abcdefgh', name: 'n' } },
    { kind: 'runs.delete', payload: { projectId: 'fuzz_project', runId: 'abcdefgh' } },
    { kind: 'data.inspect', payload: { settings: csv } },
    { kind: 'data.import', payload: { settings: csv, baseDir: workspace } },
    { kind: 'data.relocate', payload: { settings: csv, path: 'moved.csv' } },
    { kind: 'dialog.pickPath', payload: { kind: 'file' } },
    { kind: 'project.open', payload: {} },
    { kind: 'project.save', payload: { text: '{}', suggestedName: 'x.layerlab.json', path: 'x.layerlab.json' } },
  ];
}

const ODD_VALUES = (): unknown[] => [
  null,
  true,
  -1,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  '',
  'x'.repeat(5000),
  [],
  {},
  [[[[]]]],
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  '\u0000\uffff\ud800',
  ...TRAVERSALS(),
];

/** Replaces, deletes or adds one value somewhere in `value`. */
function mutate(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 6 || rand.next() < 0.25) return rand.pick(ODD_VALUES());
  // Arrays become objects with index keys: also a wrong type, which is the point.
  let copy: Record<string, unknown> = Object.fromEntries(Object.entries(value));
  const keys = Object.keys(copy);
  const roll = rand.next();
  if (keys.length === 0 || roll < 0.15) copy[rand.pick(['path', 'id', 'runId', 'projectId', 'baseDir', 'x'])] = rand.pick(ODD_VALUES());
  else if (roll < 0.3) {
    const victim = rand.pick(keys);
    copy = Object.fromEntries(Object.entries(copy).filter(([k]) => k !== victim));
  } else {
    const k = rand.pick(keys);
    copy[k] = mutate(copy[k], depth + 1);
  }
  return copy;
}

/** Requests put in each field that names a file or an id. */
function traversalPayloads(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const doc = template('mlp-spirals');
  doc.id = 'fuzz_project';
  for (const t of TRAVERSALS()) {
    const settings = { dataset: 'csv', source: { path: t } };
    out.push(
      { kind: 'templates.get', payload: { id: t } },
      { kind: 'runs.list', payload: { projectId: t } },
      { kind: 'runs.get', payload: { projectId: 'fuzz_project', runId: t } },
      { kind: 'runs.get', payload: { projectId: t, runId: 'abcdefgh' } },
      { kind: 'runs.update', payload: { projectId: t, runId: t, notes: 'x' } },
      { kind: 'runs.delete', payload: { projectId: 'fuzz_project', runId: t } },
      { kind: 'run.stop', payload: { runId: t } },
      { kind: 'run.start', payload: { document: { ...doc, id: t } } },
      { kind: 'run.start', payload: { document: doc, continueFrom: t } },
      { kind: 'run.start', payload: { document: { ...doc, data: settings } } },
      { kind: 'data.inspect', payload: { settings } },
      { kind: 'data.inspect', payload: { settings: { dataset: 'images', source: { path: t } } } },
      { kind: 'data.inspect', payload: { settings: { dataset: 'csv', source: { path: 'sentinel.csv' } }, baseDir: t } },
      { kind: 'data.import', payload: { settings } },
      { kind: 'data.import', payload: { settings: { dataset: 'text', source: { path: t } } } },
      { kind: 'data.relocate', payload: { settings: { dataset: 'csv', source: { path: 'x.csv' } }, path: t } },
      { kind: 'project.save', payload: { text: SECRET, suggestedName: t, path: t } },
    );
  }
  return out;
}

/** Sends frames on one connection and records, per id, the reply that came back. */
async function session(frames: string[], ids: number[]): Promise<Map<number, Reply>> {
  const ws = await connect(host);
  const replies = new Map<number, Reply>();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply for ${ids.filter((i) => !replies.has(i)).length} requests`)), 20_000);
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as Partial<Reply>;
      if (msg.t !== 'reply' || typeof msg.id !== 'number') return;
      replies.set(msg.id, msg as Reply);
      if (ids.every((i) => replies.has(i))) {
        clearTimeout(timer);
        resolve();
      }
    });
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  for (const f of frames) ws.send(f);
  await done;
  ws.close();
  return replies;
}

/** A frame the host must refuse by closing the connection (1003 unsupported / 1009 too big), nothing more. */
async function closes(send: (ws: WebSocket) => void): Promise<number> {
  const ws = await connect(host);
  return new Promise((resolve) => {
    ws.once('close', (code) => resolve(code));
    send(ws);
  });
}

let sent = 0;
let answered = 0;

describe('fuzzing the web host', () => {
  it('gives every request a reply or a typed error: mutated, traversing, unknown and odd requests', async () => {
    const valid = validPayloads();
    const requests: Record<string, unknown>[] = [
      ...traversalPayloads(),
      ...Array.from({ length: 1200 }, () => {
        const base = rand.pick(valid);
        return rand.next() < 0.5 ? { ...base, payload: mutate(base.payload) } : (mutate(base) as Record<string, unknown>);
      }),
      ...Array.from({ length: 200 }, () => ({
        kind: rand.pick([...REQUEST_KINDS, 'app.inf', '__proto__', 'constructor', 'x'.repeat(1000)]),
        payload: rand.pick(ODD_VALUES()),
      })),
    ];
    // In batches that fit the per-connection limit, so each reply is the handler's own.
    for (let i = 0; i < requests.length; i += 12) {
      const batch = requests.slice(i, i + 12);
      const ids = batch.map((_, j) => i + j + 1);
      const frames = batch.map((r, j) => JSON.stringify({ ...r, id: ids[j] }));
      const replies = await session(frames, ids);
      for (const id of ids) {
        const r = replies.get(id)!;
        expect(r.ok ? 'reply' in r : typeof r.error === 'string' && r.error.length > 0 && r.error.length <= 300).toBe(true);
        if (!r.ok) expect(r.error).not.toContain('secret_column');
        else expect(JSON.stringify(r.reply)).not.toContain('secret_column');
      }
      sent += batch.length;
      answered += replies.size;
    }
  });

  it('answers a burst on one connection in full: each a reply or "too many at once"', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => i + 1);
    const replies = await session(
      ids.map((id) =>
        JSON.stringify({ id, kind: rand.pick(['app.info', 'templates.list', 'runs.list']), payload: id % 3 === 2 ? { projectId: 'fuzz_project' } : {} }),
      ),
      ids,
    );
    for (const r of replies.values()) if (!r.ok) expect(r.error).toMatch(/Too many requests|busy|Invalid/);
    sent += ids.length;
    answered += replies.size;
  });

  it('answers frames with an id but no valid shape, huge and deeply nested ones, with a typed error', async () => {
    const odd = [
      '{"id":1}',
      '{"id":2,"kind":5,"payload":{}}',
      `{"id":3,"kind":"app.info","payload":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      `{"id":4,"kind":"app.info","payload":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
      JSON.stringify({ id: 5, kind: 'data.inspect', payload: { settings: { dataset: 'csv', source: { path: 'x'.repeat(8 * 1024 * 1024) } } } }),
      JSON.stringify({ id: 6, kind: 'run.start', payload: { document: { big: 'y'.repeat(4 * 1024 * 1024) } } }),
    ];
    const ids = [1, 2, 3, 4, 5, 6];
    const replies = await session(odd, ids);
    for (const id of ids) expect(replies.get(id)?.ok).toBe(false);
    sent += ids.length;
    answered += replies.size;
  });

  it('closes the connection, and only it, on frames that are not requests', async () => {
    const junk: ((ws: WebSocket) => void)[] = [];
    for (let i = 0; i < 120; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + rand.int(64) }, () => rand.int(128)));
      junk.push((ws) => ws.send(bytes.toString('latin1').replace(/^[\s{[]/, 'x')));
    }
    for (const v of ['[]', '1', 'null', '"s"', '{"id":"1"}', '{"id":-1}', '{"id":1.5}', '{"kind":"app.info"}', '{', '{"id":1,']) junk.push((ws) => ws.send(v));
    for (let i = 0; i < 40; i++) junk.push((ws) => ws.send(Buffer.from([rand.int(256), rand.int(256)]), { binary: true }));
    for (const send of junk) expect([1003, 1007]).toContain(await closes(send));
    sent += junk.length;
    answered += junk.length;
  });

  it('survives every protocol violation sent raw, and bad upgrade targets', async () => {
    for (let round = 0; round < 3; round++)
      for (const [, bytes] of PROTOCOL_VIOLATIONS) {
        const socket = await rawSocket(host);
        expect(await sendRaw(socket, bytes())).toBe('closed');
        sent++;
        answered++;
      }
    for (const target of ['//[', '/ws?%', '/%', 'http://[', '*', '/ws/../ws', `/ws?${'a'.repeat(60_000)}`, '/ws#x', 'ws']) {
      const status = await rawRequest(host, upgradeText(host, target));
      expect(status === '' || /^HTTP\/1\.1 (4\d\d|101)/.test(status), target).toBe(true);
      sent++;
      answered++;
    }
  });

  it('still answers app.info, and read or wrote nothing outside the workspace', async () => {
    const ws = await connect(host);
    expect(await call(ws, { id: 1, kind: 'app.info', payload: {} })).toMatchObject({ ok: true, reply: { host: 'web' } });
    ws.close();
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(answered).toBe(sent);
    // atime first: reading the contents here would itself move it.
    expect(statSync(sentinel).atime.getTime()).toBe(PAST.getTime());
    expect(readFileSync(sentinel, 'utf8')).toBe(SECRET);
    // Only the host's own data folder may have appeared (run records); nothing beside the sentinel, nothing in the workspace.
    expect(listing(root).filter((p) => !p.startsWith('data'))).toEqual(['sentinel.csv', 'workspace', 'workspace/innocent.csv', 'workspace/up']);
    expect(listing(root)).toEqual(before);
  });
});

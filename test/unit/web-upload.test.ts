import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/server';
import { MAX_UPLOAD_BYTES } from '../../main/web/upload';
import { cookieFor, portOf, rawRequest, testHost } from './web-client';
import { makeZip } from './web-zip';

let host: WebHost;
let root = '';
let workspace = '';
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, root, workspace, cleanup } = await testHost());
});
afterAll(() => cleanup());

function upload(name: string, data: Buffer | string, headers: Record<string, string> = {}) {
  const body = typeof data === 'string' ? data : new Uint8Array(data);
  return fetch(`${host.origin}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    headers: { cookie: cookieFor(host), origin: host.origin, ...headers },
  });
}
const json = async (res: Response) => (await res.json()) as { path?: string; kind?: string; files?: number; error?: string };
const uploads = () => (existsSync(join(workspace, 'uploads')) ? readdirSync(join(workspace, 'uploads')).sort() : []);

describe('uploading into the workspace', () => {
  it('stores a CSV under uploads/ and says the path to use', async () => {
    const res = await upload('iris.csv', 'a,b\n1,2\n');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ path: 'uploads/iris.csv', kind: 'file', bytes: 8, files: 1 });
    expect(readFileSync(join(workspace, 'uploads', 'iris.csv'), 'utf8')).toBe('a,b\n1,2\n');
    // The same name again never overwrites the first.
    expect((await json(await upload('iris.csv', 'c\n3\n'))).path).toBe('uploads/iris-2.csv');
  });

  it('keeps only a safe base name', async () => {
    expect((await json(await upload('../../../evil name$.txt', 'x'))).path).toBe('uploads/evil name_.txt');
    expect((await json(await upload('.hidden.csv', 'x'))).path).toBe('uploads/hidden.csv');
    expect(existsSync(join(root, 'evil name$.txt'))).toBe(false);
  });

  it('unpacks a zip of class folders', async () => {
    const zip = makeZip([
      { name: 'shapes/' },
      { name: 'shapes/circle/a.png', data: 'png-a' },
      { name: 'shapes/square/b.png', data: 'png-b', stored: true },
      { name: '__MACOSX/shapes/._a.png', data: 'junk' },
    ]);
    const res = await upload('shapes.zip', zip);
    // One top folder, as "Compress folder" makes: the path points inside it, at the class folders.
    expect(await json(res)).toMatchObject({ path: 'uploads/shapes/shapes', kind: 'folder', files: 2 });
    expect(readFileSync(join(workspace, 'uploads', 'shapes', 'shapes', 'circle', 'a.png'), 'utf8')).toBe('png-a');
    expect(existsSync(join(workspace, 'uploads', 'shapes', '__MACOSX'))).toBe(false);
  });

  it('refuses zip-slip, links, lying sizes and junk, leaving nothing behind', async () => {
    const before = uploads();
    const cases: [string, Buffer, RegExp][] = [
      ['slip.zip', makeZip([{ name: '../../escaped.txt', data: 'x' }]), /outside its folder/],
      ['abs.zip', makeZip([{ name: '/tmp/escaped.txt', data: 'x' }]), /outside its folder/],
      ['win.zip', makeZip([{ name: 'a\\..\\..\\escaped.txt', data: 'x' }]), /outside its folder/],
      ['link.zip', makeZip([{ name: 'l', data: '/etc/passwd', mode: 0o120777 }]), /symbolic link/],
      ['liar.zip', makeZip([{ name: 'big.csv', data: 'x'.repeat(5000), claimSize: 10 }]), /more than its header says/],
      ['notzip.zip', Buffer.from('hello, not a zip'), /not a zip file/],
    ];
    for (const [name, body, message] of cases) {
      const res = await upload(name, body);
      expect(res.status, name).toBe(422);
      expect((await json(res)).error).toMatch(message);
    }
    expect(uploads()).toEqual(before);
    expect(existsSync(join(root, 'escaped.txt'))).toBe(false);
    expect(existsSync('/tmp/escaped.txt')).toBe(false);
  });

  it('needs the token and a same-origin Origin, and refuses other kinds and empty bodies', async () => {
    expect((await upload('a.csv', 'x', { cookie: '' })).status).toBe(401);
    expect((await upload('a.csv', 'x', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload('a.exe', 'x')).status).toBe(415);
    expect((await upload('a.csv', '')).status).toBe(400);
    expect((await fetch(`${host.origin}/upload?name=a.csv`, { headers: { cookie: cookieFor(host), origin: host.origin } })).status).toBe(405);
  });

  it('refuses a body over the cap before reading it', async () => {
    const head = [
      `POST /upload?name=huge.csv HTTP/1.1`,
      `Host: 127.0.0.1:${portOf(host)}`,
      `Cookie: ${cookieFor(host)}`,
      `Origin: ${host.origin}`,
      `Content-Length: ${MAX_UPLOAD_BYTES + 1}`,
    ].join('\r\n');
    expect(await rawRequest(host, `${head}\r\n\r\nabc`)).toMatch(/^HTTP\/1\.1 413/);
    expect(uploads().some((n) => n.startsWith('huge'))).toBe(false);
  });
});

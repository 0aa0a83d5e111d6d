import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeDialogs, type DialogLike } from '../../main/electron/dialogs';
import { FileGrants } from '../../main/electron/file-grants';
import { registerIpc, REQUEST_CHANNEL } from '../../main/electron/ipc';
import { REFUSED_SENDER, type SenderEvent } from '../../main/electron/ipc-guard';
import { appPaths } from '../../main/service/paths';
import { createService } from '../../main/service/service';
import { FakeContents } from './electron-fakes';
import { ROOT, template } from './helpers';

const WINDOW = 7;

/** A dialog that answers as told and records what it was asked. */
function fakeDialog(answers: { open?: string; save?: string }) {
  const asked: string[] = [];
  const properties: (readonly string[])[] = [];
  const dialog: DialogLike = {
    showOpenDialog: (o) => {
      asked.push(`open: ${o.title}`);
      properties.push(o.properties);
      return Promise.resolve(answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] });
    },
    showSaveDialog: (o) => {
      asked.push(`save: ${o.defaultPath}`);
      return Promise.resolve(answers.save ? { canceled: false, filePath: answers.save } : { canceled: true });
    },
  };
  return { dialog, asked, properties };
}

/** The shell's IPC entry wired to the real service, with a fake ipcMain and window. */
function shell(answers: { open?: string; save?: string } = {}, grants = new FileGrants()) {
  const { dialog, asked, properties } = fakeDialog(answers);
  let owner: number | null = WINDOW;
  const service = createService({
    host: 'electron',
    version: '0.0.0',
    paths: appPaths(ROOT),
    dataDir: mkdtempSync(join(tmpdir(), 'layerlab-ipc-runs-')),
    launchEngine: () => {
      throw new Error('no engine in this test');
    },
    emit: () => undefined,
    dialogs: nativeDialogs({ dialog, grants, owner: () => owner }),
  });
  const main = new FakeContents();
  let handler: ((event: SenderEvent, ...args: unknown[]) => Promise<unknown>) | null = null;
  registerIpc({
    ipcMain: { handle: (channel, h) => channel === REQUEST_CHANNEL && (handler = h) },
    main: () => main,
    grants,
    handle: (kind, payload) => service.handle(kind, payload),
  });
  const ours: SenderEvent = { sender: main, senderFrame: main.mainFrame };
  const call = (kind: string, payload: unknown, event: SenderEvent = ours) => handler!(event, kind, payload);
  return { call, main, asked, properties, grants, setOwner: (id: number | null) => (owner = id) };
}

const csv = (dir: string) => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'data.csv');
  writeFileSync(file, 'x,y\n1,a\n2,b\n3,a\n4,b\n');
  return file;
};
const csvSettings = (path: string) => ({ dataset: 'csv', source: { path } });

describe('IPC: only our window main frame is served', () => {
  it('answers our page in our window', async () => {
    const { call } = shell();
    expect(await call('app.info', {})).toEqual({ version: '0.0.0', host: 'electron', files: 'native' });
  });

  it('refuses another web contents, a subframe, another page, a destroyed window and a missing frame', async () => {
    const { call, main } = shell();
    const other = new FakeContents();
    await expect(call('app.info', {}, { sender: other, senderFrame: other.mainFrame })).rejects.toThrow(REFUSED_SENDER);
    await expect(call('app.info', {}, { sender: main, senderFrame: { url: 'app://layerlab/index.html' } })).rejects.toThrow(REFUSED_SENDER);
    main.mainFrame.url = 'file:///app/dist/renderer/index.html';
    await expect(call('app.info', {}, { sender: main, senderFrame: main.mainFrame })).rejects.toThrow(REFUSED_SENDER);
    await expect(call('app.info', {}, { sender: main, senderFrame: null })).rejects.toThrow(REFUSED_SENDER);
    main.mainFrame.url = 'https://evil.example/index.html';
    await expect(call('app.info', {}, { sender: main, senderFrame: main.mainFrame })).rejects.toThrow(REFUSED_SENDER);
    main.mainFrame.url = 'app://layerlab/index.html';
    main.destroyed = true;
    await expect(call('app.info', {})).rejects.toThrow(REFUSED_SENDER);
  });
});

describe('IPC: files are written only where a dialog pointed', () => {
  it('refuses a save to a path the renderer supplies, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-save-'));
    const target = join(dir, 'planted.layerlab.json');
    const { call, asked } = shell();
    await expect(call('project.save', { text: '{}', suggestedName: 'x', path: target })).rejects.toThrow(/Invalid project.save request: .*path/);
    expect(existsSync(target)).toBe(false);
    expect(asked).toEqual([]);
  });

  it('a forged or another window handle only opens the Save dialog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-save-'));
    const target = join(dir, 'chosen.layerlab.json');
    const { call, asked, grants } = shell();
    const theirs = grants.issue(join(dir, 'theirs.layerlab.json'), WINDOW + 1);
    for (const handle of ['0'.repeat(32), theirs])
      expect(await call('project.save', { text: '{}', suggestedName: 'My net', handle })).toEqual({ canceled: true });
    expect(asked).toEqual(['save: My net.layerlab.json', 'save: My net.layerlab.json']);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(dir, 'theirs.layerlab.json'))).toBe(false);
  });

  it('Save As writes where the dialog says and returns a handle; Save writes there again without asking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-save-'));
    const target = join(dir, 'net.layerlab.json');
    const { call, asked } = shell({ save: target });
    const first = (await call('project.save', { text: '{"a":1}', suggestedName: 'net.layerlab.json' })) as { path: string; handle: string };
    expect(first.path).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    await call('project.save', { text: '{"a":2}', suggestedName: 'net', handle: first.handle });
    expect(readFileSync(target, 'utf8')).toBe('{"a":2}');
    expect(asked).toEqual(['save: net.layerlab.json']);
  });

  it('Open returns the file and a handle that saves back to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-open-'));
    const file = join(dir, 'opened.layerlab.json');
    writeFileSync(file, '{"old":true}');
    const { call, asked } = shell({ open: file });
    const opened = (await call('project.open', {})) as { path: string; text: string; handle: string };
    expect(opened).toMatchObject({ canceled: false, path: file, text: '{"old":true}' });
    await call('project.save', { text: '{"new":true}', suggestedName: 'x', handle: opened.handle });
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}');
    expect(asked).toEqual(['open: Open project']);
  });

  it('a closed window handles are forgotten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-save-'));
    const { call, grants, asked } = shell();
    const handle = grants.issue(join(dir, 'gone.layerlab.json'), WINDOW);
    grants.forget(WINDOW);
    expect(await call('project.save', { text: '{}', suggestedName: 'x', handle })).toEqual({ canceled: true });
    expect(asked).toHaveLength(1);
  });
});

describe('IPC: data is read only from chosen paths or the project folder', () => {
  it('refuses to inspect, import, relocate or train on data nobody chose', async () => {
    const file = csv(mkdtempSync(join(tmpdir(), 'layerlab-data-')));
    const { call } = shell();
    const refused = /reads data only from a file or folder you chose/;
    await expect(call('data.inspect', { settings: csvSettings(file) })).rejects.toThrow(refused);
    await expect(call('data.import', { settings: csvSettings(file) })).rejects.toThrow(refused);
    await expect(call('data.relocate', { settings: csvSettings(file), path: file })).rejects.toThrow(refused);
    await expect(call('data.inspect', { settings: csvSettings('/etc/passwd') })).rejects.toThrow(refused);
  });

  it('refuses to start a run whose document names data nobody chose, before any engine starts', async () => {
    const file = csv(mkdtempSync(join(tmpdir(), 'layerlab-data-')));
    const { call } = shell();
    const doc = template('mlp-iris');
    const document = { ...doc, data: { ...doc.data, dataset: 'csv', source: { path: file } } };
    await expect(call('run.start', { document })).rejects.toThrow(/reads data only from a file or folder you chose/);
  });

  it('reads a file chosen with Browse…, but not its neighbours', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-data-'));
    const file = csv(dir);
    writeFileSync(join(dir, 'other.csv'), 'a\n1\n');
    const { call } = shell({ open: file });
    expect(await call('dialog.pickPath', { kind: 'file' })).toEqual({ canceled: false, path: file });
    const reply = (await call('data.inspect', { settings: csvSettings(file) })) as { problems: unknown[]; preview: unknown };
    expect(reply.preview).not.toBeNull();
    await expect(call('data.inspect', { settings: csvSettings(join(dir, 'other.csv')) })).rejects.toThrow(/you chose/);
    await expect(call('data.inspect', { settings: csvSettings(`${file}/../other.csv`) })).rejects.toThrow(/you chose/);
  });

  it('reads inside the folder of a project opened through the dialog, not above it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'layerlab-project-'));
    const project = join(base, 'proj');
    const file = csv(join(project, 'data'));
    const outside = csv(join(base, 'elsewhere'));
    writeFileSync(join(project, 'p.layerlab.json'), '{}');
    const { call } = shell({ open: join(project, 'p.layerlab.json') });
    await call('project.open', {});
    const reply = (await call('data.inspect', { settings: csvSettings('data/data.csv'), baseDir: project })) as { resolvedPath: string };
    expect(reply.resolvedPath).toBe(file);
    await expect(call('data.inspect', { settings: csvSettings('../elsewhere/data.csv'), baseDir: project })).rejects.toThrow(/you chose/);
    await expect(call('data.inspect', { settings: csvSettings(outside) })).rejects.toThrow(/you chose/);
  });

  it('a project saved straight into the home folder does not open the home folder to reading', () => {
    const home = mkdtempSync(join(tmpdir(), 'layerlab-home-'));
    const grants = new FileGrants(undefined, undefined, [home]);
    grants.issue(join(home, 'p.layerlab.json'), WINDOW);
    expect(grants.mayRead(join(home, 'data.csv'))).toBe(false);
    grants.issue(join(home, 'nets', 'p.layerlab.json'), WINDOW);
    expect(grants.mayRead(join(home, 'nets', 'data.csv'))).toBe(true);
  });

  it('remembers grants across launches through the main process only', () => {
    let saved: unknown = null;
    const grants = new FileGrants(undefined, (s) => (saved = s));
    grants.grantRead('/data/mnist');
    expect(saved).toEqual({ readable: ['/data/mnist'], projectFolders: [] });
    const next = new FileGrants(grants.snapshot());
    expect(next.mayRead('/data/mnist/train/0.png')).toBe(true);
    expect(next.mayRead('/data/mnist-other/x.png')).toBe(false);
  });
});

describe('IPC: Browse… for data files and folders', () => {
  it('a folder chosen with Browse… opens the folder dialog and makes what is inside it readable, not its neighbours', async () => {
    const base = mkdtempSync(join(tmpdir(), 'layerlab-browse-'));
    const folder = join(base, 'pictures');
    const file = csv(folder);
    const outside = csv(join(base, 'elsewhere'));
    const { call, asked, properties, grants } = shell({ open: folder });
    expect(await call('dialog.pickPath', { kind: 'folder', title: 'Choose the data folder' })).toEqual({ canceled: false, path: folder });
    expect(asked).toEqual(['open: Choose the data folder']);
    expect(properties).toEqual([['openDirectory']]);
    expect(grants.mayRead(file)).toBe(true);
    expect(grants.mayRead(outside)).toBe(false);
    await expect(call('data.inspect', { settings: csvSettings(outside) })).rejects.toThrow(/you chose/);
  });

  it('a file dialog asks for one file; cancelling it grants nothing', async () => {
    const file = csv(mkdtempSync(join(tmpdir(), 'layerlab-browse-')));
    const { call, properties, grants } = shell();
    expect(await call('dialog.pickPath', { kind: 'file' })).toEqual({ canceled: true });
    expect(properties).toEqual([['openFile']]);
    expect(grants.mayRead(file)).toBe(false);
    await expect(call('data.inspect', { settings: csvSettings(file) })).rejects.toThrow(/you chose/);
  });

  it('relocating missing data goes to the file chosen with Browse…, not to a typed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-moved-'));
    const moved = csv(join(dir, 'moved'));
    const typed = csv(join(dir, 'typed'));
    const { call } = shell({ open: moved });
    const gone = csvSettings(join(dir, 'gone', 'data.csv'));
    await expect(call('data.relocate', { settings: gone, path: typed })).rejects.toThrow(/you chose/);
    await call('dialog.pickPath', { kind: 'file' });
    await expect(call('data.relocate', { settings: gone, path: moved })).resolves.toBeDefined();
  });

  it('refuses a malformed pick request without opening any dialog', async () => {
    const { call, asked } = shell({ open: '/etc' });
    await expect(call('dialog.pickPath', { kind: 'drive' })).rejects.toThrow();
    await expect(call('dialog.pickPath', { kind: 'file', title: 'x'.repeat(201) })).rejects.toThrow();
    expect(asked).toEqual([]);
  });
});

import type { MenuItemConstructorOptions } from 'electron';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellEventSchema, type ShellEvent } from '../../app/protocol/events';
import { aboutMessage } from '../../main/electron/about';
import { FileGrants } from '../../main/electron/file-grants';
import { readJsonFile, writeJsonFile } from '../../main/electron/json-file';
import { projectArgument } from '../../main/electron/launch-file';
import { menuTemplate, type MenuActions } from '../../main/electron/menu';
import { projectOpener } from '../../main/electron/opener';
import { RECENT_LIMIT, RecentFiles } from '../../main/electron/recent';
import { placeWindow, windowStateSchema } from '../../main/electron/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };

describe('remembered window bounds', () => {
  it('opens where it was on a display that is still there', () => {
    const saved = { x: 2000, y: 40, width: 1100, height: 800, maximized: false };
    expect(placeWindow(saved, [screen, right], screen)).toEqual({ bounds: { x: 2000, y: 40, width: 1100, height: 800 }, maximized: false });
  });

  it('comes back onto the screen when its display was unplugged', () => {
    const saved = { x: 2000, y: 40, width: 1100, height: 800, maximized: true };
    const { bounds, maximized } = placeWindow(saved, [screen], screen);
    expect(bounds).toEqual({ x: 240, y: 70, width: 1440, height: 900 });
    expect(maximized).toBe(true);
  });

  it('is shrunk and pulled inside a display smaller than it', () => {
    const saved = { x: 1700, y: -300, width: 3000, height: 2000, maximized: false };
    expect(placeWindow(saved, [screen], screen).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('ignores a state file that was tampered with or damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-state-'));
    const file = join(dir, 'window-state.json');
    for (const bad of ['{"x":"0"}', '{"x":1e308,"y":0,"width":900,"height":700}', 'not json', '{"x":0,"y":0,"width":-5,"height":700}']) {
      writeFileSync(file, bad);
      expect(readJsonFile(file, windowStateSchema)).toBeNull();
    }
    writeJsonFile(file, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(readJsonFile(file, windowStateSchema)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(readJsonFile(join(dir, 'missing.json'), windowStateSchema)).toBeNull();
    expect(placeWindow(null, [screen], screen).bounds).toEqual({ x: 240, y: 70, width: 1440, height: 900 });
  });
});

/** Menu items by label, through submenus. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

function menu(platform: NodeJS.Platform, recent: string[] = []) {
  const done: string[] = [];
  const actions: MenuActions = {
    command: (c) => done.push(c),
    openRecent: (p) => done.push(`recent ${p}`),
    clearRecent: () => done.push('clear'),
    about: () => done.push('about'),
  };
  const all = items(menuTemplate({ appName: 'LayerLab', platform, packaged: true, recent, actions }));
  const click = (label: string) => {
    const item = all.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no menu item "${label}"`);
    (item.click as () => void)();
  };
  return { all, done, click, top: menuTemplate({ appName: 'LayerLab', platform, packaged: true, recent, actions }).map((i) => i.label ?? i.role) };
}

describe('native menus', () => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    expect(menu('linux').top).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(menu('darwin').top).toEqual(['LayerLab', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
  });

  it('File items carry the standard accelerators and send the page the same actions as its shortcuts', () => {
    const { all, done, click } = menu('linux');
    const accel = (label: string) => all.find((i) => i.label === label)?.accelerator;
    expect([accel('&New Project'), accel('&Open…'), accel('&Save'), accel('Save &As…')]).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+S',
      'CmdOrCtrl+Shift+S',
    ]);
    for (const label of ['&New Project', '&Open…', '&Save', 'Save &As…']) click(label);
    expect(done).toEqual(['project.new', 'project.open', 'project.save', 'project.saveAs']);
    for (const command of done) expect(shellEventSchema.safeParse({ v: 1, type: 'menu.command', command }).success).toBe(true);
  });

  it('Edit uses roles, leaving Undo and Redo keys to the page', () => {
    const roles = menu('linux')
      .all.filter((i) => i.role)
      .map((i) => [i.role, i.registerAccelerator]);
    expect(roles).toEqual(
      expect.arrayContaining([
        ['undo', false],
        ['redo', false],
        ['cut', undefined],
        ['copy', undefined],
        ['paste', undefined],
        ['selectAll', undefined],
      ]),
    );
  });

  it('lists recent projects, opens them and clears the list; Help has About', () => {
    const { done, click, all } = menu('win32', ['/home/a/nets/mnist.layerlab.json', '/home/a/Tom & Jerry.layerlab.json']);
    click('&1 mnist.layerlab.json');
    click('&2 Tom && Jerry.layerlab.json');
    click('Clear Recent');
    click('About LayerLab');
    expect(done).toEqual(['recent /home/a/nets/mnist.layerlab.json', 'recent /home/a/Tom & Jerry.layerlab.json', 'clear', 'about']);
    expect(menu('linux').all.find((i) => i.label === 'No recent projects')?.enabled).toBe(false);
    expect(all.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('keeps the ten newest recent projects, newest first, without duplicates', () => {
    const saved: (readonly string[])[] = [];
    const recent = new RecentFiles([], (f) => saved.push(f));
    for (let i = 0; i < 12; i++) recent.add(`/p/${i}.layerlab.json`);
    recent.add('/p/5.layerlab.json');
    expect(recent.files).toHaveLength(RECENT_LIMIT);
    expect(recent.files.slice(0, 2)).toEqual(['/p/5.layerlab.json', '/p/11.layerlab.json']);
    expect(new Set(recent.files).size).toBe(RECENT_LIMIT);
    expect(saved.at(-1)).toEqual(recent.files);
  });
});

describe('About', () => {
  it('shows the app, Electron, Chrome, Node, tfjs and engine versions', () => {
    const { message, detail } = aboutMessage('LayerLab', { app: '0.1.0', electron: '45.4.1', chrome: '142.0.1', node: '22.20.0', tfjs: '4.22.0' });
    expect(message).toBe('LayerLab 0.1.0');
    for (const line of ['Electron 45.4.1', 'Chrome 142.0.1', 'Node 22.20.0', 'TensorFlow.js 4.22.0', 'Engine 0.1.0 (tfjs 4.22.0, event protocol v1)'])
      expect(detail).toContain(line);
  });
});

describe('files from the OS and from a second launch', () => {
  it('finds the project file a launch names, skipping switches and missing files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-argv-'));
    writeFileSync(join(dir, 'net.layerlab.json'), '{}');
    expect(projectArgument(['/opt/LayerLab/layerlab', '--no-sandbox', 'missing.json', 'net.layerlab.json'], dir)).toBe(join(dir, 'net.layerlab.json'));
    expect(projectArgument(['electron', '.', join(dir, 'net.layerlab.json')], '/')).toBe(join(dir, 'net.layerlab.json'));
    expect(projectArgument(['/opt/LayerLab/layerlab', '--flag=x.json', 'notes.txt'], dir)).toBeNull();
    expect(projectArgument(['/opt/LayerLab/layerlab', dir + '.json'], dir)).toBeNull();
  });

  it('a file handed over before the page is ready opens once it is, with a handle for that window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-opener-'));
    const file = join(dir, 'second.layerlab.json');
    writeFileSync(file, '{"format":"layerlab"}');
    const sent: ShellEvent[] = [];
    const opened: string[] = [];
    let ready: number | null = null;
    const grants = new FileGrants();
    const opener = projectOpener({ grants, ready: () => ready, send: (e) => sent.push(e), opened: (p) => opened.push(p), failed: () => undefined });
    await opener.open(file);
    expect(sent).toEqual([]);
    ready = 3;
    await opener.flush();
    expect(sent).toHaveLength(1);
    const event = sent[0]!;
    expect(shellEventSchema.parse(event)).toEqual(event);
    if (event.type !== 'project.opened') throw new Error('expected project.opened');
    expect(event).toMatchObject({ path: file, text: '{"format":"layerlab"}' });
    expect(grants.pathOf(event.handle, 3)).toBe(file);
    expect(grants.pathOf(event.handle, 4)).toBeUndefined();
    expect(opened).toEqual([file]);
  });

  it('a file that cannot be read is reported, not sent', async () => {
    const failed: string[] = [];
    const sent: ShellEvent[] = [];
    const opener = projectOpener({
      grants: new FileGrants(),
      ready: () => 1,
      send: (e) => sent.push(e),
      opened: () => undefined,
      failed: (p, m) => failed.push(`${p}: ${m}`),
    });
    await opener.open(tmpdir());
    expect(sent).toEqual([]);
    expect(failed[0]).toContain('is not a file');
  });
});

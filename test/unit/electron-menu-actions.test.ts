import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('../../renderer/src/actions/files', () => ({
  newProject: () => calls.push('new'),
  openProject: () => Promise.resolve(calls.push('open')),
  saveProject: (saveAs: boolean) => Promise.resolve(calls.push(saveAs ? 'saveAs' : 'save')),
  openFromShell: (path: string, text: string, handle: string) => calls.push(`opened ${path} ${text} ${handle}`),
}));

const { connectShell, handleShellEvent } = await import('../../renderer/src/actions/shell');

describe('the page side of the native menus', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('runs the same actions as the keyboard shortcuts', () => {
    for (const command of ['project.new', 'project.open', 'project.save', 'project.saveAs'] as const) handleShellEvent({ v: 1, type: 'menu.command', command });
    expect(calls).toEqual(['new', 'open', 'save', 'saveAs']);
  });

  it('opens a file handed over by the shell, and drops malformed events', () => {
    let listener: ((e: unknown) => void) | null = null;
    vi.stubGlobal('window', {
      layerlab: {
        request: () => Promise.resolve(),
        onEvent: () => () => undefined,
        onShellEvent: (l: (e: unknown) => void) => ((listener = l), () => undefined),
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    connectShell();
    listener!({ v: 1, type: 'project.opened', path: '/p/a.layerlab.json', text: '{}', handle: 'a'.repeat(32) });
    listener!({ v: 1, type: 'project.opened', path: '/etc/passwd', text: '', handle: 'not-a-handle' });
    listener!({ v: 1, type: 'menu.command', command: 'fs.delete' });
    expect(calls).toEqual([`opened /p/a.layerlab.json {} ${'a'.repeat(32)}`]);
    expect(warn).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });

  it('does nothing in a browser, where there is no shell', () => {
    vi.stubGlobal('window', {});
    expect(() => connectShell()()).not.toThrow();
    vi.unstubAllGlobals();
  });
});

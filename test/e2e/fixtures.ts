import { existsSync } from 'node:fs';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, NO_ELECTRON, ROOT } from './electron-binary';

export type Host = 'web' | 'electron';

/** Save and Open the way each host does them: download/upload in a browser, native dialogs on the desktop. */
export interface ProjectFiles {
  save(path: string): Promise<void>;
  open(path: string): Promise<void>;
}

interface Fixtures {
  host: Host;
  electron: ElectronApplication | null;
  /** The LayerLab window: a Chromium page on the web host, or the Electron window. */
  app: Page;
  files: ProjectFiles;
}

/** Set by playwright.config.ts, which also gives it to the server it starts. */
function e2eToken(): string {
  const token = process.env.E2E_TOKEN;
  if (!token) throw new Error('E2E_TOKEN is not set: run the journeys through playwright.config.ts.');
  return token;
}

export const test = base.extend<Fixtures>({
  // Playwright reads the fixtures a fixture needs from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, info) => use(info.project.name === 'electron' ? 'electron' : 'web'),
  electron: async ({ host }, use) => {
    if (host === 'web') return use(null);
    const bin = electronBinary();
    test.skip(!bin, NO_ELECTRON);
    const electron = await _electron.launch({ executablePath: bin!, args: [ROOT] });
    await use(electron);
    await electron.close();
  },
  app: async ({ electron, page }, use) => {
    if (electron) return use(await electron.firstWindow());
    // The link the server prints: the token is swapped for a cookie and the address loses it.
    await page.goto(`/?token=${e2eToken()}`);
    await use(page);
  },
  files: async ({ app, electron }, use) => {
    if (!electron) {
      await use({
        save: async (path) => {
          const download = app.waitForEvent('download');
          await app.getByTestId('save-button').click();
          await (await download).saveAs(path);
        },
        open: (path) => app.getByTestId('open-file-input').setInputFiles(path),
      });
      return;
    }
    await use({
      save: async (path) => {
        await electron.evaluate(({ dialog }, filePath) => {
          dialog.showSaveDialog = async () => ({ canceled: false, filePath });
        }, path);
        await app.getByTestId('save-button').click();
        await base.expect.poll(() => existsSync(path)).toBe(true);
      },
      open: async (path) => {
        await electron.evaluate(({ dialog }, filePath) => {
          dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [filePath] });
        }, path);
        await app.getByTestId('open-button').click();
      },
    });
  },
});

export { expect } from '@playwright/test';

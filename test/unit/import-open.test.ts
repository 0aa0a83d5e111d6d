import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectText } from '../../app/document/load';
import { nativeDialogs, type DialogLike } from '../../main/electron/dialogs';
import { FileGrants } from '../../main/electron/file-grants';
import { appPaths } from '../../main/service/paths';
import { createService } from '../../main/service/service';
import { ROOT } from './export-helpers';

const MODEL = join(ROOT, 'test', 'fixtures', 'import', 'text-to-digit', 'model.json');

/** The desktop service with an Open dialog that always chooses `path`. */
function desktop(path: string) {
  const dialog: DialogLike = {
    showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [path] }),
    showSaveDialog: () => Promise.resolve({ canceled: true }),
  };
  return createService({
    host: 'electron',
    version: '0.0.0',
    paths: appPaths(ROOT),
    dataDir: mkdtempSync(join(tmpdir(), 'layerlab-import-open-')),
    launchEngine: () => {
      throw new Error('no engine in this test');
    },
    emit: () => undefined,
    dialogs: nativeDialogs({ dialog, grants: new FileGrants(), owner: () => 1 }),
  });
}

describe("the desktop's Open of a model file", () => {
  it('imports it as a new project without a handle, so Save never writes over the model', async () => {
    const service = desktop(MODEL);
    const reply = (await service.handle('project.open', {})) as { canceled: false; text: string; handle?: string; imported?: { weightsRun: string | null } };
    expect(reply.handle).toBeUndefined();
    expect(reply.imported?.weightsRun).toEqual(expect.any(String));
    const loaded = loadProjectText(reply.text);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.doc.graph.nodes).toHaveLength(12);
    expect(await service.store.list(loaded.doc.id!)).toHaveLength(1);
  });

  it('opens a LayerLab project as before, with its handle', async () => {
    const reply = (await desktop(join(ROOT, 'resources', 'templates', 'mlp-iris.layerlab.json')).handle('project.open', {})) as {
      handle?: string;
      imported?: unknown;
    };
    expect(reply.handle).toMatch(/^[a-f0-9]{32}$/);
    expect(reply.imported).toBeUndefined();
  });
});

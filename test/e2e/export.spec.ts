import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

/** The names inside a stored (uncompressed) zip, read from its central directory. */
function zipNames(bytes: Buffer): string[] {
  const names: string[] = [];
  for (let i = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), at = bytes.readUInt32LE(i + 16), n = bytes.readUInt16LE(i + 10); n > 0; n--) {
    const length = bytes.readUInt16LE(at + 28);
    names.push(bytes.subarray(at + 46, at + 46 + length).toString('utf8'));
    at += 46 + length + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}

test('export LeNet to PyTorch from the Export menu and find model.py, train.py and the README in the download', async ({ app }) => {
  await openTemplate(app, 'lenet-mnist');
  await expect(app.getByTestId('total-params')).toHaveText('61,706');

  await app.getByTestId('export-button').click();
  await expect(app.getByTestId('export-weights')).toBeDisabled();
  await app.screenshot({ path: 'test-results/screenshots/export-menu.png' });
  const downloading = app.waitForEvent('download');
  await app.getByTestId('export-pytorch').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('lenet-style-cnn-on-mnist-pytorch.zip');
  const bytes = readFileSync(await download.path());
  expect(zipNames(bytes)).toEqual([
    'lenet-style-cnn-on-mnist-pytorch/model.py',
    'lenet-style-cnn-on-mnist-pytorch/train.py',
    'lenet-style-cnn-on-mnist-pytorch/README.md',
  ]);
  expect(bytes.toString('utf8')).toContain('self.conv2d_1 = nn.Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))');
  await expect(app.getByText('Exported to PyTorch')).toBeVisible();
});

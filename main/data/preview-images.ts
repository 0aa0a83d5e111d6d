import type { DataSettings } from '../../app/data/catalog';
import type { DataSource } from '../../app/data/source';
import { seededRandom } from '../../app/data/synthetic';
import { augmenting, augmentImage } from './augment';
import { classCounts } from './class-folders';
import { decodeImage, pngDataUrl } from './image-decode';
import { imageFormat, scanImages } from './images';
import { problem } from './problems';
import type { PreviewResult, Suggestion } from './preview-types';

const PER_CLASS = 4;
const MAX_CLASSES = 10;
/** Previews are shown at about this many pixels a side. */
const SHOWN = 96;

/** A few images of each class as the network sees them, the same after augmentation, and the class counts. */
export async function previewImages(s: DataSettings, src: DataSource, dir: string, display: string): Promise<PreviewResult> {
  const folder = await scanImages(dir, display, false);
  const format = imageFormat(src.images);
  const settings: DataSettings = { ...s, source: { ...src, images: { ...src.images, classes: folder.classes } } };
  const counts = classCounts(folder.classes, folder.files);
  const picked = folder.classes.slice(0, MAX_CLASSES).flatMap((_, label) => folder.files.filter((f) => f.label === label).slice(0, PER_CLASS));
  const scale = Math.max(1, Math.floor(SHOWN / Math.max(format.height, format.width)));
  const rand = seededRandom(s.seed);
  const samples: PreviewResult['preview'] & { kind: 'images' } = { kind: 'images', size: src.images.size, color: src.images.color, samples: [], augmented: [] };
  const floats = new Float32Array(format.height * format.width * format.channels);
  const moved = new Float32Array(floats.length);
  for (const f of picked) {
    let pixels: Uint8Array;
    try {
      pixels = await decodeImage(f.path, format);
    } catch (e) {
      folder.problems.add(
        problem(`${display}/${f.rel}`, `${display}/${f.rel} cannot be read as an image (${(e as Error).message.split('\n')[0]}); skipped.`, {}, 'warning'),
      );
      continue;
    }
    const label = folder.classes[f.label]!;
    samples.samples.push({ label, file: f.rel, dataUrl: await pngDataUrl(pixels, format, scale) });
    if (augmenting(src.images.augment) && samples.augmented.length < 8) {
      for (let i = 0; i < pixels.length; i++) floats[i] = pixels[i]!;
      augmentImage(floats, format.height, format.width, format.channels, src.images.augment, rand, moved);
      samples.augmented.push({ label, file: f.rel, dataUrl: await pngDataUrl(Uint8Array.from(moved), format, scale) });
    }
  }
  const suggestions: Suggestion[] = [];
  const most = Math.max(0, ...counts);
  const least = Math.min(...counts.filter((c) => c > 0));
  if (counts.length > 1 && least * 5 < most) {
    const small = folder.classes[counts.indexOf(least)]!;
    suggestions.push({
      message: `The classes are unbalanced: "${small}" has ${least} images, the largest class ${most}. A model may learn to ignore the small class; add images or turn on augmentation.`,
    });
  }
  if (!augmenting(src.images.augment) && folder.files.length < 1000) {
    const images = { ...settings.source!.images, augment: { flip: true, shift: 0.1, rotate: 10 } };
    suggestions.push({
      message: `With ${folder.files.length} images, random flips, shifts and small rotations help the model generalise.`,
      label: 'Turn on augmentation',
      settings: { ...settings, source: { ...settings.source!, images } },
    });
  }
  return { settings, classBalance: folder.classes.map((label, i) => ({ label, count: counts[i]! })), problems: folder.problems, suggestions, preview: samples };
}

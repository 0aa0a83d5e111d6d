import type { FeatureMaps, PlaygroundInput, PlaygroundResult } from '../../../app/protocol';
import { useProjectStore } from '../store/project';
import { transport } from '../transport';

const projectId = () => {
  const id = useProjectStore.getState().doc.id;
  if (!id) throw new Error('This project has no recorded runs yet.');
  return id;
};

export async function tryInput(runId: string, input: PlaygroundInput): Promise<PlaygroundResult> {
  return (await transport().request('playground.predict', { projectId: projectId(), runId, input })).result;
}

export async function featureMaps(runId: string, input: PlaygroundInput, layer?: string): Promise<FeatureMaps> {
  return (await transport().request('playground.features', { projectId: projectId(), runId, input, ...(layer ? { layer } : {}) })).features;
}

/** An image (a data URL or a dropped file) as grey levels 0–1 at most `max` pixels a side, the input a playground takes. */
export async function imageInput(src: string | Blob, max = 64, invertLight = false): Promise<PlaygroundInput> {
  const url = typeof src === 'string' ? src : URL.createObjectURL(src);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, max / Math.max(img.naturalWidth, img.naturalHeight));
    const width = Math.max(1, Math.round(img.naturalWidth * scale));
    const height = Math.max(1, Math.round(img.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot read images.');
    ctx.drawImage(img, 0, 0, width, height);
    const data = ctx.getImageData(0, 0, width, height).data;
    const pixels: number[] = [];
    let mean = 0;
    for (let i = 0; i < width * height; i++) {
      const v = (0.299 * data[4 * i]! + 0.587 * data[4 * i + 1]! + 0.114 * data[4 * i + 2]!) / 255;
      pixels.push(v);
      mean += v;
    }
    // A photo of dark ink on white paper becomes white ink on black, as MNIST is.
    if (invertLight && mean / (width * height) > 0.5) for (let i = 0; i < pixels.length; i++) pixels[i] = 1 - pixels[i]!;
    return { kind: 'image', width, height, pixels };
  } finally {
    if (typeof src !== 'string') URL.revokeObjectURL(url);
  }
}

export async function attentionOf(runId: string, text: string, layer?: string): Promise<import('../../../app/protocol').AttentionView> {
  return (await transport().request('playground.attention', { projectId: projectId(), runId, input: { kind: 'text', text }, ...(layer ? { layer } : {}) }))
    .attention;
}

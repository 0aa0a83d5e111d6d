import type { ImageOptions } from '../../../../app/data/source';
import type { DataPreview } from '../../../../app/protocol/data';
import { useDataDraft } from '../../store/dataDraft';
import { FieldRow } from '../../ui/FieldRow';
import { selectClass } from '../../ui/styles';

type ImagePreview = Extract<DataPreview, { kind: 'images' }>;
const SIDES = [16, 24, 28, 32, 48, 64, 96, 128];

function editImages(patch: Partial<ImageOptions>) {
  const { source } = useDataDraft.getState();
  useDataDraft.setState({ source: { ...source, images: { ...source.images, ...patch } }, importError: null, message: null });
}

/** Sample images as the network sees them, their labels, and augmented copies when augmentation is on. */
export function ImageGrid({ preview }: { preview: ImagePreview }) {
  const images = useDataDraft((s) => s.source.images);
  const sides = [...new Set([...SIDES, images.size[0]])].sort((a, b) => a - b);
  const { augment } = images;
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-2">
        <FieldRow label="Size" htmlFor="image-size">
          <select
            id="image-size"
            aria-label="Image size"
            data-testid="image-size-select"
            className={selectClass}
            value={images.size[0]}
            onChange={(e) => editImages({ size: [Number(e.target.value), Number(e.target.value)] })}
          >
            {sides.map((s) => (
              <option key={s} value={s}>
                {s}×{s}
              </option>
            ))}
          </select>
        </FieldRow>
        <FieldRow label="Colour" htmlFor="image-color">
          <select
            id="image-color"
            aria-label="Colour"
            data-testid="image-color-select"
            className={selectClass}
            value={images.color}
            onChange={(e) => editImages({ color: e.target.value as ImageOptions['color'] })}
          >
            <option value="rgb">Colour (RGB)</option>
            <option value="grayscale">Grayscale</option>
          </select>
        </FieldRow>
      </div>
      <Samples
        testId="image-grid"
        title={`Samples, ${preview.size[0]}×${preview.size[1]} ${preview.color === 'rgb' ? 'colour' : 'grayscale'}`}
        items={preview.samples}
      />
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[12px] text-slate-700">
        <legend className="mb-1 text-[11px] font-medium tracking-wide text-slate-500 uppercase">Augmentation (training only)</legend>
        <Toggle testId="augment-flip" label="Flip" checked={augment.flip} onChange={(flip) => editImages({ augment: { ...augment, flip } })} />
        <Toggle
          testId="augment-shift"
          label="Shift ±10%"
          checked={augment.shift > 0}
          onChange={(on) => editImages({ augment: { ...augment, shift: on ? 0.1 : 0 } })}
        />
        <Toggle
          testId="augment-rotate"
          label="Rotate ±15°"
          checked={augment.rotate > 0}
          onChange={(on) => editImages({ augment: { ...augment, rotate: on ? 15 : 0 } })}
        />
      </fieldset>
      {preview.augmented.length > 0 && <Samples testId="image-augmented" title="Augmented copies" items={preview.augmented} />}
    </div>
  );
}

function Samples({ testId, title, items }: { testId: string; title: string; items: ImagePreview['samples'] }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{title}</figcaption>
      <ul data-testid={testId} className="grid grid-cols-5 gap-1.5">
        {items.map((s, i) => (
          <li key={i} data-testid="image-sample" data-label={s.label} className="min-w-0" title={s.file}>
            <img
              src={s.dataUrl}
              alt={`${s.label}: ${s.file}`}
              className="aspect-square w-full rounded-sm bg-slate-100 object-contain ring-1 ring-slate-200 [image-rendering:pixelated]"
            />
            <p className="truncate text-center text-[10.5px] text-slate-600">{s.label}</p>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Toggle({ testId, label, checked, onChange }: { testId: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-1">
      <input type="checkbox" data-testid={testId} className="accent-indigo-600" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

import { useState } from 'react';
import { useRun, type SamplesEvent } from '../store/run';

const KIND_LABEL: Record<SamplesEvent['kind'], string> = {
  reconstructions: 'Reconstructions',
  generated: 'Generated samples',
  decoded: 'Decoded sequences',
};

const EMPTY: Record<'gan' | 'reconstruction' | 'sequence', string> = {
  gan: 'A grid of samples from a fixed latent batch appears after each epoch: watch noise turn into digits.',
  reconstruction: 'Inputs and their reconstructions appear after each epoch.',
  sequence: 'Greedy decodings of a few inputs appear after each epoch.',
};

/** What the model makes right now: reconstructions, generated images or decoded text, with an epoch slider. */
export function SamplesStrip({ expect }: { readonly expect: keyof typeof EMPTY }) {
  const pictures = useRun((s) => s.pictures);
  const [picked, setPicked] = useState<number | null>(null);
  const index = picked !== null && picked < pictures.length ? picked : pictures.length - 1;
  const shown = pictures[index];

  return (
    <div
      data-testid="samples-strip"
      data-epoch={shown?.epoch ?? ''}
      className="flex w-[min(300px,26%)] min-w-[220px] shrink-0 flex-col rounded-lg border border-slate-200 bg-white"
    >
      <div className="flex min-h-7 items-center gap-2 px-2.5 pt-1.5">
        <span className="truncate text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{shown ? KIND_LABEL[shown.kind] : 'Samples'}</span>
        {shown && (
          <span data-testid="samples-epoch" className="ml-auto shrink-0 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-600 tabular-nums">
            epoch {shown.epoch}
          </span>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-auto px-2.5 py-1.5">
        {!shown ? (
          <p className="flex h-full items-center justify-center text-center text-[12.5px] leading-snug text-slate-400">{EMPTY[expect]}</p>
        ) : (
          <SampleBody event={shown} />
        )}
      </div>
      {pictures.length > 1 && (
        <label className="flex items-center gap-2 px-2.5 pb-2 text-[11px] text-slate-500">
          <span className="shrink-0">Earlier</span>
          <input
            type="range"
            aria-label="Epoch of the samples shown"
            className="h-1 min-w-0 flex-1 cursor-pointer accent-indigo-600"
            min={0}
            max={pictures.length - 1}
            value={index}
            onChange={(e) => {
              const i = Number(e.target.value);
              setPicked(i === pictures.length - 1 ? null : i);
            }}
          />
          <span className="shrink-0">Latest</span>
        </label>
      )}
    </div>
  );
}

/** A square-ish grid that fits the strip's height; reconstructions keep an even count per row, so pairs stay together. */
function gridOf(n: number, kind: SamplesEvent['kind']): { cols: number; rows: number } {
  let cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  if (kind === 'reconstructions' && cols % 2 === 1 && n > 1) cols++;
  return { cols, rows: Math.ceil(n / cols) };
}

function SampleBody({ event }: { readonly event: SamplesEvent }) {
  const { cols, rows } = gridOf(event.images.length, event.kind);
  const captions = [...new Set(event.images.map((i) => i.caption).filter(Boolean))];
  return (
    <div className="flex h-full flex-col gap-1.5">
      {event.images.length > 0 && (
        <div className="flex min-h-16 flex-1 items-center justify-center" style={{ containerType: 'size' }}>
          <div
            className="grid gap-0.5"
            style={{ gridTemplateColumns: `repeat(${cols}, 1fr)`, aspectRatio: `${cols} / ${rows}`, width: `min(100cqw, calc(100cqh * ${cols} / ${rows}))` }}
          >
            {event.images.map((img, i) => (
              <img
                key={i}
                src={img.png}
                title={img.caption}
                alt={img.caption ?? `${event.kind} ${i + 1}`}
                className="aspect-square w-full rounded-[2px] bg-slate-900 object-contain [image-rendering:pixelated]"
              />
            ))}
          </div>
        </div>
      )}
      {captions.length > 1 && captions.length <= 4 && <p className="text-center text-[10.5px] text-slate-500">{captions.join(' · ')}, left to right</p>}
      {event.lines && event.lines.length > 0 && (
        <ul className="space-y-0.5 font-mono text-[11.5px] leading-snug text-slate-700">
          {event.lines.map((line, i) => (
            <li key={i} className="truncate" title={line}>
              {line}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

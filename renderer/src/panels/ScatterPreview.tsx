import { useEffect, useRef } from 'react';
import { generate2d } from '../../../app/data/synthetic';
import { drawBoundary } from '../views/boundaryField';
import { useViews } from '../views/store';

export type Synthetic2d = 'spirals' | 'circles' | 'xor';

const COLORS = ['#4f46e5', '#f59e0b'];
/** More points than this only blur the picture. */
const MAX_POINTS = 3000;
const HEIGHT = 200;

/** The synthetic set as the engine will generate it, drawn on a small canvas. */
export function ScatterPreview({ kind, samples, noise, seed }: { kind: Synthetic2d; samples: number; noise: number; seed: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The decision field of the run in progress (or just finished), drawn under the points.
  const boundary = useViews((s) => s.boundary);
  const frames = useViews((s) => s.boundaryFrames);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const draw = () => {
      const width = canvas.clientWidth;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(HEIGHT * dpr);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, HEIGHT);
      const set = generate2d(kind, Math.min(samples, MAX_POINTS), noise, seed);
      const half = HEIGHT / 2;
      const scale = half / 1.35;
      const cx = width / 2;
      if (boundary) drawBoundary(ctx, boundary, COLORS, (x, y) => [cx + x * scale, half - y * scale]);
      ctx.strokeStyle = '#e2e8f0';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(cx - half, half + 0.5);
      ctx.lineTo(cx + half, half + 0.5);
      ctx.moveTo(cx + 0.5, 0);
      ctx.lineTo(cx + 0.5, HEIGHT);
      ctx.stroke();
      const r = set.count > 1500 ? 1.2 : 1.7;
      for (let i = 0; i < set.count; i++) {
        ctx.fillStyle = COLORS[set.y[i]! % COLORS.length]!;
        ctx.globalAlpha = 0.75;
        ctx.beginPath();
        ctx.arc(cx + set.x[2 * i]! * scale, half - set.x[2 * i + 1]! * scale, r, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(canvas);
    return () => ro.disconnect();
  }, [kind, samples, noise, seed, boundary]);

  return (
    <figure className="space-y-1">
      <canvas
        ref={ref}
        data-testid="data-preview"
        data-boundary-frames={frames}
        data-boundary-step={boundary?.step ?? -1}
        className="block w-full rounded-md border border-slate-200 bg-white"
        style={{ height: HEIGHT }}
      />
      <figcaption className="flex items-center justify-center gap-3 text-[11px] text-slate-500">
        <Legend color={COLORS[0]!} label="class 0" />
        <Legend color={COLORS[1]!} label="class 1" />

        {samples > MAX_POINTS && (
          <span>
            ({MAX_POINTS.toLocaleString('en-US')} of {samples.toLocaleString('en-US')} shown)
          </span>
        )}
      </figcaption>
      {boundary && (
        <p data-testid="boundary-legend" className="text-center text-[11px] text-slate-500">
          Shading: the class the model predicts there (stronger = surer), epoch {boundary.epoch}
        </p>
      )}
    </figure>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className="size-2 rounded-full" style={{ background: color }} />
      {label}
    </span>
  );
}

import { useEffect, useRef } from 'react';

const SIZE = 280;
/** The pad is read at 56 × 56: fine enough for the engine to centre and shrink the digit as MNIST did. */
export const READ = 56;
const BRUSH = 11;

/** A black square to draw on in white, as MNIST's digits are; reports its pixels while you draw and when you lift the pen. */
export function DrawPad({ onChange, clearKey }: { readonly onChange: (pixels: number[]) => void; readonly clearKey: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<[number, number] | null>(null);
  const queued = useRef(false);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = 'black';
    ctx.fillRect(0, 0, SIZE, SIZE);
  }, [clearKey]);

  const read = () => {
    const canvas = ref.current;
    if (!canvas) return;
    const small = document.createElement('canvas');
    small.width = READ;
    small.height = READ;
    const ctx = small.getContext('2d');
    if (!ctx) return;
    ctx.drawImage(canvas, 0, 0, READ, READ);
    const data = ctx.getImageData(0, 0, READ, READ).data;
    const pixels = Array.from({ length: READ * READ }, (_, i) => data[4 * i]! / 255);
    onChange(pixels);
  };

  const point = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
  };

  const stroke = (to: [number, number]) => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = 'white';
    ctx.fillStyle = 'white';
    ctx.lineWidth = BRUSH * 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const from = last.current ?? to;
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
    last.current = to;
    // Live: at most one reading per frame while the pen moves.
    if (!queued.current) {
      queued.current = true;
      requestAnimationFrame(() => {
        queued.current = false;
        read();
      });
    }
  };

  return (
    <canvas
      ref={ref}
      width={SIZE}
      height={SIZE}
      data-testid="draw-pad"
      aria-label="Draw a digit"
      className="cursor-crosshair touch-none rounded-md border border-slate-300"
      style={{ width: SIZE, height: SIZE }}
      onPointerDown={(e) => {
        drawing.current = true;
        last.current = null;
        e.currentTarget.setPointerCapture(e.pointerId);
        stroke(point(e));
      }}
      onPointerMove={(e) => {
        if (drawing.current) stroke(point(e));
      }}
      onPointerUp={() => {
        drawing.current = false;
        last.current = null;
        read();
      }}
    />
  );
}

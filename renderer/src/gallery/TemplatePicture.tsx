import type { TemplatePicture as Picture } from '../../../app/document/template';
import { getLayer } from '../../../app/layers/registry';
import { NODE_WIDTH, nodeHeight } from '../../../app/layout/node-geometry';
import { categoryStyle } from '../ui/category';

/**
 * A template's graph in miniature, drawn from its own laid-out nodes and edges, so the picture
 * can never fall out of step with the template: cards coloured by layer category, wires between.
 */
export function TemplatePicture({ picture, width = 280, height = 150 }: { readonly picture: Picture; readonly width?: number; readonly height?: number }) {
  const boxes = new Map(picture.nodes.map((n) => [n.id, { ...n, h: nodeHeight({ type: n.type, params: {} }) }]));
  if (boxes.size === 0) return <svg width={width} height={height} aria-hidden />;
  const all = [...boxes.values()];
  const minX = Math.min(...all.map((b) => b.x));
  const minY = Math.min(...all.map((b) => b.y));
  const maxX = Math.max(...all.map((b) => b.x + NODE_WIDTH));
  const maxY = Math.max(...all.map((b) => b.y + b.h));
  const pad = 30;
  const view = `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`;
  return (
    <svg width={width} height={height} viewBox={view} preserveAspectRatio="xMidYMid meet" aria-hidden className="block">
      {picture.edges.map((e, i) => {
        const s = boxes.get(e.source);
        const t = boxes.get(e.target);
        if (!s || !t) return null;
        // Wires leave a card's bottom and enter the next one's top, as on the canvas (top to bottom).
        const [x1, y1, x2, y2] = [s.x + NODE_WIDTH / 2, s.y + s.h, t.x + NODE_WIDTH / 2, t.y];
        const bend = Math.max(30, Math.abs(y2 - y1) / 2);
        return <path key={i} d={`M${x1} ${y1} C${x1} ${y1 + bend} ${x2} ${y2 - bend} ${x2} ${y2}`} fill="none" className="stroke-slate-400" strokeWidth={10} />;
      })}
      {all.map((b) => (
        <g key={b.id}>
          <rect x={b.x} y={b.y} width={NODE_WIDTH} height={b.h} rx={14} className="fill-white stroke-slate-300" strokeWidth={6} />
          <rect x={b.x} y={b.y} width={22} height={b.h} rx={10} fill={categoryStyle(getLayer(b.type)?.category).hex} />
        </g>
      ))}
    </svg>
  );
}

import type { LayerDef } from '../../../app/layers/types';
import { displayType } from '../ui/category';
import { inlineMarkdown } from './inlineMarkdown';

/** The learner's card: what the layer does, its formula, its shapes, and when to use it; code spans and sub/superscripts rendered. */
export function ExplainCard({ def }: { readonly def: LayerDef }) {
  const { what, formula, shapes, when } = def.explain;
  return (
    <div data-testid="layer-explain" className="space-y-2.5 rounded-lg border border-slate-200 bg-slate-50/70 p-3 text-[13px] leading-relaxed text-slate-700">
      <div className="flex items-center gap-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden>
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M8 7v4M8 4.8v.2" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        About {displayType(def.type)}
      </div>
      <p>{inlineMarkdown(what)}</p>
      {formula && (
        <div className="space-y-1 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 font-mono text-[12px] leading-snug break-words text-slate-800">
          {/* Widely spaced dots separate statements (the formula, then its parameter count). */}
          {formula.split(/\s{2,}·\s{2,}/).map((part, i) => (
            <div key={i}>{inlineMarkdown(part, true)}</div>
          ))}
        </div>
      )}
      <div>
        <div className="text-[11px] font-semibold text-slate-500">Shapes</div>
        <p>{inlineMarkdown(shapes)}</p>
      </div>
      <div>
        <div className="text-[11px] font-semibold text-slate-500">When to use it</div>
        <p>{inlineMarkdown(when)}</p>
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';

/** `code`, **bold** and *emphasis*: the Markdown the explanation texts use, rendered as elements (never as HTML). */
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
/** In formulas: x_i, x_{t−1}, e^x, e^{-x}, e^-x. */
const SCRIPT = /([_^])(\{([^}]+)\}|-?[A-Za-z0-9α-ωΑ-Ω]+)/g;

export function inlineMarkdown(text: string, formula = false): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(...plain(text.slice(last, m.index), formula, out.length));
    const [, code, bold, em] = m;
    const key = out.length;
    if (code !== undefined)
      out.push(
        <code key={key} className="rounded bg-slate-200/60 px-1 font-mono text-[0.92em] text-slate-800">
          {code}
        </code>,
      );
    else if (bold !== undefined) out.push(<strong key={key}>{bold}</strong>);
    else out.push(<em key={key}>{em}</em>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...plain(text.slice(last), formula, out.length));
  return out;
}

function plain(text: string, formula: boolean, start: number): ReactNode[] {
  if (!formula) return [text];
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(SCRIPT)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const body = m[3] ?? m[2] ?? '';
    const key = `s${start + out.length}`;
    out.push(m[1] === '_' ? <sub key={key}>{body}</sub> : <sup key={key}>{body}</sup>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../renderer/src/inspector/inlineMarkdown';

const html = (text: string, formula = false) => renderToStaticMarkup(createElement(Fragment, null, ...inlineMarkdown(text, formula)));

describe('explanation cards render their Markdown', () => {
  it('turns code spans, bold and emphasis into elements, never showing the backticks', () => {
    expect(html('set to 0 with probability `rate`, **then** scaled *once*')).toBe(
      'set to 0 with probability <code class="rounded bg-slate-200/60 px-1 font-mono text-[0.92em] text-slate-800">rate</code>, <strong>then</strong> scaled <em>once</em>',
    );
  });

  it('writes sub- and superscripts in formulas only', () => {
    expect(html('softmax(x)_i = e^x_i / Σ_j e^x_j', true)).toBe('softmax(x)<sub>i</sub> = e<sup>x</sup><sub>i</sub> / Σ<sub>j</sub> e<sup>x</sup><sub>j</sub>');
    expect(html('h_{t−1} and 1/(1+e^-x)', true)).toBe('h<sub>t−1</sub> and 1/(1+e<sup>-x</sup>)');
    expect(html('snake_case stays', false)).toBe('snake_case stays');
  });

  it('escapes what it does not render: text is never HTML', () => {
    expect(html('<img src=x onerror=alert(1)> `<b>`')).toContain('&lt;img');
  });
});

import type { TextOptions } from '../../../../app/data/source';
import type { DataPreview } from '../../../../app/protocol/data';
import { useDataDraft } from '../../store/dataDraft';
import { inputClass, selectClass } from '../../ui/styles';

type TextPreview = Extract<DataPreview, { kind: 'text' }>;

function editText(patch: Partial<TextOptions>) {
  const { source } = useDataDraft.getState();
  useDataDraft.setState({ source: { ...source, text: { ...source.text, ...patch } }, importError: null, message: null });
}

/** Texts after tokenization: each word and the id the network gets for it. */
export function TokenView({ preview }: { preview: TextPreview }) {
  const text = useDataDraft((s) => s.source.text);
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-2 text-[12px]">
        <select aria-label="Layout" className={selectClass} value={text.layout} onChange={(e) => editText({ layout: e.target.value as TextOptions['layout'] })}>
          <option value="csv">CSV: text + label</option>
          <option value="folders">A folder per class</option>
        </select>
        <label className="inline-flex items-center gap-1 text-slate-700">
          <input type="checkbox" className="accent-indigo-600" checked={text.lowercase} onChange={(e) => editText({ lowercase: e.target.checked })} /> lowercase
        </label>
        {text.layout === 'csv' && (
          <>
            <input
              aria-label="Text column"
              data-testid="text-column-input"
              className={inputClass()}
              placeholder="text column"
              value={text.textColumn}
              onChange={(e) => editText({ textColumn: e.target.value })}
            />
            <input
              aria-label="Label column"
              data-testid="label-column-input"
              className={inputClass()}
              placeholder="label column"
              value={text.labelColumn}
              onChange={(e) => editText({ labelColumn: e.target.value })}
            />
          </>
        )}
      </div>
      <p className="text-[11.5px] text-slate-500">
        {preview.vocabularySize.toLocaleString()} words in the vocabulary · {preview.sequenceLength} ids per text · {Math.round(preview.truncatedShare * 100)}%
        of texts cut
      </p>
      <ul data-testid="token-view" className="space-y-2">
        {preview.samples.map((s, i) => (
          <li key={i} className="space-y-1 rounded-md px-2 py-1.5 ring-1 ring-slate-200">
            <p className="flex text-[11px] text-slate-500">
              <span className="flex-1 font-medium text-slate-700">{s.label}</span>
              <span className="truncate font-mono">{s.where}</span>
            </p>
            <p className="line-clamp-2 text-[12px] text-slate-700">{s.text}</p>
            <div className="flex flex-wrap gap-1">
              {s.tokens.slice(0, 24).map((t, j) => (
                <span key={j} className="inline-flex flex-col items-center rounded bg-slate-100 px-1 font-mono text-[10.5px] leading-tight">
                  <span className="text-slate-800">{t}</span>
                  <span className={s.ids[j] === 1 ? 'text-amber-700' : 'text-indigo-600'}>{s.ids[j]}</span>
                </span>
              ))}
              {s.tokens.length > 24 && <span className="text-[11px] text-slate-400">+{s.tokens.length - 24}</span>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { DataSettings } from '../../../../app/data/catalog';
import type { DataProblemWire } from '../../../../app/protocol/data';
import { useDataDraft } from '../../store/dataDraft';
import { useProjectStore } from '../../store/project';
import { Button } from '../../ui/Button';

interface Suggestion {
  readonly message: string;
  readonly label?: string | undefined;
  readonly settings?: DataSettings | undefined;
}

const place = (p: DataProblemWire) =>
  [p.message.includes(p.file) ? '' : p.file, p.line !== undefined ? `line ${p.line}` : '', p.column ? `column “${p.column}”` : ''].filter(Boolean).join(' · ');

/** A suggestion's settings: the source goes into the draft, anything else (window, length…) into the project. */
function applySuggestion(settings: DataSettings) {
  const { source, fingerprint: _f, ...rest } = settings;
  const { data } = useProjectStore.getState().doc;
  const patch = Object.fromEntries(
    Object.entries(rest).filter(([k, v]) => JSON.stringify(data[k as keyof DataSettings]) !== JSON.stringify(v)),
  ) as Partial<DataSettings>;
  if (Object.keys(patch).length > 0) useProjectStore.getState().run({ type: 'setData', patch });
  if (source) useDataDraft.setState({ source, importError: null });
}

/** What is wrong with the data, placed by file, line and column; and one-click changes of the settings. */
export function DataProblems({ problems, more, suggestions }: { problems: readonly DataProblemWire[]; more: number; suggestions: readonly Suggestion[] }) {
  if (problems.length === 0 && suggestions.length === 0) return null;
  return (
    <div className="space-y-1.5">
      {problems.length > 0 && (
        <ul className="space-y-1">
          {problems.map((p, i) => (
            <li
              key={i}
              data-testid="data-problem"
              data-severity={p.severity}
              data-line={p.line}
              className={`rounded-md border px-2.5 py-1.5 text-[12.5px] leading-snug ${p.severity === 'error' ? 'border-red-200 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-900'}`}
            >
              {place(p) && <p className="font-mono text-[11px] break-all opacity-80">{place(p)}</p>}
              <p>{p.message}</p>
            </li>
          ))}
          {more > 0 && <li className="text-[12px] text-slate-500">…and {more.toLocaleString()} more.</li>}
        </ul>
      )}
      {suggestions.map((s, i) => (
        <div
          key={i}
          className="flex items-start gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-2.5 py-1.5 text-[12.5px] leading-snug text-indigo-900"
        >
          <p className="flex-1">{s.message}</p>
          {s.settings && (
            <Button data-testid="data-suggestion" onClick={() => s.settings && applySuggestion(s.settings)}>
              {s.label ?? 'Apply'}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}

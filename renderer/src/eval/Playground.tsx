import { useRef, useState } from 'react';
import type { ColumnSettings } from '../../../app/data/source';
import type { PlaygroundInput, PlaygroundResult } from '../../../app/protocol';
import { errorText } from '../actions/notify';
import { DrawPad, READ } from './DrawPad';
import { ExampleViewBox } from './ExampleCard';
import { imageInput, tryInput } from './playgroundActions';
import { RowForm } from './RowForm';
import { Card } from './Tiles';

const IMAGE_SETS = new Set(['mnist', 'images']);
const TEXT_SETS = new Set(['imdb', 'text']);

function Probabilities({ result }: { readonly result: PlaygroundResult }) {
  if (result.kind === 'values') {
    return (
      <p className="text-[14px] text-slate-700" data-testid="playground-values">
        Predicted:{' '}
        <b className="tabular-nums">{result.values.map((v, j) => `${result.names?.[j] ? `${result.names[j]} ` : ''}${v.toPrecision(4)}`).join(', ')}</b>
      </p>
    );
  }
  const best = result.probabilities.indexOf(Math.max(...result.probabilities));
  return (
    <div className="space-y-1" data-testid="playground-probabilities">
      <p className="mb-2 text-[14px] text-slate-700">
        The model says <b data-testid="playground-answer">{result.classNames[best]}</b> ({(result.probabilities[best]! * 100).toFixed(1)}%)
      </p>
      {result.probabilities.map((p, c) => (
        <div key={c} className="flex items-center gap-2 text-[12.5px]" data-testid="playground-bar">
          <span className="w-20 truncate text-right font-medium text-slate-700">{result.classNames[c]}</span>
          <span className="h-3.5 w-72 rounded bg-slate-100">
            <span className={`block h-3.5 rounded ${c === best ? 'bg-indigo-600' : 'bg-slate-400'}`} style={{ width: `${Math.max(0.5, p * 100)}%` }} />
          </span>
          <span className="w-14 text-slate-600 tabular-nums">{(p * 100).toFixed(1)}%</span>
        </div>
      ))}
    </div>
  );
}

/** Try the trained model: draw a digit, drop an image, type a sentence or a row of numbers, as its data calls for. */
export function Playground({
  runId,
  dataset,
  columns,
  onInput,
}: {
  readonly runId: string;
  readonly dataset: string;
  /** A table's columns, as the open project imported them: the playground shows one field per feature. */
  readonly columns?: readonly ColumnSettings[] | undefined;
  readonly onInput?: (input: PlaygroundInput) => void;
}) {
  const [result, setResult] = useState<PlaygroundResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [clearKey, setClearKey] = useState(0);
  const [text, setText] = useState('');
  // One question at a time: while the engine answers, only the newest drawing waits its turn.
  const inFlight = useRef(false);
  const waiting = useRef<PlaygroundInput | null>(null);

  const send = (input: PlaygroundInput) => {
    inFlight.current = true;
    setBusy(true);
    const next = () => {
      inFlight.current = false;
      const queued = waiting.current;
      waiting.current = null;
      if (queued) send(queued);
      else setBusy(false);
    };
    tryInput(runId, input).then(
      (r) => {
        if (!waiting.current) {
          setResult(r);
          setError(null);
        }
        next();
      },
      (e: unknown) => {
        if (!waiting.current) setError(errorText(e));
        next();
      },
    );
  };

  const run = (input: PlaygroundInput) => {
    onInput?.(input);
    if (inFlight.current) waiting.current = input;
    else send(input);
  };

  const image = IMAGE_SETS.has(dataset);
  const textual = TEXT_SETS.has(dataset);
  const table = dataset === 'csv' && columns && columns.length > 0;
  const seen = result?.kind === 'classes' ? result.seen : undefined;
  return (
    <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-3" data-testid="playground">
      <Card
        title={
          image ? (dataset === 'mnist' ? 'Draw a digit' : 'Drop an image') : textual ? 'Type a sentence' : table ? 'Fill in a row' : 'Type a row of numbers'
        }
      >
        {image && (
          <div className="space-y-2">
            {dataset === 'mnist' && <DrawPad clearKey={clearKey} onChange={(pixels) => run({ kind: 'image', width: READ, height: READ, pixels })} />}
            <div className="flex items-center gap-2">
              {dataset === 'mnist' && (
                <button
                  type="button"
                  data-testid="draw-clear"
                  className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-[13px] font-medium text-slate-700 hover:bg-slate-50"
                  onClick={() => {
                    setClearKey((k) => k + 1);
                    setResult(null);
                  }}
                >
                  Clear
                </button>
              )}
              <label className="cursor-pointer rounded-md border border-dashed border-slate-400 px-2.5 py-1 text-[13px] text-slate-600 hover:bg-slate-50">
                {dataset === 'mnist' ? 'or choose an image file…' : 'Choose an image file…'}
                <input
                  type="file"
                  accept="image/png,image/jpeg"
                  className="hidden"
                  data-testid="playground-file"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void imageInput(f, 64, dataset === 'mnist').then(run, (err: unknown) => setError(errorText(err)));
                  }}
                />
              </label>
            </div>
            {dataset === 'mnist' && (
              <p className="max-w-[280px] text-[12px] text-slate-500">
                White on black, like MNIST. The drawing is centred and scaled the way MNIST's digits were before the model sees it.
              </p>
            )}
          </div>
        )}
        {textual && (
          <div className="w-[380px] space-y-2">
            <textarea
              data-testid="playground-text"
              className="h-32 w-full rounded-md border border-slate-300 p-2 text-[13.5px]"
              placeholder="A wonderful film, the acting was superb…"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button
              type="button"
              data-testid="playground-send"
              className="rounded-md bg-indigo-600 px-3 py-1 text-[13px] font-medium text-white"
              onClick={() => run({ kind: 'text', text })}
            >
              Ask the model
            </button>
          </div>
        )}
        {table && <RowForm columns={columns} onAsk={(cells) => run({ kind: 'row', cells })} />}
        {!image && !textual && !table && (
          <form
            className="w-[380px] space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              const values = text
                .split(/[,\s]+/)
                .filter(Boolean)
                .map(Number);
              if (values.some((v) => !Number.isFinite(v))) setError('Type numbers separated by commas.');
              else run({ kind: 'values', values });
            }}
          >
            <input
              data-testid="playground-values-input"
              className="w-full rounded-md border border-slate-300 px-2 py-1 text-[13.5px]"
              placeholder="0.5, -1.2"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <p className="text-[12px] text-slate-500">One value per input feature, scaled as the training data was (a series: its window of past values).</p>
            <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1 text-[13px] font-medium text-white">
              Ask the model
            </button>
          </form>
        )}
      </Card>
      <Card title="What the model says" aside={busy ? <span className="text-[12px] text-slate-500">thinking…</span> : null}>
        {error && (
          <p className="mb-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900" data-testid="playground-error">
            {error}
          </p>
        )}
        {result ? (
          <div className="flex flex-wrap items-start gap-6">
            <Probabilities result={result} />
            {seen && (
              <figure className="text-[12px] text-slate-500" data-testid="playground-seen">
                <figcaption className="mb-1 font-medium text-slate-600">What the model saw</figcaption>
                <ExampleViewBox view={seen} size={seen.type === 'image' ? 140 : 72} />
                {seen.type === 'tokens' && <p className="mt-1">Struck-through words are not in its vocabulary: it read them as one "unknown" token.</p>}
              </figure>
            )}
          </div>
        ) : (
          !error && <p className="text-[13px] text-slate-500">{image ? 'Start drawing: the probabilities follow your pen.' : 'Its answer appears here.'}</p>
        )}
      </Card>
    </div>
  );
}

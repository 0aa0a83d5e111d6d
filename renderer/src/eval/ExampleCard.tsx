import type { ClassifiedExample, ExampleView } from '../../../app/protocol';

/** An example as the model saw it: its image (pixelated, not smoothed), its tokens with unknown words struck, or its values. */
export function ExampleViewBox({ view, size = 72 }: { readonly view: ExampleView; readonly size?: number }) {
  switch (view.type) {
    case 'image':
      return <img src={view.png} alt="" width={size} height={size} className="rounded-sm bg-black" style={{ imageRendering: 'pixelated' }} />;
    case 'tokens':
      return (
        <p className="max-h-28 overflow-y-auto text-[12px] leading-snug text-slate-700">
          {view.tokens.slice(-80).map((t, i) => (
            <span
              key={i}
              className={t.oov ? 'mr-1 rounded bg-amber-100 px-0.5 text-amber-900 line-through decoration-amber-500' : 'mr-1'}
              title={t.oov ? 'Not in the vocabulary: the model read it as <unk>' : undefined}
            >
              {t.text}
            </span>
          ))}
        </p>
      );
    case 'values':
      return (
        <dl className="grid grid-cols-[auto_auto] gap-x-2 text-[11.5px] text-slate-600 tabular-nums">
          {view.values.slice(0, 8).map((v, i) => (
            <div key={i} className="contents">
              <dt className="text-slate-400">{view.names?.[i] ?? `x${i + 1}`}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      );
    case 'row':
      return (
        <dl className="grid max-w-[220px] grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-[11.5px] text-slate-600 tabular-nums">
          {view.cells.slice(0, 8).map((c) => (
            <div key={c.name} className="contents">
              <dt className="truncate text-slate-400" title={c.name}>
                {c.name}
              </dt>
              <dd className="truncate" title={c.value}>
                {c.value}
              </dd>
            </div>
          ))}
          {view.cells.length > 8 && <div className="col-span-2 text-slate-400">+{view.cells.length - 8} more columns</div>}
        </dl>
      );
  }
}

/** One classified example with its three most probable classes as bars; the true class is green, a wrong guess red. */
export function ExampleCard({ example, classNames }: { readonly example: ClassifiedExample; readonly classNames: readonly string[] }) {
  const wrong = example.truth !== example.predicted;
  return (
    <figure
      data-testid="eval-example"
      className={`flex gap-2.5 rounded-md border bg-white p-2 ${wrong ? 'border-red-200' : 'border-emerald-200'} ${example.view.type === 'tokens' ? 'col-span-2' : ''}`}
    >
      <div className="shrink-0">
        <ExampleViewBox view={example.view} />
      </div>
      <figcaption className="min-w-0 flex-1 text-[12px]">
        <div className="mb-1 text-slate-500">
          true <b className="text-slate-800">{classNames[example.truth]}</b> · #{example.index}
        </div>
        {example.top.map((t) => (
          <div key={t.cls} className="flex items-center gap-1.5 leading-5">
            <span className="w-14 truncate text-slate-700">{classNames[t.cls]}</span>
            <span className="h-2 flex-1 rounded-full bg-slate-100">
              <span
                className={`block h-2 rounded-full ${t.cls === example.truth ? 'bg-emerald-500' : t.cls === example.predicted ? 'bg-red-500' : 'bg-slate-400'}`}
                style={{ width: `${Math.max(2, t.p * 100)}%` }}
              />
            </span>
            <span className="w-10 text-right text-slate-600 tabular-nums">{(t.p * 100).toFixed(1)}%</span>
          </div>
        ))}
      </figcaption>
    </figure>
  );
}

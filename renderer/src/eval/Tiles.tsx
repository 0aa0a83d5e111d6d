export interface Tile {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
}

/** The headline numbers of an evaluation, large enough to read from the back of a classroom. */
export function Tiles({ tiles }: { readonly tiles: readonly Tile[] }) {
  return (
    <div className="flex flex-wrap gap-2" data-testid="eval-tiles">
      {tiles.map((t) => (
        <div key={t.label} className="min-w-[120px] rounded-lg border border-slate-200 bg-white px-3 py-2" title={t.hint}>
          <div className="text-[11.5px] font-medium tracking-wide text-slate-500 uppercase">{t.label}</div>
          <div className="text-[22px] font-semibold text-slate-900 tabular-nums" data-testid={`eval-${t.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}>
            {t.value}
          </div>
        </div>
      ))}
    </div>
  );
}

export const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
export const fixed = (v: number, digits = 4) => (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(digits));

export function Card({
  title,
  children,
  testId,
  aside,
}: {
  readonly title: string;
  readonly children: React.ReactNode;
  readonly testId?: string;
  readonly aside?: React.ReactNode;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId} aria-label={title}>
      <header className="mb-2 flex items-baseline gap-2">
        <h3 className="text-[13px] font-semibold text-slate-800">{title}</h3>
        <div className="flex-1" />
        {aside}
      </header>
      {children}
    </section>
  );
}

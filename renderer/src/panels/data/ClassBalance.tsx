/** How many examples each class has, as bars; a class far below the others is worth a look. */
export function ClassBalance({ counts }: { counts: readonly { label: string; count: number }[] }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const total = counts.reduce((a, c) => a + c.count, 0);
  return (
    <figure data-testid="class-balance" className="space-y-1">
      <figcaption className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        Class balance <span className="font-normal normal-case">({total.toLocaleString()} examples)</span>
      </figcaption>
      <ul className="space-y-0.5">
        {counts.map((c) => (
          <li
            key={c.label}
            data-testid="class-count"
            data-label={c.label}
            data-count={c.count}
            className="grid grid-cols-[6.5rem_1fr_3rem] items-center gap-2 text-[12px]"
          >
            <span className="truncate text-slate-700" title={c.label}>
              {c.label}
            </span>
            <span className="h-3 rounded-sm bg-slate-100">
              <span className="block h-3 rounded-sm bg-indigo-400" style={{ width: `${(100 * c.count) / max}%` }} />
            </span>
            <span className="text-right font-mono text-slate-600 tabular-nums">{c.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

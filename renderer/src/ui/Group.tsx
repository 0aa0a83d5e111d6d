import { useId, useState, type ReactNode } from 'react';

export interface GroupProps {
  readonly title: string;
  /** The group's main control, kept in the header so it is reachable while the group is folded. */
  readonly control?: ReactNode | undefined;
  /** What the folded group is set to, in a few words. */
  readonly summary?: string | undefined;
  readonly defaultOpen?: boolean | undefined;
  /** Unfolds the group when it becomes true (e.g. a schedule that now has settings). */
  readonly openWhen?: boolean | undefined;
  readonly testId?: string | undefined;
  readonly children?: ReactNode | undefined;
}

/** A foldable block inside a sidebar section. */
export function Group({ title, control, summary, defaultOpen = true, openWhen, testId, children }: GroupProps) {
  const [open, setOpen] = useState(defaultOpen || openWhen === true);
  const body = useId();
  // Unfold when openWhen turns true: checked while rendering against the value last seen.
  const [seenOpenWhen, setSeenOpenWhen] = useState(openWhen);
  if (openWhen !== seenOpenWhen) {
    setSeenOpenWhen(openWhen);
    if (openWhen) setOpen(true);
  }
  const foldable = children !== undefined && children !== null && children !== false;
  return (
    <div className="border-t border-slate-100 pt-2.5" data-testid={testId}>
      <div className="flex min-h-7 items-center gap-2">
        <button
          type="button"
          className="flex min-w-0 flex-1 items-center gap-1.5 rounded text-left text-[12px] font-semibold text-slate-700 outline-none hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500/40 disabled:cursor-default"
          aria-expanded={foldable ? open : undefined}
          aria-controls={foldable ? body : undefined}
          disabled={!foldable}
          onClick={() => setOpen(!open)}
        >
          <svg
            viewBox="0 0 12 12"
            className={`size-3 shrink-0 text-slate-400 transition-transform ${open && foldable ? 'rotate-90' : ''} ${foldable ? '' : 'opacity-0'}`}
            aria-hidden
          >
            <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="shrink-0">{title}</span>
          {summary && !(open && foldable) && <span className="min-w-0 truncate text-[11.5px] font-normal text-slate-500">{summary}</span>}
        </button>
        {control}
      </div>
      {foldable && open && (
        <div id={body} className="space-y-3 pt-2 pb-1 pl-[18px]">
          {children}
        </div>
      )}
    </div>
  );
}

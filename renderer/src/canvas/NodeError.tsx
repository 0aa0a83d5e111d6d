import type { GraphIssue } from '../../../app/analysis/types';

const TONE = {
  error: { box: 'bg-red-50 text-red-800', chip: 'bg-red-100 text-red-700', fix: 'text-red-700/80', more: 'text-red-700' },
  warning: { box: 'bg-amber-50 text-amber-900', chip: 'bg-amber-100 text-amber-800', fix: 'text-amber-800/80', more: 'text-amber-800' },
} as const;

/** The worst problem of a layer, on its card: the handle at fault, the message, and the fix. */
export function NodeError({ issues, showHandle }: { readonly issues: readonly GraphIssue[]; readonly showHandle: boolean }) {
  // An error stops Train; a warning (an ignored param) does not, so an error is the one to show.
  const first = issues.find((i) => i.severity === 'error') ?? issues[0];
  if (!first) return null;
  const tone = TONE[first.severity];
  const more = issues.length - 1;
  return (
    <div data-testid="node-error" data-severity={first.severity} className={`mx-2 mb-2 rounded-md px-2 py-1.5 text-[11.5px] leading-snug ${tone.box}`}>
      {first.handle && showHandle && <span className={`mr-1 rounded px-1 font-mono text-[10.5px] ${tone.chip}`}>{first.handle}</span>}
      {first.message}
      {first.fix && <div className={`mt-0.5 ${tone.fix}`}>{first.fix}</div>}
      {more > 0 && (
        <div className={`mt-0.5 font-medium ${tone.more}`}>
          +{more} more problem{more > 1 ? 's' : ''}
        </div>
      )}
    </div>
  );
}

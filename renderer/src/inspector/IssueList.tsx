import type { GraphIssue } from '../../../app/analysis/types';

const TONE = {
  error: 'border-red-200 bg-red-50 text-red-800',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
} as const;

/** A node's problems and advice as the inspector lists them: message, the handle at fault, and the fix. */
export function IssueList({ issues }: { readonly issues: readonly GraphIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1.5">
      {issues.map((issue, i) => (
        <li
          key={i}
          data-testid={issue.severity === 'warning' ? 'node-advice-item' : 'node-issue-item'}
          className={`rounded-md border px-2.5 py-2 text-[12.5px] leading-snug ${TONE[issue.severity]}`}
        >
          {issue.severity === 'warning' && <span className="mr-1 font-semibold">Tip:</span>}
          {issue.handle && <span className="mr-1.5 rounded bg-red-100 px-1 font-mono text-[11px] text-red-700">{issue.handle}</span>}
          {issue.message}
          {issue.fix && <div className="mt-0.5 opacity-80">Fix: {issue.fix}</div>}
        </li>
      ))}
    </ul>
  );
}

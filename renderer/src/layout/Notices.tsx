import { useSession } from '../store/session';

const TONES = {
  error: 'border-red-200 bg-red-50 text-red-800',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  info: 'border-sky-200 bg-sky-50 text-sky-900',
} as const;

/** Dismissible messages: a file that failed to open, repairs made while opening, failed saves. */
export function Notices() {
  const notices = useSession((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="pointer-events-auto flex w-full max-w-xl flex-col gap-2">
      {notices.map((n) => (
        <div
          key={n.id}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid={n.kind === 'message' ? 'notice' : n.kind}
          className={`flex items-start gap-3 rounded-lg border px-3.5 py-2.5 text-[13px] shadow-md ${TONES[n.tone]}`}
        >
          <div className="min-w-0 flex-1">
            <div className="font-semibold">{n.title}</div>
            {n.lines.length === 1 ? (
              <p className="mt-0.5 leading-snug break-words">{n.lines[0]}</p>
            ) : (
              <ul className="mt-1 list-disc space-y-0.5 pl-4 leading-snug">
                {n.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            className="-mr-1 rounded p-1 opacity-60 hover:bg-black/5 hover:opacity-100"
            aria-label="Dismiss"
            title="Dismiss"
            data-testid={`${n.kind === 'message' ? 'notice' : n.kind}-dismiss`}
            onClick={() => useSession.getState().dismiss(n.id)}
          >
            <svg viewBox="0 0 12 12" className="size-3" aria-hidden>
              <path d="M2.5 2.5l7 7m0-7-7 7" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}

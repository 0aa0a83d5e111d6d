import { useRun } from '../store/run';
import { useSession } from '../store/session';
import { RunStatusPill } from '../run/RunStatus';

const CONNECTION = {
  open: { dot: 'bg-emerald-500', text: 'Connected' },
  connecting: { dot: 'bg-sky-400 animate-pulse', text: 'Connecting…' },
  reconnecting: { dot: 'bg-red-500 animate-pulse', text: 'Offline' },
} as const;

/** The right end of the toolbar: run state and backend, and the link to the host. */
export function HostStatus() {
  const connection = useSession((s) => s.connection);
  const info = useSession((s) => s.info);
  const backend = useRun((s) => s.backend);
  const c = CONNECTION[connection];
  return (
    <div className="flex items-center gap-3 text-[12px] text-slate-600">
      <div
        className="flex items-center gap-2"
        title={backend ? `${backend.name} · ${backend.device}\n${backend.reason}` : 'The training backend is chosen when a run starts.'}
      >
        <RunStatusPill />
        {backend && (
          <span className="max-w-48 truncate font-medium text-slate-700">
            {backend.name} · {backend.device}
          </span>
        )}
      </div>
      <span className="h-4 w-px bg-slate-200" aria-hidden />
      <div
        className="flex items-center gap-1.5"
        data-testid="connection-state"
        data-state={connection}
        title={info ? `LayerLab ${info.version} (${info.host} host)` : 'LayerLab host'}
      >
        <span className={`size-2 rounded-full ${c.dot}`} aria-hidden />
        {c.text}
      </div>
    </div>
  );
}

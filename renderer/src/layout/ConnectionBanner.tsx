import { useSession } from '../store/session';

/** Shown while the web host is unreachable; the editor keeps working offline. */
export function ConnectionBanner() {
  const connection = useSession((s) => s.connection);
  if (connection !== 'reconnecting') return null;
  return (
    <div
      data-testid="connection-banner"
      role="status"
      className="flex h-8 shrink-0 items-center justify-center gap-2 bg-amber-100 px-4 text-[12.5px] font-medium text-amber-900"
    >
      <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden />
      Disconnected from the LayerLab server — retrying… You can keep editing; training and templates need the server.
    </div>
  );
}

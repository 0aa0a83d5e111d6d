import { ChevronIcon } from '../ui/viewIcons';

/** What is left of a collapsed side panel: a strip with its name that opens it again. */
export function CollapsedPanel({
  side,
  label,
  onOpen,
  testId,
}: {
  readonly side: 'left' | 'right';
  readonly label: string;
  readonly onOpen: () => void;
  readonly testId: string;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={onOpen}
      title={`Show the ${label.toLowerCase()}`}
      className={`flex h-full w-7 shrink-0 flex-col items-center gap-2 bg-slate-50 pt-2 text-slate-500 hover:bg-slate-100 hover:text-slate-800 ${side === 'left' ? 'border-r' : 'border-l'} border-slate-200`}
    >
      <ChevronIcon dir={side === 'left' ? 'right' : 'left'} />
      <span className="text-[11.5px] font-semibold tracking-wide uppercase [writing-mode:vertical-rl]">{label}</span>
    </button>
  );
}

/** A small "log" switch for a chart's y axis: a real checkbox laid invisibly over its pill, so keyboard, mouse and tests all reach it. */
export function LogToggle({ on, onChange, disabled = false }: { readonly on: boolean; readonly onChange: (on: boolean) => void; readonly disabled?: boolean }) {
  return (
    <label
      title="Logarithmic y axis: shows small changes late in training, and spans losses that differ by orders of magnitude"
      className={`relative inline-flex h-5 shrink-0 cursor-pointer items-center gap-1 rounded px-1.5 text-[10.5px] font-semibold tracking-wide uppercase ring-1 select-none has-focus-visible:ring-2 has-focus-visible:ring-indigo-400 ${
        on ? 'bg-indigo-50 text-indigo-700 ring-indigo-200' : 'text-slate-500 ring-slate-200 hover:bg-slate-50'
      } ${disabled ? 'cursor-not-allowed opacity-50' : ''}`}
    >
      <input
        type="checkbox"
        data-testid="log-scale-toggle"
        className="absolute inset-0 m-0 cursor-pointer opacity-0 disabled:cursor-not-allowed"
        checked={on}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      log
    </label>
  );
}

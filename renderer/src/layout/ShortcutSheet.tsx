import { useView } from '../store/view';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcutList';

/** `?`: every keyboard action on one sheet. */
export function ShortcutSheet() {
  const open = useView((s) => s.overlay === 'shortcuts');
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" testId="shortcut-sheet" onClose={() => useView.getState().setOverlay(null)} wide>
      <div className="grid grid-cols-2 gap-x-8 gap-y-4">
        {SHORTCUTS.map((g) => (
          <section key={g.group}>
            <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{g.group}</h3>
            <dl className="space-y-1">
              {g.items.map((s) => (
                <div key={s.action} className="flex items-baseline justify-between gap-3 text-[12.5px]">
                  <dt className="text-slate-700">{s.action}</dt>
                  <dd className="flex shrink-0 gap-1">
                    {s.keys.map((k) => (
                      <kbd
                        key={k}
                        className="rounded border border-slate-300 bg-slate-50 px-1.5 py-px font-sans text-[11px] text-slate-600 shadow-[0_1px_0_var(--color-slate-300)]"
                      >
                        {k}
                      </kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

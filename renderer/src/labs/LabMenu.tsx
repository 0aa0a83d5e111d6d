import { useState } from 'react';
import { loadTemplate, newProject } from '../actions/files';
import { useSession } from '../store/session';
import { useProjectStore } from '../store/project';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { LABS } from './catalog';
import { useLab } from './labStore';

/** "Labs": pick a guided lab; it opens its starting template (or an empty canvas) and the steps panel. */
export function LabMenu() {
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const templates = useSession((s) => s.templates);
  const begin = async (id: string) => {
    const lab = LABS.find((l) => l.id === id);
    if (!lab || opening) return;
    const before = useProjectStore.getState().loadCount;
    setOpening(lab.id);
    // The menu stays open until the lab's template is here, as the gallery does: an edit made to the
    // old project meanwhile would be replaced by it.
    const close = () => {
      setOpen(false);
      setOpening(null);
    };
    if (lab.start) await loadTemplate(lab.start, templates?.find((t) => t.id === lab.start)?.name ?? lab.start, close);
    else {
      close();
      await newProject();
    }
    // Only follow the lab if its project was opened (the learner may have kept their unsaved work).
    if (useProjectStore.getState().loadCount !== before) useLab.getState().start(lab);
  };
  return (
    <>
      <Button data-testid="labs-button" variant="ghost" onClick={() => setOpen(true)} title="Guided labs: step-by-step exercises, checked as you go">
        Labs
      </Button>
      {open && (
        <Dialog title="Guided labs" testId="labs-dialog" onClose={() => setOpen(false)} wide>
          <ul className="grid grid-cols-2 gap-3">
            {LABS.map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  data-testid={`lab-${l.id}`}
                  aria-busy={opening === l.id}
                  onClick={() => void begin(l.id)}
                  className="h-full w-full rounded-lg border border-slate-200 p-3 text-left hover:border-indigo-300 hover:bg-indigo-50/50"
                >
                  <span className="block text-[11px] font-semibold tracking-wide text-indigo-600 uppercase">{l.module}</span>
                  <span className="mt-0.5 block text-[13.5px] font-semibold text-slate-900">{l.title}</span>
                  <span className="mt-1 block text-[12px] leading-snug text-slate-600">{l.summary}</span>
                  <span className="mt-1.5 block text-[11.5px] text-slate-400">
                    {opening === l.id ? (
                      <span className="text-indigo-600" data-testid="lab-opening">
                        Opening…
                      </span>
                    ) : (
                      `${l.steps.length} steps${l.start ? ' · starts from a template' : ' · starts on an empty canvas'}`
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Dialog>
      )}
    </>
  );
}

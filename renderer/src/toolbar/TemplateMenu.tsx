import { useEffect, useRef, useState } from 'react';
import { loadTemplate } from '../actions/files';
import { useSession } from '../store/session';
import { Button } from '../ui/Button';
import { ChevronDown, TemplateIcon } from '../ui/icons';

/** "New from template": the host's templates, listed when the menu opens. */
export function TemplateMenu() {
  const [open, setOpen] = useState(false);
  const templates = useSession((s) => s.templates);
  const error = useSession((s) => s.templatesError);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <Button data-testid="template-button" variant="ghost" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="New from template">
        <TemplateIcon />
        Templates
        <ChevronDown />
      </Button>
      {open && (
        <div role="menu" className="absolute top-full left-0 z-50 mt-1 w-80 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          <div className="px-3 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">New from template</div>
          {templates && templates.length > 0 ? (
            templates.map((t) => (
              <button
                key={t.id}
                type="button"
                role="menuitem"
                data-testid={`template-${t.id}`}
                className="block w-full px-3 py-2 text-left hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-none"
                onClick={() => {
                  setOpen(false);
                  void loadTemplate(t.id, t.name);
                }}
              >
                <span className="block text-[13px] font-medium text-slate-800">{t.name}</span>
                <span className="line-clamp-2 block text-[12px] leading-snug text-slate-500">{t.description}</span>
              </button>
            ))
          ) : (
            <p className="px-3 py-2 text-[12.5px] leading-snug text-slate-500">
              {templates
                ? 'No templates are installed.'
                : error
                  ? `Templates are unavailable: ${error}`
                  : 'Templates load once the LayerLab server is connected.'}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

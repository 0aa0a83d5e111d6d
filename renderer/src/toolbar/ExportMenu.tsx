import { useEffect, useRef, useState } from 'react';
import { EXPORT_TARGETS } from '../../../app/export/target';
import { useRuns } from '../store/runs';
import { Button } from '../ui/Button';
import { ChevronDown } from '../ui/icons';
import { exportProjectAs, TARGET_LABELS } from './exportDownload';

const WHAT: Record<(typeof EXPORT_TARGETS)[number], string> = {
  pytorch: 'model.py (nn.Module) and train.py (also under torchrun)',
  keras: 'A Keras 3 functional model, compiled and fitted like here',
  tfjs: 'model.json + weights for tf.loadLayersModel, and training code',
};

/** "Export": the project as PyTorch, Keras or TF.js code, optionally with the latest run's trained weights. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [withWeights, setWithWeights] = useState(true);
  const trained = useRuns((s) => (s.runs ?? []).some((r) => r.weights.last));
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
      <Button
        data-testid="export-button"
        variant="ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Export the model as code"
      >
        Export
        <ChevronDown />
      </Button>
      {open && (
        <div role="menu" className="absolute top-full left-0 z-50 mt-1 w-80 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          <div className="px-3 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Export as code</div>
          {EXPORT_TARGETS.map((target) => (
            <button
              key={target}
              type="button"
              role="menuitem"
              data-testid={`export-${target}`}
              className="block w-full px-3 py-2 text-left hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-none"
              onClick={() => {
                setOpen(false);
                void exportProjectAs(target, trained && withWeights);
              }}
            >
              <span className="block text-[13px] font-medium text-slate-800">{TARGET_LABELS[target]}</span>
              <span className="block text-[12px] leading-snug text-slate-500">{WHAT[target]}</span>
            </button>
          ))}
          <label className={`flex items-center gap-2 border-t border-slate-100 px-3 py-2 text-[12.5px] ${trained ? 'text-slate-700' : 'text-slate-400'}`}>
            <input
              type="checkbox"
              data-testid="export-weights"
              disabled={!trained}
              checked={trained && withWeights}
              onChange={(e) => setWithWeights(e.target.checked)}
            />
            {trained ? 'Include the latest run’s trained weights' : 'Train once to export trained weights'}
          </label>
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { RunSummary } from '../../../app/protocol';
import { loadRunDetail } from '../actions/runs';
import { runLabel } from '../store/runs';
import { DynamicsDialog } from './DynamicsDialog';
import type { DynamicsView } from './store';

const NONE = 'This run recorded no training dynamics: GAN and RBM runs are not watched by the views, and runs recorded before LayerLab kept them have none.';

/** A past run's way in: its recorded gradient norms, histograms and activation statistics, read from its record. */
export function RunInsideButton({ run, className }: { readonly run: RunSummary; readonly className: string }) {
  const [shown, setShown] = useState<readonly DynamicsView[] | null>(null);
  const [loading, setLoading] = useState(false);
  const open = async () => {
    setLoading(true);
    try {
      const detail = await loadRunDetail(run.id);
      // loadRunDetail has already said why when it could not read the run.
      if (detail) setShown(detail.dynamics);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <button
        type="button"
        data-testid="run-inside"
        className={className}
        disabled={loading}
        onClick={() => void open()}
        title="This run's training dynamics: gradient norm of each layer per epoch, weight and gradient histograms, activations"
      >
        Inside
      </button>
      {shown && <DynamicsDialog dynamics={shown} runName={runLabel(run)} empty={NONE} onClose={() => setShown(null)} />}
    </>
  );
}

import { useMemo } from 'react';
import { pauseTraining, resumeTraining, startTraining, stepTraining, stopTraining, trainBlockedReason } from '../actions/training';
import { useFieldErrors } from '../store/fieldErrors';
import { useProjectStore } from '../store/project';
import { isActive, useRun } from '../store/run';
import { useSession } from '../store/session';
import { Button } from '../ui/Button';
import { MOD } from '../ui/platform';
import { PauseIcon, PlayIcon, StepIcon, StopIcon } from '../ui/runIcons';

export const SHORTCUTS = {
  train: `${MOD}+Enter`,
  pause: 'Space',
  step: `S or ${MOD}+Shift+Enter`,
  stop: `Esc or ${MOD}+.`,
} as const;

/** Train, Pause / Resume, Step and Stop, like a media player's transport. */
export function RunControls() {
  const doc = useProjectStore((s) => s.doc);
  const connection = useSession((s) => s.connection);
  const fieldErrors = useFieldErrors((s) => s.errors);
  const blocked = useMemo(() => trainBlockedReason(doc, connection, fieldErrors), [doc, connection, fieldErrors]);
  const status = useRun((s) => s.status);
  const pending = useRun((s) => s.pending);
  const hasRun = useRun((s) => s.runId !== null);
  const active = isActive(status);
  const paused = status === 'paused';

  return (
    <div className="flex shrink-0 items-center gap-1.5" role="group" aria-label="Run controls">
      <Button
        data-testid="train-button"
        variant={active ? 'secondary' : 'primary'}
        disabled={!active && blocked !== null}
        onClick={() => void startTraining()}
        title={active ? 'A run is in progress: pause or stop it before starting another' : (blocked ?? `Train the network (${SHORTCUTS.train})`)}
        className={`h-8 w-[80px] ${active ? 'opacity-55' : ''}`}
      >
        <PlayIcon />
        Train
      </Button>
      {paused ? (
        <Button
          data-testid="resume-button"
          variant="secondary"
          disabled={pending !== null}
          onClick={() => void resumeTraining()}
          title={`Resume training (${SHORTCUTS.pause})`}
          className="h-8 w-[92px] text-indigo-700"
        >
          <PlayIcon />
          {pending === 'resuming' ? 'Resuming…' : 'Resume'}
        </Button>
      ) : (
        <Button
          data-testid="pause-button"
          variant="secondary"
          disabled={status !== 'training' || !hasRun || pending !== null}
          onClick={() => void pauseTraining()}
          title={`Pause at the end of this batch (${SHORTCUTS.pause})`}
          className="h-8 w-[92px]"
        >
          <PauseIcon />
          {pending === 'pausing' ? 'Pausing…' : 'Pause'}
        </Button>
      )}
      <Button
        data-testid="step-button"
        variant="secondary"
        disabled={!paused || pending !== null}
        onClick={() => void stepTraining()}
        title={paused ? `Train exactly one batch, then pause again (${SHORTCUTS.step})` : `Pause first, then step one batch at a time (${SHORTCUTS.step})`}
        className="h-8 w-[74px]"
      >
        <StepIcon />
        {pending === 'stepping' ? 'Step…' : 'Step'}
      </Button>
      <Button
        data-testid="stop-button"
        variant={active ? 'danger' : 'secondary'}
        disabled={!active || pending === 'stopping'}
        onClick={() => void stopTraining()}
        title={`Stop and keep the weights reached so far (${SHORTCUTS.stop})`}
        className="h-8 w-[74px]"
      >
        <StopIcon />
        Stop
      </Button>
    </div>
  );
}

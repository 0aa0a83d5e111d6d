import { MONITORS } from '../../../../app/training/settings';
import { FieldRow } from '../../ui/FieldRow';
import { Group } from '../../ui/Group';
import { NumberInput } from '../../ui/NumberInput';
import { selectClass } from '../../ui/styles';
import { useTraining } from './useTraining';

type Monitor = (typeof MONITORS)[number];

/** Stop when the monitored number stops improving, optionally going back to the best weights. */
export function EarlyStoppingGroup() {
  const [t, set] = useTraining();
  const es = t.earlyStopping;
  const patch = (p: Partial<typeof es>) => set({ earlyStopping: { ...es, ...p } });
  const needsVal = es.monitor.startsWith('val_') && t.validationSplit === 0;
  const control = (
    <label className="flex shrink-0 cursor-pointer items-center gap-1.5 text-[12px] text-slate-600" title="Stop the run when it stops improving">
      <input
        type="checkbox"
        data-testid="early-stopping-checkbox"
        className="size-4 cursor-pointer accent-indigo-600"
        checked={es.enabled}
        onChange={(e) => patch({ enabled: e.target.checked })}
      />
      {es.enabled ? 'On' : 'Off'}
    </label>
  );
  return (
    <Group
      title="Early stopping"
      control={control}
      summary={es.enabled ? `${es.monitor}, patience ${es.patience}` : undefined}
      defaultOpen={es.enabled}
      openWhen={es.enabled}
    >
      {es.enabled ? (
        <>
          <div className="grid grid-cols-2 gap-x-2 gap-y-3">
            <FieldRow label="Watch" htmlFor="es-monitor">
              <select
                id="es-monitor"
                data-testid="early-stopping-monitor"
                className={selectClass}
                value={es.monitor}
                onChange={(e) => patch({ monitor: e.target.value as Monitor })}
              >
                {MONITORS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </FieldRow>
            <FieldRow label="Patience (epochs)" htmlFor="es-patience">
              <NumberInput
                id="es-patience"
                testId="early-stopping-patience"
                value={es.patience}
                integer
                min={1}
                max={1000}
                step={1}
                onCommit={(patience) => patch({ patience })}
              />
            </FieldRow>
          </div>
          <label className="flex cursor-pointer items-start gap-2 text-[13px] text-slate-700">
            <input
              type="checkbox"
              data-testid="restore-best-checkbox"
              className="mt-0.5 size-4 cursor-pointer accent-indigo-600"
              checked={es.restoreBest}
              onChange={(e) => patch({ restoreBest: e.target.checked })}
            />
            <span>
              Restore the best weights
              <span className="block text-[12px] text-slate-500">When it stops, go back to the epoch where {es.monitor} was best.</span>
            </span>
          </label>
          <p className={`text-[12px] leading-snug ${needsVal ? 'text-amber-700' : 'text-slate-500'}`}>
            {needsVal
              ? `${es.monitor} needs a validation split above 0; set one above, or watch ${es.monitor.slice(4)}.`
              : `Stops after ${es.patience} epoch${es.patience > 1 ? 's' : ''} without a better ${es.monitor}.`}
          </p>
        </>
      ) : (
        <p className="text-[12px] leading-snug text-slate-500">
          Ends the run once it stops improving, instead of always running every epoch; guards against overfitting.
        </p>
      )}
    </Group>
  );
}

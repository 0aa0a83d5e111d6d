import { OPTIMIZERS, type OptimizerName } from '../../../../app/training/settings';
import { formatLr } from '../../run/format';
import { FieldRow } from '../../ui/FieldRow';
import { Group } from '../../ui/Group';
import { NumberInput } from '../../ui/NumberInput';
import { selectClass } from '../../ui/styles';
import { OPTIMIZER_HELP, OPTIMIZER_LABEL } from './labels';
import { useTraining } from './useTraining';

const LR_HINT = 'Enter a learning rate above 0 and at most 10, e.g. 0.01.';
const positiveLr = (v: number) => (v > 0 ? null : LR_HINT);

/** The optimizer, its learning rate, and SGD's momentum. */
export function OptimizerGroup() {
  const [t, set] = useTraining();
  const sgd = t.optimizer === 'sgd';
  return (
    <Group title="Optimizer" summary={`${OPTIMIZER_LABEL[t.optimizer]} · lr ${formatLr(t.learningRate)}`}>
      <div className="grid grid-cols-2 gap-x-2 gap-y-3">
        <FieldRow label="Optimizer" htmlFor="optimizer">
          <select
            id="optimizer"
            data-testid="optimizer-select"
            className={selectClass}
            value={t.optimizer}
            onChange={(e) => set({ optimizer: e.target.value as OptimizerName })}
          >
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {OPTIMIZER_LABEL[o]}
              </option>
            ))}
          </select>
        </FieldRow>
        <FieldRow label="Learning rate" htmlFor="lr">
          <NumberInput
            id="lr"
            testId="lr-input"
            value={t.learningRate}
            min={0}
            max={10}
            validate={positiveLr}
            hint={LR_HINT}
            step={0.001}
            onCommit={(learningRate) => set({ learningRate })}
          />
        </FieldRow>
      </div>
      <p className="text-[12px] leading-snug text-slate-500">{OPTIMIZER_HELP[t.optimizer]}</p>
      {sgd && (
        <div className="grid grid-cols-2 items-end gap-x-2">
          <FieldRow label="Momentum" htmlFor="momentum">
            <NumberInput id="momentum" testId="momentum-input" value={t.momentum} min={0} max={0.999} step={0.05} onCommit={(momentum) => set({ momentum })} />
          </FieldRow>
          <label
            className="flex h-7 cursor-pointer items-center gap-2 text-[13px] text-slate-700"
            title="Nesterov momentum looks ahead along the velocity before taking the gradient: usually a little faster and steadier."
          >
            <input
              type="checkbox"
              data-testid="nesterov-checkbox"
              className="size-4 cursor-pointer accent-indigo-600"
              checked={t.nesterov}
              onChange={(e) => set({ nesterov: e.target.checked })}
            />
            Nesterov
          </label>
          <p className="col-span-2 mt-1 text-[12px] leading-snug text-slate-500">
            {t.momentum === 0
              ? 'Momentum 0 is plain SGD. Around 0.9 lets steps build speed along steady directions; Nesterov only matters with momentum above 0.'
              : 'Each step keeps this share of the previous one, so the descent builds speed along steady directions.'}
          </p>
        </div>
      )}
    </Group>
  );
}

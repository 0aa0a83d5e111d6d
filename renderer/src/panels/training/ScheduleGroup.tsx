import { SCHEDULES, type Schedule, type ScheduleKind } from '../../../../app/training/settings';
import { FieldRow } from '../../ui/FieldRow';
import { Group } from '../../ui/Group';
import { NumberInput } from '../../ui/NumberInput';
import { selectClass } from '../../ui/styles';
import { SCHEDULE_HELP, SCHEDULE_LABEL } from './labels';
import { SchedulePreview } from './SchedulePreview';
import { useTraining } from './useTraining';

const below1 = (v: number) => (v > 0 && v < 1 ? null : 'Enter a factor above 0 and below 1, e.g. 0.5.');
const upTo1 = (v: number) => (v > 0 && v <= 1 ? null : 'Enter a rate above 0 and at most 1, e.g. 0.95.');

/** How the learning rate changes over the run. */
export function ScheduleGroup() {
  const [t, set] = useTraining();
  const s = t.schedule;
  const patch = (p: Partial<Schedule>) => set({ schedule: { ...s, ...p } });
  const kind = s.kind;
  const control = (
    <div className="w-36 shrink-0">
      <select
        aria-label="Learning-rate schedule"
        data-testid="schedule-select"
        className={selectClass}
        value={kind}
        onChange={(e) => patch({ kind: e.target.value as ScheduleKind })}
      >
        {SCHEDULES.map((k) => (
          <option key={k} value={k}>
            {SCHEDULE_LABEL[k]}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Group title="Schedule" control={control} defaultOpen={kind !== 'constant'} openWhen={kind !== 'constant'}>
      <p className="text-[12px] leading-snug text-slate-500">{SCHEDULE_HELP[kind]}</p>
      {kind !== 'constant' && (
        <div className="grid grid-cols-2 gap-x-2 gap-y-3">
          {kind === 'step' && (
            <FieldRow label="Every (epochs)" htmlFor="sched-every">
              <NumberInput
                id="sched-every"
                testId="schedule-step-every"
                value={s.stepEvery}
                integer
                min={1}
                max={10_000}
                step={1}
                onCommit={(stepEvery) => patch({ stepEvery })}
              />
            </FieldRow>
          )}
          {(kind === 'step' || kind === 'plateau') && (
            <FieldRow label="Factor" htmlFor="sched-factor">
              <NumberInput
                id="sched-factor"
                testId="schedule-factor"
                value={s.factor}
                min={0}
                max={1}
                validate={below1}
                step={0.05}
                onCommit={(factor) => patch({ factor })}
              />
            </FieldRow>
          )}
          {kind === 'exponential' && (
            <FieldRow label="Decay per epoch" htmlFor="sched-decay">
              <NumberInput
                id="sched-decay"
                testId="schedule-decay"
                value={s.decayRate}
                min={0}
                max={1}
                validate={upTo1}
                step={0.01}
                onCommit={(decayRate) => patch({ decayRate })}
              />
            </FieldRow>
          )}
          {kind === 'plateau' && (
            <FieldRow label="Patience (epochs)" htmlFor="sched-patience">
              <NumberInput
                id="sched-patience"
                testId="schedule-patience"
                value={s.patience}
                integer
                min={1}
                max={1000}
                step={1}
                onCommit={(patience) => patch({ patience })}
              />
            </FieldRow>
          )}
          <FieldRow label="Floor" htmlFor="sched-min">
            <NumberInput
              id="sched-min"
              testId="schedule-min-lr"
              value={s.minLearningRate}
              min={0}
              max={10}
              step={0.0001}
              onCommit={(minLearningRate) => patch({ minLearningRate })}
            />
          </FieldRow>
        </div>
      )}
      {kind !== 'constant' && <SchedulePreview lr={t.learningRate} epochs={t.epochs} schedule={s} />}
    </Group>
  );
}

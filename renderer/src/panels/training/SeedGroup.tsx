import { Button } from '../../ui/Button';
import { Group } from '../../ui/Group';
import { NumberInput } from '../../ui/NumberInput';
import { useTraining } from './useTraining';

const MAX_SEED = 2 ** 31 - 1;

/** The seed behind initial weights and shuffling: 0 draws a new one each run. */
export function SeedGroup() {
  const [t, set] = useTraining();
  const control = (
    <div className="w-28 shrink-0">
      <NumberInput
        id="seed"
        testId="seed-input"
        title="Random seed: 0 gives a different start every run; any other number repeats it"
        value={t.seed}
        integer
        min={0}
        max={MAX_SEED}
        step={1}
        onCommit={(seed) => set({ seed })}
      />
    </div>
  );
  return (
    <Group title="Reproducibility" control={control} summary={t.seed === 0 ? 'random' : `seed ${t.seed}`} defaultOpen={false}>
      <p className="text-[12px] leading-snug text-slate-500">
        The seed fixes the initial weights, the validation split and the shuffling. 0 picks a new one every run; any other number makes a run repeatable on the
        same backend.
      </p>
      <div className="flex gap-2">
        <Button onClick={() => set({ seed: 1 + Math.floor(Math.random() * 99_999) })}>Pick a seed</Button>
        {t.seed !== 0 && <Button onClick={() => set({ seed: 0 })}>Random each run</Button>}
      </div>
    </Group>
  );
}

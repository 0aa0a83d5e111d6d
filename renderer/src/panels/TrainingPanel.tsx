import { useProjectStore } from '../store/project';
import { FieldRow } from '../ui/FieldRow';
import { NumberInput } from '../ui/NumberInput';
import { selectClass } from '../ui/styles';
import { EarlyStoppingGroup } from './training/EarlyStoppingGroup';
import { EngineGroup } from './training/EngineGroup';
import { LossMetricsGroup } from './training/LossMetricsGroup';
import { OptimizerGroup } from './training/OptimizerGroup';
import { ScheduleGroup } from './training/ScheduleGroup';
import { SeedGroup } from './training/SeedGroup';
import { useTraining } from './training/useTraining';

type Mode = 'standard' | 'gan' | 'rbm';

function ModeHelp({ mode }: { readonly mode: Mode }) {
  const counts = useProjectStore((s) => {
    const c = { generator: 0, discriminator: 0 };
    for (const n of s.doc.graph.nodes) if (n.role !== 'model') c[n.role]++;
    return `${c.generator},${c.discriminator}`;
  });
  if (mode === 'standard') return <>Fits the network to the dataset’s targets: classes, numbers, the input itself (autoencoders) or sequences.</>;
  if (mode === 'rbm')
    return (
      <>
        Trains every RBM layer by contrastive divergence to reproduce its input, each on the hidden units of the one below; a classifier head after the RBMs is
        then fine-tuned on the labels in the second half of the epochs.
      </>
    );
  const [g, d] = counts.split(',').map(Number);
  return (
    <>
      The generator turns noise into images, the discriminator tells them from real ones; they train in turns. Set each layer’s role in the inspector:{' '}
      <span className={g && d ? 'text-slate-600' : 'font-medium text-amber-700'}>
        {g} generator and {d} discriminator layer{d === 1 ? '' : 's'} now.
      </span>
    </>
  );
}

/** The hyper-parameters of a run; they are part of the document. */
export function TrainingPanel() {
  const [t, set] = useTraining();
  return (
    <div className="space-y-3">
      <FieldRow label="Mode" htmlFor="mode" help={<ModeHelp mode={t.mode} />}>
        <select id="mode" data-testid="mode-select" className={selectClass} value={t.mode} onChange={(e) => set({ mode: e.target.value as Mode })}>
          <option value="standard">Standard (fit to targets)</option>
          <option value="gan">GAN (generator vs discriminator)</option>
          <option value="rbm">RBM (contrastive divergence)</option>
        </select>
      </FieldRow>
      <div className="grid grid-cols-3 gap-x-2 gap-y-3">
        <FieldRow label="Epochs" htmlFor="epochs">
          <NumberInput id="epochs" testId="epochs-input" value={t.epochs} integer min={1} max={10_000} step={1} onCommit={(epochs) => set({ epochs })} />
        </FieldRow>
        <FieldRow label="Batch size" htmlFor="batch">
          <NumberInput id="batch" testId="batch-input" value={t.batchSize} integer min={1} max={65_536} step={1} onCommit={(batchSize) => set({ batchSize })} />
        </FieldRow>
        <FieldRow label="Validation" htmlFor="valsplit">
          <NumberInput
            id="valsplit"
            testId="valsplit-input"
            value={t.validationSplit}
            min={0}
            max={0.5}
            step={0.05}
            onCommit={(validationSplit) => set({ validationSplit })}
          />
        </FieldRow>
      </div>
      <p className="-mt-1 text-[12px] leading-snug text-slate-500">
        {t.validationSplit > 0
          ? `${Math.round(t.validationSplit * 100)}% of the examples are held out to measure val_loss and the validation metrics.`
          : 'No validation set: only training loss and metrics are measured.'}
      </p>
      <OptimizerGroup />
      <ScheduleGroup />
      <LossMetricsGroup />
      <EarlyStoppingGroup />
      <SeedGroup />
      <EngineGroup />
    </div>
  );
}

import { useCallback } from 'react';
import { DATASET_IDS, DATASETS, type DataSettings, type DatasetId } from '../../../app/data/catalog';
import { isUserDataset } from '../../../app/data/source';
import { dataSpec } from '../../../app/data/spec';
import { formatDims } from '../../../app/layers/types';
import { useProjectStore } from '../store/project';
import { FieldRow } from '../ui/FieldRow';
import { selectClass } from '../ui/styles';
import { DataSettingField } from './DataSettingField';
import { DownloadCard } from './data/DownloadCard';
import { UserDataPanel } from './data/UserDataPanel';
import { FitIssues } from './FitIssues';
import { ScatterPreview, type Synthetic2d } from './ScatterPreview';

const is2d = (id: DatasetId): id is Synthetic2d => id === 'spirals' || id === 'circles' || id === 'xor';

const TASK_LABEL = { classification: 'Classification', regression: 'Regression', reconstruction: 'Reconstruction', sequence: 'Sequence to sequence' } as const;

/** Which data the network trains on, its settings, a preview, and whether it fits the graph. */
export function DataPanel() {
  const data = useProjectStore((s) => s.doc.data);
  const run = useProjectStore((s) => s.run);
  const set = useCallback((patch: Partial<DataSettings>) => run({ type: 'setData', patch }), [run]);
  const info = DATASETS[data.dataset];
  const spec = dataSpec(data);
  // Settings that belong side by side go in a two-column grid; the help of each is its tooltip.
  const settings = info.settings;

  return (
    <div className="space-y-3">
      <FieldRow label="Dataset" htmlFor="dataset">
        <select
          id="dataset"
          data-testid="dataset-select"
          className={selectClass}
          value={data.dataset}
          onChange={(e) => set({ dataset: e.target.value as DatasetId })}
        >
          {DATASET_IDS.map((id) => (
            <option key={id} value={id}>
              {DATASETS[id].label}
            </option>
          ))}
        </select>
      </FieldRow>
      <p className="text-[12.5px] leading-relaxed text-slate-600">{info.description}</p>
      <dl className="grid grid-cols-3 gap-2 text-[12px]">
        <Stat label="Task" value={TASK_LABEL[spec.task]} />
        <Stat
          label={spec.inputs.length > 1 ? 'Inputs' : 'Example'}
          value={spec.inputs.map((i) => formatDims(i.shape)).join(' + ')}
          title={spec.inputs.map((i) => i.label).join('; ')}
          mono
        />
        <Stat
          label={spec.task === 'sequence' ? 'Vocabulary' : 'Classes'}
          value={spec.classes > 0 ? String(spec.classes) : '—'}
          title={spec.classNames.join(', ') || undefined}
        />
      </dl>
      {settings.length > 0 && (
        <div className="grid grid-cols-2 gap-x-2 gap-y-3">
          {settings.map((k) => (
            <div key={k} className={k === 'objective' ? 'col-span-2' : ''}>
              <DataSettingField k={k} data={data} set={set} />
            </div>
          ))}
        </div>
      )}
      {is2d(data.dataset) && <ScatterPreview kind={data.dataset} samples={data.samples} noise={data.noise} seed={data.seed} />}
      {info.download && <DownloadCard download={info.download} />}
      {isUserDataset(data.dataset) ? <UserDataPanel kind={data.dataset} /> : <p className="text-[11.5px] text-slate-500">Source: {info.source}</p>}
      <FitIssues />
    </div>
  );
}

function Stat({ label, value, title, mono = false }: { label: string; value: string; title?: string | undefined; mono?: boolean }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 px-2 py-1 ring-1 ring-slate-200" title={title ?? value}>
      <dt className="text-[10.5px] text-slate-500">{label}</dt>
      <dd className={`truncate text-slate-800 ${mono ? 'font-mono' : ''}`}>{value || '—'}</dd>
    </div>
  );
}

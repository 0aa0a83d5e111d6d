import { useCallback, useEffect, useState } from 'react';
import type { PretrainedSourcesReply } from '../../../../app/protocol/pretrained';
import { ZOO_IDS, type PretrainedSource, type ZooId } from '../../../../app/transfer/sources';
import { errorText } from '../../actions/notify';
import { useProjectStore } from '../../store/project';
import { runLabel, useRuns } from '../../store/runs';
import { Button } from '../../ui/Button';
import { FieldRow } from '../../ui/FieldRow';
import { inputClass, selectClass } from '../../ui/styles';
import { listSources, paramsForSource, readSource } from './actions';
import { ZooDownload } from './ZooDownload';

type Kind = PretrainedSource['kind'];

const KIND_LABEL: Record<Kind, string> = {
  resource: 'A model shipped with LayerLab',
  zoo: 'Model zoo (ImageNet)',
  run: 'An earlier run of this project',
  file: 'A TF.js model file (model.json)',
};

/** How often the download's progress is asked for while it runs. */
const POLL_MS = 400;

/** Chooses where the node's layers come from and reads that model's layers into the node's params. */
export function SourcePicker({ nodeId, source }: { readonly nodeId: string; readonly source: PretrainedSource }) {
  const run = useProjectStore((s) => s.run);
  const projectId = useProjectStore((s) => s.doc.id);
  const runs = useRuns((s) => s.runs);
  const [kind, setKind] = useState<Kind>(source.kind);
  const [sources, setSources] = useState<PretrainedSourcesReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [zoo, setZoo] = useState<ZooId>(source.kind === 'zoo' ? source.model : 'mobilenet-v2');
  const [path, setPath] = useState(source.kind === 'file' ? source.path : '');

  const refresh = useCallback(() => listSources().then(setSources, (e: unknown) => setError(errorText(e))), []);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [busy, refresh]);

  const use = useCallback(
    async (next: PretrainedSource) => {
      setBusy(true);
      setError(null);
      try {
        const summary = await readSource(next, projectId);
        run({ type: 'setParams', nodeId, params: paramsForSource(next, summary), label: 'Choose the pretrained source' });
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(false);
        void refresh();
      }
    },
    [run, nodeId, projectId, refresh],
  );

  const zooInfo = sources?.zoo.find((z) => z.id === zoo);
  const finished = (runs ?? []).filter((r) => r.epochsDone > 0);

  return (
    <div className="space-y-2.5" data-testid="pretrained-source">
      <FieldRow label="Source model" htmlFor={`source-kind-${nodeId}`}>
        <select id={`source-kind-${nodeId}`} data-testid="source-kind" className={selectClass} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </FieldRow>
      {kind === 'resource' && (
        <select
          aria-label="Shipped model"
          data-testid="source-shipped"
          className={selectClass}
          disabled={busy}
          value={source.kind === 'resource' ? source.id : ''}
          onChange={(e) => e.target.value && void use({ kind: 'resource', id: e.target.value })}
        >
          {source.kind !== 'resource' && <option value="">Choose a model…</option>}
          {sources?.shipped.map((m) => (
            <option key={m.id} value={m.id} title={m.description}>
              {m.label}
            </option>
          ))}
        </select>
      )}
      {kind === 'zoo' && (
        <>
          <select
            aria-label="Zoo model"
            data-testid="source-zoo"
            className={selectClass}
            disabled={busy}
            value={zoo}
            onChange={(e) => {
              const id = e.target.value as ZooId;
              setZoo(id);
              if (sources?.zoo.find((z) => z.id === id)?.cached) void use({ kind: 'zoo', model: id });
            }}
          >
            {ZOO_IDS.map((id) => (
              <option key={id} value={id}>
                {sources?.zoo.find((z) => z.id === id)?.label ?? id}
              </option>
            ))}
          </select>
          {zooInfo && <ZooDownload info={zooInfo} busy={busy} onDownload={() => void use({ kind: 'zoo', model: zoo })} />}
          {zooInfo?.cached && !(source.kind === 'zoo' && source.model === zoo) && (
            <Button onClick={() => void use({ kind: 'zoo', model: zoo })} disabled={busy}>
              Use {zooInfo.label}
            </Button>
          )}
        </>
      )}
      {kind === 'run' &&
        (finished.length === 0 ? (
          <p className="text-[12px] text-slate-500">This project has no trained run yet. Train once, then reuse that run’s weights here.</p>
        ) : (
          <select
            aria-label="Earlier run"
            data-testid="source-run"
            className={selectClass}
            disabled={busy}
            value={source.kind === 'run' ? source.runId : ''}
            onChange={(e) => e.target.value && void use({ kind: 'run', runId: e.target.value, which: 'best' })}
          >
            {source.kind !== 'run' && <option value="">Choose a run…</option>}
            {finished.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r)} · {r.epochsDone} epochs · {r.dataset}
              </option>
            ))}
          </select>
        ))}
      {kind === 'file' && (
        <div className="flex gap-1.5">
          <input
            aria-label="Path to model.json"
            data-testid="source-file"
            className={inputClass()}
            placeholder="/path/to/model.json"
            value={path}
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
          />
          <Button disabled={busy || path.trim() === ''} onClick={() => void use({ kind: 'file', path: path.trim() })}>
            Read
          </Button>
        </div>
      )}
      {busy && <p className="text-[12px] text-slate-500">Reading the model…</p>}
      {error && (
        <p role="alert" className="text-[12px] text-red-700" data-testid="source-error">
          {error}
        </p>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { Evaluation, FeatureMaps, PlaygroundInput } from '../../../app/protocol';
import { errorText } from '../actions/notify';
import { featureMaps, imageInput } from './playgroundActions';
import { Card } from './Tiles';

/** One example per class from an evaluation (the surest right answer of each), to look inside the network with. */
function examplesOf(result: Evaluation): { label: string; png: string }[] {
  if (result.kind !== 'classification') return [];
  return result.classNames.flatMap((name, c) => {
    const e = result.cells[`${c},${c}`]?.[0];
    return e?.view.type === 'image' ? [{ label: name, png: e.view.png }] : [];
  });
}

/** Every channel of a chosen convolution layer for a chosen example, and the first layer's filters. */
export function FeatureMapsView({ runId, result, drawn }: { readonly runId: string; readonly result: Evaluation; readonly drawn: PlaygroundInput | null }) {
  const examples = examplesOf(result);
  const [source, setSource] = useState<string>(drawn ? 'drawn' : (examples[0]?.label ?? 'drawn'));
  const [layer, setLayer] = useState<string | undefined>(undefined);
  const [maps, setMaps] = useState<FeatureMaps | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const pick = examples.find((e) => e.label === source);
    const input: Promise<PlaygroundInput | null> = source === 'drawn' ? Promise.resolve(drawn) : pick ? imageInput(pick.png, 64) : Promise.resolve(null);
    void input
      .then((i) => (i ? featureMaps(runId, i, layer) : null))
      .then(
        (m) => {
          if (!live) return;
          setMaps(m);
          setError(m ? null : 'Draw something in the Playground first, or pick an example.');
        },
        (e: unknown) => live && setError(errorText(e)),
      );
    return () => {
      live = false;
    };
    // examples derive from result, which does not change while this view is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId, source, layer, drawn]);

  return (
    <div className="space-y-3" data-testid="feature-maps">
      <div className="flex flex-wrap items-center gap-2 text-[13px] text-slate-700">
        <span className="font-medium">Example:</span>
        {examples.map((e) => (
          <button
            key={e.label}
            type="button"
            data-testid="feature-example"
            onClick={() => setSource(e.label)}
            className={`rounded border p-0.5 ${source === e.label ? 'border-indigo-600 ring-2 ring-indigo-300' : 'border-slate-300'}`}
            title={`A test ${e.label}`}
          >
            <img src={e.png} alt={e.label} width={36} height={36} style={{ imageRendering: 'pixelated' }} />
          </button>
        ))}
        {drawn && (
          <button
            type="button"
            onClick={() => setSource('drawn')}
            className={`rounded border px-2 py-1 ${source === 'drawn' ? 'border-indigo-600 ring-2 ring-indigo-300' : 'border-slate-300'}`}
          >
            your drawing
          </button>
        )}
        {maps && (
          <label className="ml-4 flex items-center gap-1.5">
            <span className="font-medium">Layer:</span>
            <select
              data-testid="feature-layer"
              className="rounded border border-slate-300 px-1.5 py-0.5"
              value={maps.layer}
              onChange={(e) => setLayer(e.target.value)}
            >
              {maps.layers.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      {error && <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900">{error}</p>}
      {maps && (
        <div className="flex flex-wrap items-start gap-3">
          <Card title={`${maps.layer}: ${maps.channels} channels, ${maps.mapSize[0]}×${maps.mapSize[1]} each`} testId="feature-map-grid">
            <img src={maps.maps} alt={`feature maps of ${maps.layer}`} style={{ imageRendering: 'pixelated', width: 560 }} />
            <p className="mt-2 max-w-[620px] text-[12px] text-slate-500">
              Each square is one channel: bright where its filter found its pattern (each scaled to its own range).
            </p>
          </Card>
          {maps.filters && (
            <Card title={`First layer's filters (${maps.layers[0]})`} testId="first-filters">
              <img src={maps.filters} alt="first-layer filters" style={{ imageRendering: 'pixelated', width: 240 }} />
              <p className="mt-2 max-w-[240px] text-[12px] text-slate-500">The weights of each filter as an image: light = positive, dark = negative.</p>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}

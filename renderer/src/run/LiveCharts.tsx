import { useMemo } from 'react';
import { dataSpec } from '../../../app/data/spec';
import { useProjectStore } from '../store/project';
import { useRun } from '../store/run';
import { series, useSeries } from '../store/series';
import { SamplesStrip } from './SamplesStrip';
import { ViewChart } from './ViewChart';
import { batchViews, lossViews, metricViews } from './views';

const GAN_KEYS = ['loss', 'd_loss', 'g_loss'];

/** Which kind of pictures the project's run will send, if any. */
function useExpectedSamples(): 'gan' | 'reconstruction' | 'sequence' | null {
  const mode = useProjectStore((s) => s.doc.training.mode);
  const data = useProjectStore((s) => s.doc.data);
  const task = useMemo(() => dataSpec(data).task, [data]);
  if (mode === 'gan') return 'gan';
  return task === 'reconstruction' || task === 'sequence' ? task : null;
}

/** Loss per batch, losses per epoch, the other metrics per epoch (when there are any), and the samples strip when the run makes pictures. */
export function LiveCharts() {
  const batchKeys = useSeries((s) => s.batchKeys);
  const epochKeys = useSeries((s) => s.epochKeys);
  const anyEpoch = useSeries(() => series.epochs.length > 0);
  const hasPictures = useRun((s) => s.pictures.length > 0);
  const expected = useExpectedSamples();
  // Before a GAN's first numbers arrive, its charts already say what they will show.
  const gan = expected === 'gan';
  const bViews = useMemo(() => batchViews(batchKeys.length || !gan ? batchKeys : GAN_KEYS), [batchKeys, gan]);
  const lViews = useMemo(() => lossViews(epochKeys.length || !gan ? epochKeys : GAN_KEYS), [epochKeys, gan]);
  const mViews = useMemo(() => metricViews(epochKeys), [epochKeys]);

  return (
    <div className="flex min-h-0 flex-1 gap-2.5">
      <ViewChart
        kind="batch"
        views={bViews}
        epochKeys={epochKeys}
        testId="loss-chart"
        suffix="per batch"
        fallbackTitle="Loss per batch"
        empty="Press Train to watch the loss fall, batch by batch."
      />
      <ViewChart
        kind="epoch"
        views={lViews}
        epochKeys={epochKeys}
        testId="epoch-chart"
        suffix="per epoch"
        fallbackTitle="Loss per epoch"
        empty="Training and validation loss after each epoch appear here."
      />
      {(mViews.length > 0 || (!anyEpoch && expected !== 'gan')) && (
        <ViewChart
          kind="epoch"
          views={mViews}
          epochKeys={epochKeys}
          testId="metric-chart"
          suffix="per epoch"
          fallbackTitle="Metrics per epoch"
          empty="Accuracy and the other metrics, train against validation, after each epoch."
        />
      )}
      {(expected !== null || hasPictures) && <SamplesStrip expect={expected ?? 'gan'} />}
    </div>
  );
}

import type { DataPreview } from '../../../../app/protocol/data';
import { ColumnTable } from './ColumnTable';
import { ImageGrid } from './ImageGrid';
import { RowsTable } from './RowsTable';
import { SeriesOptions } from './SeriesOptions';
import { SeriesPlot } from './SeriesPlot';
import { TokenView } from './TokenView';

/** The preview of one kind of data. */
export function PreviewView({ preview }: { preview: DataPreview }) {
  switch (preview.kind) {
    case 'csv':
      return (
        <>
          <ColumnTable preview={preview} />
          <RowsTable
            header={preview.columns.map((c) => c.name)}
            rows={preview.rows}
            lines={preview.lines}
            note={preview.complete ? `${preview.rowsScanned.toLocaleString()} rows` : `first ${preview.rowsScanned.toLocaleString()} rows scanned`}
          />
        </>
      );
    case 'images':
      return <ImageGrid preview={preview} />;
    case 'text':
      return <TokenView preview={preview} />;
    case 'series':
      return (
        <>
          <SeriesOptions columns={preview.columns} />
          <SeriesPlot preview={preview} />
          <RowsTable header={preview.columns} rows={preview.head} note={`${preview.windows.toLocaleString()} windows`} />
        </>
      );
  }
}

import { downloadBytes, type DatasetDownload } from '../../../../app/data/downloads';

/** Before anything is fetched: what will be downloaded, how big it is, and under which license. */
export function DownloadCard({ download }: { readonly download: DatasetDownload }) {
  const mb = Math.round(downloadBytes(download) / 1e6);
  return (
    <div data-testid="download-card" className="space-y-1 rounded-md bg-sky-50 px-3 py-2 text-[12px] text-slate-700 ring-1 ring-sky-200">
      <p>
        <span className="font-medium">{download.label}</span> is downloaded the first time you train ({mb} MB, {download.files.length}{' '}
        {download.files.length === 1 ? 'file' : 'files'}), checked against its published checksum, and kept in your data folder for every project.
      </p>
      <p className="text-slate-600">
        License: {download.license}.{' '}
        <a className="text-sky-700 underline" href={download.homepage} target="_blank" rel="noreferrer noopener">
          About this dataset
        </a>
      </p>
    </div>
  );
}

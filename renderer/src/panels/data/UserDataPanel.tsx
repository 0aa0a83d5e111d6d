import type { UserDatasetId } from '../../../../app/data/source';
import { importDraft } from '../../actions/data';
import { useDataDraft } from '../../store/dataDraft';
import { useProjectStore } from '../../store/project';
import { Button } from '../../ui/Button';
import { ClassBalance } from './ClassBalance';
import { DataProblems } from './DataProblems';
import { DataStatus } from './DataStatus';
import { PathField } from './PathField';
import { PreviewView } from './PreviewView';
import { RelocatePrompt } from './RelocatePrompt';
import { useDraftSync } from './useDraftSync';

/** The user's own data: where it is, what it looks like, what is wrong with it, and the import. */
export function UserDataPanel({ kind }: { kind: UserDatasetId }) {
  useDraftSync();
  const reply = useDataDraft((s) => s.reply);
  const path = useDataDraft((s) => s.source.path);
  return (
    <div className="space-y-3">
      <PathField kind={kind} />
      <DataStatus />
      {reply?.status.state === 'gone' && <RelocatePrompt kind={kind} message={reply.status.message} />}
      {path.trim() !== '' && reply && (
        <div data-testid="data-preview" data-kind={reply.preview?.kind ?? 'none'} className="space-y-3">
          {reply.preview && <PreviewView preview={reply.preview} />}
          {reply.classBalance.length > 0 && <ClassBalance counts={reply.classBalance} />}
          <DataProblems problems={reply.problems} more={reply.moreProblems} suggestions={reply.suggestions} />
        </div>
      )}
      <ImportBar />
    </div>
  );
}

function ImportBar() {
  const { reply, inspecting, importing, importError, message, source } = useDataDraft();
  const imported = useProjectStore((s) => s.doc.data.fingerprint !== undefined && JSON.stringify(s.doc.data.source) === JSON.stringify(source));
  const firstError = reply?.problems.find((p) => p.severity === 'error');
  const blocked = !source.path.trim()
    ? 'Choose your data first.'
    : !reply || inspecting
      ? 'Reading the data…'
      : firstError
        ? `Fix the data first: ${problemText(firstError)}`
        : null;
  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-2">
        <Button
          data-testid="data-import-button"
          variant="primary"
          disabled={blocked !== null || importing}
          title={blocked ?? 'Read the whole dataset and store its settings in the project'}
          onClick={() => void importDraft()}
        >
          {importing ? 'Importing…' : imported ? 'Import again' : 'Import'}
        </Button>
        {imported && !importing && <span className="text-[12px] text-emerald-700">✓ Imported</span>}
      </div>
      {blocked && firstError && (
        <p data-testid="data-import-blocked" className="text-[12px] leading-snug text-red-700">
          {blocked}
        </p>
      )}
      {importError && (
        <p
          data-testid="data-import-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-[12.5px] leading-snug text-red-800"
        >
          Import failed: {importError}
        </p>
      )}
      {message && (
        <p data-testid="data-import-message" className="text-[12px] leading-snug text-slate-600">
          {message}
        </p>
      )}
    </div>
  );
}

export const problemText = (p: { file: string; line?: number | undefined; column?: string | undefined; message: string }) => p.message;

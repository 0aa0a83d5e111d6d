import { newProject, openFiles, openProject, saveProject } from '../actions/files';
import { selectCanRedo, selectCanUndo, useProjectStore } from '../store/project';
import { useSession } from '../store/session';
import { isElectron } from '../transport';
import { Button } from '../ui/Button';
import { Logo, NewIcon, OpenIcon, RedoIcon, SaveIcon, UndoIcon } from '../ui/icons';
import { ExportMenu } from './ExportMenu';
import { HostStatus } from './HostStatus';
import { ProjectName } from './ProjectName';
import { LabMenu } from '../labs/LabMenu';
import { TemplateMenu } from './TemplateMenu';
import { ViewControls } from './ViewControls';

import { MOD } from '../ui/platform';

const Divider = () => <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />;

export function Toolbar() {
  const canUndo = useProjectStore(selectCanUndo);
  const canRedo = useProjectStore(selectCanRedo);
  const undoLabel = useProjectStore((s) => s.history.past[s.history.past.length - 1]?.label);
  const redoLabel = useProjectStore((s) => s.history.future[0]?.label);
  const native = useSession((s) => (s.info ? s.info.files === 'native' : isElectron()));

  return (
    <header className="flex h-12 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-3">
      <div className="mr-2 flex items-center gap-2">
        <Logo />
        <span className="text-[15px] font-bold tracking-tight text-slate-900">LayerLab</span>
      </div>
      <Divider />
      <Button
        data-testid="new-button"
        variant="ghost"
        onClick={() => void newProject()}
        title="New empty project (asks first only if there are unsaved changes)"
      >
        <NewIcon />
        New
      </Button>
      <TemplateMenu />
      <LabMenu />
      <Button data-testid="open-button" variant="ghost" onClick={() => void openProject()} title={`Open a project (${MOD}+O)`}>
        <OpenIcon />
        Open
      </Button>
      <Button
        data-testid="save-button"
        variant="ghost"
        onClick={() => void saveProject()}
        title={native ? `Save (${MOD}+S)` : `Save: downloads the project file (${MOD}+S)`}
      >
        <SaveIcon />
        Save
      </Button>
      {native && (
        <Button data-testid="save-as-button" variant="ghost" onClick={() => void saveProject(true)} title={`Save as a new file (${MOD}+Shift+S)`}>
          Save As…
        </Button>
      )}
      <ExportMenu />
      <Divider />
      <Button
        data-testid="undo-button"
        variant="ghost"
        disabled={!canUndo}
        onClick={() => useProjectStore.getState().undo()}
        title={`Undo${undoLabel ? ` ${undoLabel}` : ''} (${MOD}+Z)`}
        aria-label="Undo"
      >
        <UndoIcon />
      </Button>
      <Button
        data-testid="redo-button"
        variant="ghost"
        disabled={!canRedo}
        onClick={() => useProjectStore.getState().redo()}
        title={`Redo${redoLabel ? ` ${redoLabel}` : ''} (${MOD}+Shift+Z)`}
        aria-label="Redo"
      >
        <RedoIcon />
      </Button>
      <Divider />
      <ViewControls />
      <Divider />
      <ProjectName />
      <div className="flex-1" />
      <HostStatus />
      <input
        type="file"
        hidden
        multiple
        accept=".json,.layerlab.json,.keras,.bin"
        data-testid="open-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void openFiles(files);
        }}
      />
    </header>
  );
}

import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { CollapsedPanel } from './layout/CollapsedPanel';
import { ConnectionBanner } from './layout/ConnectionBanner';
import { DockSplitter, useDockHeight } from './layout/DockSplitter';
import { Sidebar } from './layout/Sidebar';
import { useBeforeUnload } from './layout/useBeforeUnload';
import { Shortcuts } from './layout/Shortcuts';
import { useTitle } from './layout/useTitle';
import { Palette } from './palette/Palette';
import { RunDock } from './run/RunDock';
import { useView } from './store/view';
import { Toolbar } from './toolbar/Toolbar';
import { ChevronIcon } from './ui/viewIcons';

/** A minimised dock keeps its first row (controls, status, progress, metrics) and its charts mounted. */
const DOCK_MINIMISED = 44;

/** Toolbar on top; palette, canvas and the properties sidebar; the run dock across the bottom. */
export function App() {
  useTitle();
  useBeforeUnload();
  const [dockHeight, setDockHeight] = useDockHeight();
  const { paletteOpen, sidebarOpen, dockMinimised, set } = useView();
  return (
    <ReactFlowProvider>
      <Shortcuts />
      <div className="flex h-screen min-h-[600px] min-w-[1024px] flex-col overflow-hidden bg-white text-slate-800">
        <Toolbar />
        <ConnectionBanner />
        <div className="flex min-h-0 flex-1">
          {paletteOpen ? (
            <div className="w-56 shrink-0 border-r border-slate-200 bg-slate-50/60">
              <Palette />
            </div>
          ) : (
            <CollapsedPanel side="left" label="Layers" testId="show-palette" onOpen={() => set({ paletteOpen: true })} />
          )}
          <main className="min-w-0 flex-1">
            <Canvas />
          </main>
          {sidebarOpen ? (
            <div className="w-[360px] shrink-0 border-l border-slate-200">
              <Sidebar />
            </div>
          ) : (
            <CollapsedPanel side="right" label="Properties" testId="show-sidebar" onOpen={() => set({ sidebarOpen: true })} />
          )}
        </div>
        {!dockMinimised && <DockSplitter height={dockHeight} onResize={setDockHeight} />}
        <div
          className={`relative shrink-0 ${dockMinimised ? 'border-t border-slate-200' : ''}`}
          style={{ height: dockMinimised ? DOCK_MINIMISED : dockHeight }}
        >
          <div className="h-full overflow-hidden">
            <RunDock />
          </div>
          <button
            type="button"
            data-testid="dock-toggle"
            aria-expanded={!dockMinimised}
            title={dockMinimised ? 'Show the training charts' : 'Minimise the training panel to one line'}
            onClick={() => set({ dockMinimised: !dockMinimised })}
            className="absolute -top-2.5 left-1/2 z-20 -translate-x-1/2 rounded-full border border-slate-200 bg-white px-2 text-slate-500 shadow-xs hover:bg-slate-100 hover:text-slate-800"
          >
            <ChevronIcon dir={dockMinimised ? 'up' : 'down'} />
          </button>
        </div>
      </div>
    </ReactFlowProvider>
  );
}

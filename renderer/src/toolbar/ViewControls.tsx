import { layoutProject } from '../actions/layout';
import { useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { Button } from '../ui/Button';
import { ThemeButton } from './ThemeButton';
import { LayoutIcon, MinimapIcon, PanelLeftIcon, PanelRightIcon } from '../ui/viewIcons';

const pressed = (on: boolean) => (on ? 'bg-slate-100 text-slate-900' : '');

/** Layout of the graph, and how much room the canvas gets: side panels and the minimap. */
export function ViewControls() {
  const { direction, paletteOpen, sidebarOpen, minimap, set } = useView();
  const several = useProjectStore((s) => s.selection.nodes.length > 1);
  const empty = useProjectStore((s) => s.doc.graph.nodes.length === 0);
  const other = direction === 'TB' ? 'LR' : 'TB';
  return (
    <div className="flex items-center gap-0.5">
      <Button
        data-testid="layout-button"
        variant="ghost"
        disabled={empty}
        onClick={() => void layoutProject()}
        title={`Lay out ${several ? 'the selected layers' : 'the whole graph'} ${direction === 'TB' ? 'top to bottom' : 'left to right'} (L)`}
      >
        <LayoutIcon direction={direction} />
        Layout
      </Button>
      <Button
        data-testid="layout-direction"
        variant="ghost"
        disabled={empty}
        onClick={() => void layoutProject(other)}
        title={`Lay the graph out ${other === 'TB' ? 'top to bottom' : 'left to right'} instead (Shift+L)`}
        aria-label={other === 'TB' ? 'Lay out top to bottom' : 'Lay out left to right'}
      >
        <LayoutIcon direction={other} />
      </Button>
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
      <Button
        data-testid="toggle-palette"
        variant="ghost"
        className={pressed(paletteOpen)}
        aria-pressed={paletteOpen}
        onClick={() => set({ paletteOpen: !paletteOpen })}
        title={`${paletteOpen ? 'Hide' : 'Show'} the layer palette ([)`}
        aria-label="Layer palette"
      >
        <PanelLeftIcon />
      </Button>
      <Button
        data-testid="toggle-sidebar"
        variant="ghost"
        className={pressed(sidebarOpen)}
        aria-pressed={sidebarOpen}
        onClick={() => set({ sidebarOpen: !sidebarOpen })}
        title={`${sidebarOpen ? 'Hide' : 'Show'} the properties panel (])`}
        aria-label="Properties panel"
      >
        <PanelRightIcon />
      </Button>
      <Button
        data-testid="toggle-minimap"
        variant="ghost"
        className={pressed(minimap)}
        aria-pressed={minimap}
        onClick={() => set({ minimap: !minimap })}
        title={`${minimap ? 'Hide' : 'Show'} the minimap (M)`}
        aria-label="Minimap"
      >
        <MinimapIcon />
      </Button>
      <ThemeButton />
      <Button
        data-testid="engines-button"
        variant="ghost"
        onClick={() => useView.getState().setOverlay('engines')}
        title="Help: Compute engines — which engines work on this machine, and why not"
        aria-label="Compute engines"
      >
        <span className="text-[11px] font-semibold">GPU</span>
      </Button>
      <Button
        data-testid="shortcuts-button"
        variant="ghost"
        onClick={() => useView.getState().setOverlay('shortcuts')}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        <span className="text-[14px] font-semibold">?</span>
      </Button>
    </div>
  );
}

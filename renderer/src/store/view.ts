import { create } from 'zustand';
import type { LayoutDirection } from '../../../app/layout/auto-layout';

/** How this person likes the editor laid out. Remembered per browser, never part of a document. */
export interface ViewPrefs {
  readonly direction: LayoutDirection;
  readonly paletteOpen: boolean;
  readonly sidebarOpen: boolean;
  readonly minimap: boolean;
  readonly dockMinimised: boolean;
}

export type Overlay = 'quickAdd' | 'shortcuts' | 'engines' | null;

export interface ViewState extends ViewPrefs {
  /** Bumped to ask the canvas to fit the view (after a layout); not remembered. */
  readonly fitRequest: number;
  /** The one floating box open over the editor, if any; not remembered. */
  readonly overlay: Overlay;
  readonly setOverlay: (overlay: Overlay) => void;
  readonly set: (patch: Partial<ViewPrefs>) => void;
  readonly requestFit: () => void;
}

const KEY = 'layerlab.view';
const DEFAULTS: ViewPrefs = { direction: 'TB', paletteOpen: true, sidebarOpen: true, minimap: true, dockMinimised: false };

/** Stored preferences are read field by field: a hand-edited or older entry never breaks the editor. */
function load(): ViewPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const bool = (k: keyof ViewPrefs) => (typeof r[k] === 'boolean' ? r[k] : (DEFAULTS[k] as boolean));
  return {
    direction: r.direction === 'LR' ? 'LR' : 'TB',
    paletteOpen: bool('paletteOpen'),
    sidebarOpen: bool('sidebarOpen'),
    minimap: bool('minimap'),
    dockMinimised: bool('dockMinimised'),
  };
}

export const useView = create<ViewState>()((set, get) => ({
  ...load(),
  fitRequest: 0,
  overlay: null,
  setOverlay(overlay) {
    set({ overlay });
  },
  requestFit() {
    set({ fitRequest: get().fitRequest + 1 });
  },
  set(patch) {
    set(patch);
    const { direction, paletteOpen, sidebarOpen, minimap, dockMinimised } = get();
    try {
      localStorage.setItem(KEY, JSON.stringify({ direction, paletteOpen, sidebarOpen, minimap, dockMinimised }));
    } catch {
      // Storage may be unavailable (private window); the preference lasts for this session.
    }
  },
}));

import { create } from 'zustand';
import { BACKEND_NAMES, type BackendName } from '../../../app/protocol/backend';

/** Which compute engine runs start on: the best this machine has, or one the user picked. */
export type EngineChoice = BackendName | 'auto';

const KEY = 'layerlab.engine';

function stored(): EngineChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value && (BACKEND_NAMES as readonly string[]).includes(value) ? (value as BackendName) : 'auto';
  } catch {
    return 'auto';
  }
}

/** A preference of this machine, not of the project: a document opened elsewhere trains on what is best there. */
export const useEngine = create<{ readonly choice: EngineChoice; choose(choice: EngineChoice): void }>()((set) => ({
  choice: stored(),
  choose(choice) {
    try {
      if (choice === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Storage can be unavailable (private windows); the choice still holds for this session.
    }
    set({ choice });
  },
}));

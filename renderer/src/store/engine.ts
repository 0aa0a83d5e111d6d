import { create } from 'zustand';
import { BACKEND_NAMES, pythonPathSchema, type BackendName } from '../../../app/protocol/backend';
import type { EngineReport } from '../../../app/protocol/engines';
import { transport } from '../transport';

/**
 * Which compute engine runs start on: the best this machine has, or one the user picked. `browser` is
 * WebGPU in this browser tab (the web host), not on the machine the host runs on.
 */
export type EngineChoice = BackendName | 'auto' | 'browser';

const KEY = 'layerlab.engine';
const PYTHON_KEY = 'layerlab.python';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage can be unavailable (private windows); the choice still holds for this session.
  }
}

function stored(): EngineChoice {
  const value = read(KEY);
  if (value === 'browser') return 'browser';
  return value && (BACKEND_NAMES as readonly string[]).includes(value) ? (value as BackendName) : 'auto';
}

function storedPython(): string {
  const value = read(PYTHON_KEY) ?? '';
  return pythonPathSchema.safeParse(value).success ? value : '';
}

interface EngineState {
  readonly choice: EngineChoice;
  /** The Python interpreter for PyTorch; empty: python3, then /usr/bin/python3. */
  readonly python: string;
  /** The host's compute-engine report (Help → Compute engines; PyTorch in the menu), once asked for. */
  readonly report: EngineReport | null;
  readonly checking: boolean;
  readonly reportError: string | null;
  choose(choice: EngineChoice): void;
  /** Sets the interpreter; returns why it is refused, or null. */
  setPython(python: string): string | null;
  check(refresh?: boolean): Promise<EngineReport | null>;
}

/** A preference of this machine, not of the project: a document opened elsewhere trains on what is best there. */
export const useEngine = create<EngineState>()((set, get) => ({
  choice: stored(),
  python: storedPython(),
  report: null,
  checking: false,
  reportError: null,
  choose(choice) {
    write(KEY, choice === 'auto' ? null : choice);
    set({ choice });
  },
  setPython(python) {
    const value = python.trim();
    if (value !== '') {
      const parsed = pythonPathSchema.safeParse(value);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a Python interpreter';
    }
    write(PYTHON_KEY, value === '' ? null : value);
    set({ python: value });
    void get().check(true);
    return null;
  },
  async check(refresh = false) {
    if (get().checking) return get().report;
    set({ checking: true, reportError: null });
    try {
      const { python } = get();
      const report = await transport().request('engines.report', { ...(python ? { python } : {}), ...(refresh ? { refresh: true } : {}) });
      set({ report, checking: false });
      return report;
    } catch (e) {
      set({ checking: false, reportError: e instanceof Error ? e.message : String(e) });
      return null;
    }
  },
}));

import { create } from 'zustand';

/** What the person chose; `system` follows the operating system's light or dark setting. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const KEY = 'layerlab.theme';

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

const query = (): MediaQueryList | null => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  switch (choice) {
    case 'light':
    case 'dark':
      return choice;
    case 'system':
      return systemDark ? 'dark' : 'light';
  }
}

/** The palette remap in theme.css keys off this class on <html>. */
function apply(theme: Theme): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  readonly choice: ThemeChoice;
  readonly theme: Theme;
  readonly choose: (choice: ThemeChoice) => void;
}

/** A preference of this machine, like the engine choice: a project opened elsewhere keeps that machine's theme. */
export const useTheme = create<ThemeState>()((set, get) => {
  const choice = stored();
  const mq = query();
  const theme = resolveTheme(choice, mq?.matches ?? false);
  apply(theme);
  mq?.addEventListener('change', (e) => {
    const next = resolveTheme(get().choice, e.matches);
    apply(next);
    set({ theme: next });
  });
  return {
    choice,
    theme,
    choose(next) {
      try {
        if (next === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // Storage can be unavailable (private windows); the choice still holds for this session.
      }
      const resolved = resolveTheme(next, query()?.matches ?? false);
      apply(resolved);
      set({ choice: next, theme: resolved });
    },
  };
});

/** The choice after `choice`: system → light → dark → system. */
export const nextTheme = (choice: ThemeChoice): ThemeChoice => THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length]!;

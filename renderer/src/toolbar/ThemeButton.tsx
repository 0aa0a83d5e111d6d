import { nextTheme, useTheme, type ThemeChoice } from '../store/theme';
import { Button } from '../ui/Button';
import { ThemeIcon } from '../ui/viewIcons';

const NAME: Record<ThemeChoice, string> = { system: 'as the system', light: 'light', dark: 'dark' };

/** One press steps through system → light → dark; the title says what is on and what comes next. */
export function ThemeButton() {
  const { choice, theme, choose } = useTheme();
  const next = nextTheme(choice);
  const now = choice === 'system' ? `as the system (${theme})` : NAME[choice];
  return (
    <Button
      data-testid="theme-button"
      data-theme-choice={choice}
      variant="ghost"
      onClick={() => choose(next)}
      title={`Theme: ${now}. Press for ${NAME[next]} (Shift+T)`}
      aria-label={`Theme: ${now}`}
    >
      <ThemeIcon choice={choice} />
    </Button>
  );
}

import { describe, expect, it } from 'vitest';
import { nextTheme, resolveTheme } from '../../renderer/src/store/theme';
import { forTheme } from '../../renderer/src/ui/ink';

describe('theme', () => {
  it('follows the system until a theme is chosen', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('steps system → light → dark → system', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
  });

  it('lifts data colours on a dark ground and leaves them alone on a light one', () => {
    expect(forTheme('#4f46e5', 'light')).toBe('#4f46e5');
    // indigo-600 moves 35% of the way to white: every channel brighter, the hue kept.
    expect(forTheme('#4f46e5', 'dark')).toBe('rgb(141,135,238)');
    expect(forTheme('rgba(5,150,105,0.4)', 'dark')).toBe('rgba(93,187,158,0.4)');
    expect(forTheme('currentColor', 'dark')).toBe('currentColor');
  });
});

import { describe, expect, it } from 'vitest';
import { formatClock, formatElapsed, formatLr, formatRate, formatSeconds } from '../../renderer/src/run/format';

describe('the run dock’s readings', () => {
  it('shows a stopwatch while training and the tenths of a run that ended within ten seconds', () => {
    expect(formatElapsed(0.12, false)).toBe('0:00');
    expect(formatElapsed(0.12, true)).toBe('0.1 s');
    expect(formatElapsed(9.94, true)).toBe('9.9 s');
    expect(formatElapsed(10, true)).toBe('0:10');
    expect(formatElapsed(3723, true)).toBe('1:02:03');
  });

  it('writes clocks, durations, rates and learning rates as people read them', () => {
    expect(formatClock(7)).toBe('0:07');
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(-3)).toBe('0:00');
    expect(formatSeconds(59.94)).toBe('59.9 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(7260)).toBe('2 h 1 min');
    expect(formatRate(12.34)).toBe('12.3');
    expect(formatRate(4567.8)).toBe('4,568');
    expect(formatRate(21_300)).toBe('21.3k');
    expect(formatLr(0.02)).toBe('0.02');
    expect(formatLr(0.00125)).toBe('0.00125');
    expect(formatLr(3.2e-6)).toBe('3.2e-6');
    expect(formatLr(0)).toBe('0');
  });
});

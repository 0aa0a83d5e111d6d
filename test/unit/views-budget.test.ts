import { describe, expect, it } from 'vitest';
import { VIEW_SHARE, ViewBudget } from '../../main/engine/views/budget';

describe('live view budget', () => {
  it('waits until a view’s last cost is at most its share of the time between two', () => {
    let clock = 0;
    const budget = new ViewBudget(() => clock);
    expect(budget.due()).toBe(true);
    // A view that takes 10 ms may run again 10 / VIEW_SHARE ms after it finished.
    budget.spend(() => (clock += 10));
    const wait = 10 / VIEW_SHARE;
    clock += wait - 1;
    expect(budget.due()).toBe(false);
    clock += 1;
    expect(budget.due()).toBe(true);
    // A cheap view keeps to its minimum interval.
    budget.spend(() => undefined);
    clock += 150;
    expect(budget.due(200)).toBe(false);
    clock += 50;
    expect(budget.due(200)).toBe(true);
  });

  it('counts a view that threw, so a failing view cannot run every batch', () => {
    let clock = 0;
    const budget = new ViewBudget(() => clock);
    expect(() =>
      budget.spend(() => {
        clock += 4;
        throw new Error('no');
      }),
    ).toThrow('no');
    clock += 100;
    expect(budget.due()).toBe(false);
  });
});

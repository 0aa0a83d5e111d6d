import { describe, expect, it } from 'vitest';
import { VIEW_MAX_WAIT_MS, VIEW_SHARE, ViewBudget } from '../../main/engine/views/budget';

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

  it('never holds a view still longer than its longest wait after one slow computation', () => {
    let clock = 0;
    const budget = new ViewBudget(() => clock);
    // A first draw that warms the kernels on a busy machine: 300 ms would otherwise mean 30 s of nothing.
    budget.spend(() => (clock += 300));
    clock += VIEW_MAX_WAIT_MS - 1;
    expect(budget.due(200)).toBe(false);
    clock += 1;
    expect(budget.due(200)).toBe(true);
    // The next, cheap draw brings the view back to its minimum interval.
    budget.spend(() => (clock += 1));
    clock += 200;
    expect(budget.due(200)).toBe(true);
  });
});

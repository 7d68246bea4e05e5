import { describe, expect, it } from 'vitest';
import { brushKeyAction, describeBrush } from '../../../src/app/trends/brushKeys.ts';

describe('brushKeyAction', () => {
  // 10 bins, the axis showing bins 2..9.
  const act = (key: string, range: [number, number] | null, shiftKey = false) => brushKeyAction({ key, shiftKey }, range, 2, 10);

  it('moves the window by one period and stops at the ends of the shown axis', () => {
    expect(act('ArrowRight', [3, 5])).toEqual([4, 6]);
    expect(act('ArrowLeft', [3, 5])).toEqual([2, 4]);
    expect(act('ArrowLeft', [2, 4])).toEqual([2, 4]);
    expect(act('ArrowRight', [7, 9])).toEqual([7, 9]);
  });

  it('grows and shrinks the window at its end with shift, never below one period', () => {
    expect(act('ArrowRight', [3, 5], true)).toEqual([3, 6]);
    expect(act('ArrowLeft', [3, 5], true)).toEqual([3, 4]);
    expect(act('ArrowLeft', [3, 3], true)).toEqual([3, 3]);
    expect(act('ArrowRight', [3, 9], true)).toEqual([3, 9]);
  });

  it('jumps to the start or end keeping the width', () => {
    expect(act('Home', [5, 7])).toEqual([2, 4]);
    expect(act('End', [3, 5])).toEqual([7, 9]);
  });

  it('starts a one-period window when nothing is brushed', () => {
    expect(act('ArrowRight', null)).toEqual([2, 2]);
    expect(act('Home', null)).toEqual([2, 2]);
    expect(act('ArrowLeft', null)).toEqual([9, 9]);
    expect(act('End', null)).toEqual([9, 9]);
  });

  it('clears with Escape only when something is brushed, and ignores other keys', () => {
    expect(act('Escape', [3, 4])).toBe('clear');
    expect(act('Escape', null)).toBeNull();
    expect(act('Tab', [3, 4])).toBeNull();
    expect(act('ArrowUp', [3, 4])).toBeNull();
    expect(brushKeyAction({ key: 'ArrowRight', ctrlKey: true }, [3, 4], 0, 10)).toBeNull();
    expect(brushKeyAction({ key: 'ArrowRight' }, null, 0, 0)).toBeNull();
  });

  it('pulls a window from before the shown axis onto it', () => {
    expect(act('ArrowRight', [0, 1])).toEqual([3, 3]);
  });
});

describe('describeBrush', () => {
  const labels = ['2023 Q1', '2023 Q2', '2023 Q3'];
  it('names the window and its length', () => {
    expect(describeBrush([0, 2], labels, 'quarter')).toBe('2023 Q1 – 2023 Q3 (3 quarters)');
    expect(describeBrush([1, 1], labels, 'quarter')).toBe('2023 Q2 (1 quarter)');
    expect(describeBrush(null, labels, 'quarter')).toBe('No period selected: papers of every quarter');
  });
});

import { describe, expect, it } from 'vitest';
import { mapKeyAction, matchOrder, stepIn, PAN_STEP, PAN_STEP_LARGE, ZOOM_STEP } from '../../../src/app/map/keyboard.ts';

describe('mapKeyAction', () => {
  it('pans with the arrows, further with shift', () => {
    expect(mapKeyAction({ key: 'ArrowLeft' })).toEqual({ kind: 'pan', dx: -PAN_STEP, dy: 0 });
    expect(mapKeyAction({ key: 'ArrowRight' })).toEqual({ kind: 'pan', dx: PAN_STEP, dy: 0 });
    expect(mapKeyAction({ key: 'ArrowUp' })).toEqual({ kind: 'pan', dx: 0, dy: -PAN_STEP });
    expect(mapKeyAction({ key: 'ArrowDown', shiftKey: true })).toEqual({ kind: 'pan', dx: 0, dy: PAN_STEP_LARGE });
  });

  it('zooms in with + and = (the unshifted key), out with - and _, resets with 0', () => {
    expect(mapKeyAction({ key: '+', shiftKey: true })).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    expect(mapKeyAction({ key: '=' })).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    expect(mapKeyAction({ key: '-' })).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
    expect(mapKeyAction({ key: '_', shiftKey: true })).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
    expect(mapKeyAction({ key: '0' })).toEqual({ kind: 'reset' });
  });

  it('opens with Enter or space, steps with n / p (shift+n backwards), clears with Escape', () => {
    expect(mapKeyAction({ key: 'Enter' })).toEqual({ kind: 'open' });
    expect(mapKeyAction({ key: ' ' })).toEqual({ kind: 'open' });
    expect(mapKeyAction({ key: 'n' })).toEqual({ kind: 'step', by: 1 });
    expect(mapKeyAction({ key: 'N', shiftKey: true })).toEqual({ kind: 'step', by: -1 });
    expect(mapKeyAction({ key: 'p' })).toEqual({ kind: 'step', by: -1 });
    expect(mapKeyAction({ key: 'Escape' })).toEqual({ kind: 'clear' });
  });

  it('lets Tab, other keys and browser shortcuts through', () => {
    expect(mapKeyAction({ key: 'Tab' })).toBeNull();
    expect(mapKeyAction({ key: 'x' })).toBeNull();
    expect(mapKeyAction({ key: '+', ctrlKey: true })).toBeNull();
    expect(mapKeyAction({ key: '0', metaKey: true })).toBeNull();
    expect(mapKeyAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
  });
});

describe('matchOrder', () => {
  it('keeps passing papers, grouped by cluster, left to right within one', () => {
    const cluster = [1, 0, 1, 0, 1];
    const x = [5, 3, 2, 1, 9];
    expect(matchOrder(5, () => true, cluster, x)).toEqual([3, 1, 2, 0, 4]);
    expect(matchOrder(5, (i) => i !== 2, cluster, x)).toEqual([3, 1, 0, 4]);
    expect(matchOrder(5, () => false, cluster, x)).toEqual([]);
  });
});

describe('stepIn', () => {
  it('starts at either end, wraps, and restarts from a paper not in the order', () => {
    const order = [7, 3, 9];
    expect(stepIn(order, null, 1)).toBe(0);
    expect(stepIn(order, null, -1)).toBe(2);
    expect(stepIn(order, 3, 1)).toBe(2);
    expect(stepIn(order, 9, 1)).toBe(0);
    expect(stepIn(order, 7, -1)).toBe(2);
    expect(stepIn(order, 42, 1)).toBe(0);
    expect(stepIn([], null, 1)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  clampTrendsHeight, loadTrendsHeight, maxTrendsHeight, saveTrendsHeight, splitterKey,
  DEFAULT_TRENDS_HEIGHT, KEY_STEP, KEY_STEP_LARGE, MIN_TRENDS_HEIGHT,
} from '../../../src/app/layout/panelSize.ts';

describe('trends panel height', () => {
  it('clamps between the minimum and what leaves the map 200 px', () => {
    expect(maxTrendsHeight(700)).toBe(500);
    expect(maxTrendsHeight(250)).toBe(MIN_TRENDS_HEIGHT);
    expect(clampTrendsHeight(50, 700)).toBe(MIN_TRENDS_HEIGHT);
    expect(clampTrendsHeight(900, 700)).toBe(500);
    expect(clampTrendsHeight(300.4, 700)).toBe(300);
    expect(clampTrendsHeight(Number.NaN, 700)).toBe(DEFAULT_TRENDS_HEIGHT);
  });

  it('grows with up, shrinks with down (shift: larger steps), Home / End to the limits, Enter back to the default', () => {
    expect(splitterKey({ key: 'ArrowUp' }, 210, 700)).toBe(210 + KEY_STEP);
    expect(splitterKey({ key: 'ArrowDown' }, 210, 700)).toBe(210 - KEY_STEP);
    expect(splitterKey({ key: 'ArrowUp', shiftKey: true }, 210, 700)).toBe(210 + KEY_STEP_LARGE);
    expect(splitterKey({ key: 'ArrowDown' }, MIN_TRENDS_HEIGHT, 700)).toBe(MIN_TRENDS_HEIGHT);
    expect(splitterKey({ key: 'Home' }, 300, 700)).toBe(MIN_TRENDS_HEIGHT);
    expect(splitterKey({ key: 'End' }, 300, 700)).toBe(500);
    expect(splitterKey({ key: 'Enter' }, 400, 700)).toBe(DEFAULT_TRENDS_HEIGHT);
    expect(splitterKey({ key: 'ArrowLeft' }, 300, 700)).toBeNull();
    expect(splitterKey({ key: 'ArrowUp', ctrlKey: true }, 300, 700)).toBeNull();
  });

  it('round-trips through storage and falls back to the default when storage fails or holds junk', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadTrendsHeight(storage)).toBe(DEFAULT_TRENDS_HEIGHT);
    saveTrendsHeight(storage, 333.3);
    expect(loadTrendsHeight(storage)).toBe(333);
    m.set([...m.keys()][0]!, 'abc');
    expect(loadTrendsHeight(storage)).toBe(DEFAULT_TRENDS_HEIGHT);
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(loadTrendsHeight(broken)).toBe(DEFAULT_TRENDS_HEIGHT);
    expect(() => saveTrendsHeight(broken, 300)).not.toThrow();
    expect(loadTrendsHeight(null)).toBe(DEFAULT_TRENDS_HEIGHT);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, parseView, serializeView, type ViewState } from '../../../src/app/lib/urlState.ts';

describe('URL view state', () => {
  it('round-trips every field', () => {
    const v: ViewState = {
      query: '"language model" agents & co',
      level: 'fine',
      selectedClusters: [3, 7],
      selectedPaper: 120,
      zoom: { k: 2.5, x: -40.5, y: 10 },
      timeRange: [4, 9],
      colorBy: 'time',
      density: true,
      renamed: { 'default:3': 'Agents, tools & "planning"' },
    };
    expect(parseView('#' + serializeView(v))).toEqual(v);
  });
  it('serialises the default view to nothing', () => {
    expect(serializeView(EMPTY_VIEW)).toBe('');
    expect(parseView('')).toEqual(EMPTY_VIEW);
  });
  it('ignores malformed parts', () => {
    const v = parseView('c=1,x,2&p=-3&z=0,1,2&t=a-b&lv=huge&rn={bad');
    expect(v.selectedClusters).toEqual([1, 2]);
    expect(v.selectedPaper).toBeNull();
    expect(v.zoom).toBeNull();
    expect(v.timeRange).toBeNull();
    expect(v.level).toBeNull();
    expect(v.renamed).toEqual({});
  });
});

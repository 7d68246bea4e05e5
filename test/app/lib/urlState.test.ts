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
      area: [-1.25, 0.5, 3, 4.125],
      trendMode: 'stacked',
      trendMeasure: 'share',
      clusterSort: 'matches',
      renamed: { 'default:3': 'Agents, tools & "planning"' },
    };
    expect(parseView('#' + serializeView(v))).toEqual(v);
    expect(serializeView(v)).toContain('a=-1.25%2C0.5%2C3%2C4.125&col=time&dens=1&chart=stacked&measure=share&sort=matches');
    expect(parseView('sort=name').clusterSort).toBe('name');
  });
  it('serialises the default view to nothing', () => {
    expect(serializeView(EMPTY_VIEW)).toBe('');
    expect(parseView('')).toEqual(EMPTY_VIEW);
  });
  it('ignores malformed parts', () => {
    const v = parseView('c=1,x,2&p=-3&z=0,1,2&t=a-b&lv=huge&rn={bad&a=1,2,3&chart=pie&measure=x&sort=random');
    expect(v).toMatchObject({ area: null, trendMode: 'lines', trendMeasure: 'count', clusterSort: 'size' });
    expect(parseView('a=1,,2,3').area).toBeNull();
    // Corners in any order, rounded to what the URL keeps.
    expect(parseView('a=3,4,1.123456,2').area).toEqual([1.1235, 2, 3, 4]);
    expect(v.selectedClusters).toEqual([1, 2]);
    expect(v.selectedPaper).toBeNull();
    expect(v.zoom).toBeNull();
    expect(v.timeRange).toBeNull();
    expect(v.level).toBeNull();
    expect(v.renamed).toEqual({});
  });
});

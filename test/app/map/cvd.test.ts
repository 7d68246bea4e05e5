import { describe, expect, it } from 'vitest';
import { deltaE2000, deltaE76, hexToLinear, labAs, linearToLab, linearToSrgb, MACHADO, simulate, srgbToLinear, worstDeltaE, type Lab } from '../../../src/app/map/cvd.ts';

describe('Machado 2009 simulation (severity 1.0)', () => {
  it('sends pure linear primaries to the matrix columns (negatives clipped)', () => {
    expect(simulate([1, 0, 0], 'deuteranopia')).toEqual([0.367322, 0.280085, 0]);
    expect(simulate([0, 1, 0], 'deuteranopia')).toEqual([0.860646, 0.672501, 0.04294]);
    expect(simulate([1, 0, 0], 'protanopia')).toEqual([0.152286, 0.114503, 0]);
    expect(simulate([0, 0, 1], 'protanopia')).toEqual([0, 0.099216, 1]);
    expect(simulate([0, 1, 0], 'tritanopia')).toEqual([0, 0.930809, 0.691367]);
    expect(simulate([0, 0, 1], 'tritanopia')).toEqual([0, 0.147602, 0.3039]);
  });
  it('keeps white and greys (every row sums to 1)', () => {
    for (const m of Object.values(MACHADO)) for (const row of m) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    const grey = simulate([0.5, 0.5, 0.5], 'tritanopia');
    for (const c of grey) expect(c).toBeCloseTo(0.5, 5);
  });
  it('makes red and green alike for deuteranopes, but not blue and yellow', () => {
    expect(worstDeltaE('#d62728', '#2ca02c')).toBeLessThan(worstDeltaE('#1f77b4', '#e0c000'));
    const red = labAs('#ff0000', 'deuteranopia');
    const green = labAs('#00b000', 'deuteranopia');
    expect(deltaE2000(red, green)).toBeLessThan(15);
    expect(deltaE2000(labAs('#ff0000', 'normal'), labAs('#00b000', 'normal'))).toBeGreaterThan(60);
  });
});

describe('CIELAB (D65)', () => {
  it('gives the published values for sRGB red and white', () => {
    const red = linearToLab(hexToLinear('#ff0000'));
    expect(red[0]).toBeCloseTo(53.2408, 2);
    expect(red[1]).toBeCloseTo(80.0925, 2);
    expect(red[2]).toBeCloseTo(67.2032, 2);
    const white = linearToLab([1, 1, 1]);
    expect(white[0]).toBeCloseTo(100, 3);
    expect(white[1]).toBeCloseTo(0, 3);
    expect(white[2]).toBeCloseTo(0, 3);
  });
  it('round-trips the sRGB transfer curve', () => {
    for (const v of [0, 0.002, 0.04045, 0.2, 0.73, 1]) expect(linearToSrgb(srgbToLinear(v))).toBeCloseTo(v, 6);
  });
});

describe('colour difference', () => {
  // Sharma, Wu & Dalal (2005), Table 1: the conformance data for CIEDE2000.
  const SHARMA: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[50, -0.001, 2.49], [50, 0.0011, -2.49], 4.7461],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  it.each(SHARMA)('CIEDE2000 %j vs %j = %f (Sharma 2005)', (p, q, want) => {
    expect(deltaE2000(p, q)).toBeCloseTo(want, 4);
    expect(deltaE2000(q, p)).toBeCloseTo(want, 4);
  });
  it('CIE76 is the Euclidean distance', () => {
    expect(deltaE76([50, 3, 4], [50, 0, 0])).toBe(5);
    expect(deltaE2000([40, 10, 10], [40, 10, 10])).toBe(0);
  });
});

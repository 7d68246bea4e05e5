import { describe, expect, it } from 'vitest';
import { dateFromArxivId, dayAndPrecision, normalizeDate } from '../../../src/pipeline/ingest/dates.ts';
import { repairFloatArxivId } from '../../../src/pipeline/ingest/ids.ts';

describe('normalizeDate', () => {
  it.each([
    ['2007', '2007'],
    ['2007-04', '2007-04'],
    ['2007-4', '2007-04'],
    ['2007-04-02', '2007-04-02'],
    ['  2007-04-02  ', '2007-04-02'],
    ['2007/04/02', '2007-04-02'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    // time zones never shift the calendar day as written
    ['2020-01-01T23:30:00-05:00', '2020-01-01'],
    ['2020-01-01T00:30:00+09:00', '2020-01-01'],
    ['2020-01-01T23:59:59.999Z', '2020-01-01'],
    ['2020-01-01 12:00:00', '2020-01-01'],
    ['2020-01-01T12:00', '2020-01-01'],
    // RFC 2822
    ['Mon, 2 Apr 2007 19:18:42 GMT', '2007-04-02'],
    ['Tue, 31 Dec 2019 23:59:59 +1400', '2019-12-31'],
    ['2 Apr 2007', '2007-04-02'],
    ['02 april 2007', '2007-04-02'],
    // M/D/YYYY
    ['4/2/2007', '2007-04-02'],
    ['12/31/1999', '1999-12-31'],
    ['04/02/2007', '2007-04-02'],
    [2007, '2007'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeDate(raw)).toBe(expected);
  });

  it.each([null, undefined, '', '   '])('%j is absent (null)', (raw) => {
    expect(normalizeDate(raw)).toBeNull();
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-13',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '13/1/2020',
    '2/30/2020',
    'Mon, 32 Jan 2020 10:00:00 GMT',
    'Mon, 2 Foo 2007',
    '2020-01-01T25:00:00Z',
    'yesterday',
    'n/a',
    '20200101',
    '2020-01-01 garbage',
    '07-04-02',
    2007.5,
    true,
    {},
    [],
  ])('%j is unparseable (undefined)', (raw) => {
    expect(normalizeDate(raw)).toBeUndefined();
  });
});

describe('dateFromArxivId', () => {
  it.each([
    ['2310.04965', '2023-10'],
    ['0704.0001', '2007-04'],
    ['2310.04965v2', '2023-10'],
    ['arXiv:1501.00001', '2015-01'],
    ['quant-ph/9501001', '1995-01'],
    ['hep-th/9711200', '1997-11'],
    ['math.AG/0601001', '2006-01'],
    ['cs/0112017v1', '2001-12'],
  ])('%s → %s', (id, expected) => {
    expect(dateFromArxivId(id)).toBe(expected);
  });

  it.each(['row-5', '2313.00001', '0613.1234', '0501.1234', '704.0001', 'abc', ''])('%j is not an arXiv id', (id) => {
    expect(dateFromArxivId(id)).toBeNull();
  });
});

describe('dayAndPrecision', () => {
  it('counts days from 1970-01-01 UTC at the first day covered', () => {
    expect(dayAndPrecision('1970-01-01')).toEqual({ day: 0, precision: 3 });
    expect(dayAndPrecision('1970-01-02')).toEqual({ day: 1, precision: 3 });
    expect(dayAndPrecision('1969-12-31')).toEqual({ day: -1, precision: 3 });
    expect(dayAndPrecision('2000-03-01')).toEqual({ day: 11017, precision: 3 });
    expect(dayAndPrecision('2007-04')).toEqual({ day: 13604, precision: 2 });
    expect(dayAndPrecision('2007-04-02')).toEqual({ day: 13605, precision: 3 });
    expect(dayAndPrecision('2024')).toEqual({ day: 19723, precision: 1 });
    expect(dayAndPrecision(null)).toEqual({ day: 0, precision: 0 });
  });

  it('throws on a string that is not a normalised date', () => {
    expect(() => dayAndPrecision('4/2/2007')).toThrow('not a normalised date');
  });
});

describe('repairFloatArxivId', () => {
  it.each([
    ['704.0001', '0704.0001'],
    ['704.001', '0704.0010'],
    ['704.01', '0704.0100'],
    ['704.2', '0704.2000'],
    ['1412.9999', '1412.9999'],
    ['1501.1', '1501.10000'],
    ['2310.0496', '2310.04960'],
    ['2310.04965', '2310.04965'],
    ['0704.0001', '0704.0001'],
  ])('%s → %s', (raw, expected) => {
    expect(repairFloatArxivId(raw)).toBe(expected);
  });

  it.each(['123.4', '3.14', '713.1', '2310.123456', 'hep-th/9711200', 'row-3', '42'])('%s is left alone', (raw) => {
    expect(repairFloatArxivId(raw)).toBe(raw);
  });
});

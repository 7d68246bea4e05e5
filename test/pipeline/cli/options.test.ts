/** Options are typed by people: anything but plain decimal digits for an integer is a mistake to name. */
import { describe, expect, it } from 'vitest';
import { parseOptions, type PipelineOptions } from '../../../src/pipeline/cli/options.ts';

const parse = (...args: string[]) => parseOptions(['--input', 'x.jsonl', ...args]) as PipelineOptions;

describe('parseOptions: numbers', () => {
  it('reads plain integers and decimals', () => {
    const o = parse('--k', '16', '--seed', '4294967295', '--min-dist', '0.25', '--min-df', '.01', '--epochs', '300');
    expect([o.k, o.seed, o.minDist, o.minDf, o.epochs]).toEqual([16, 4294967295, 0.25, 0.01, 300]);
    expect(parse('--k', 'auto').k).toBe('auto');
  });

  const refused: Array<[string[], string]> = [
    [['--k', '0x10'], '--k 0x10: expected an integer in 2..65535 or auto'],
    [['--k', '1e1'], '--k 1e1: expected an integer in 2..65535 or auto'],
    [['--k', '70000'], '--k 70000: expected an integer in 2..65535 or auto'],
    [['--seed', '1e20'], '--seed 1e20: expected an integer in 0..4294967295'],
    [['--seed', '4294967296'], '--seed 4294967296: expected an integer in 0..4294967295'],
    [['--seed=-1'], '--seed -1: expected an integer in 0..4294967295'],
    [['--epochs', '1.5'], '--epochs 1.5: expected an integer ≥ 1'],
    [['--epochs', ' 3'], '--epochs  3: expected an integer ≥ 1'],
    [['--restarts', ''], '--restarts : expected an integer ≥ 1'],
    [['--min-dist', '0x1'], '--min-dist 0x1: expected a number in [0, 1]'],
    [['--max-df', 'Infinity'], '--max-df Infinity: expected a fraction in (0, 1]'],
  ];
  for (const [args, message] of refused) {
    it(`refuses ${args.join(' ')}`, () => expect(() => parse(...args)).toThrow(message));
  }
});

describe('parseOptions: user vectors', () => {
  it('reads --vectors and --vectors-field', () => {
    expect([parse('--vectors', 'v.npy').vectors, parse('--vectors', 'v.npy').vectorsField]).toEqual(['v.npy', null]);
    expect([parse('--vectors-field', 'embedding').vectors, parse('--vectors-field', 'embedding').vectorsField]).toEqual([null, 'embedding']);
    expect([parse().vectors, parse().vectorsField]).toEqual([null, null]);
  });

  it('refuses both at once, either with --update, and an empty field name', () => {
    expect(() => parse('--vectors', 'v.npy', '--vectors-field', 'e')).toThrow('--vectors and --vectors-field: give one (a vectors file, or a field of the input)');
    expect(() => parse('--vectors', 'v.npy', '--update', 'out/a')).toThrow(/^--vectors with --update: new papers are placed with the map's LSA model/);
    expect(() => parse('--vectors-field', 'e', '--update', 'out/a')).toThrow(/^--vectors-field with --update:/);
    expect(() => parse('--vectors-field', '')).toThrow('--vectors-field: expected a field name');
  });
});

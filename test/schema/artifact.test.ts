import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ArtifactError,
  decodeColumn,
  dayToIso,
  formatPaperDate,
  isoToDay,
  MAX_DAY,
  MIN_DAY,
  undateImplausibleDays,
  validateManifest,
} from '../../src/schema/artifact.ts';

describe('calendar days', () => {
  it('round-trips dates around month, year and leap-day boundaries', () => {
    for (const iso of ['1970-01-01', '1999-12-31', '2000-01-01', '2024-02-29', '2024-03-01', '2026-08-19']) {
      expect(dayToIso(isoToDay(iso))).toBe(iso);
    }
    expect(isoToDay('1970-01-02')).toBe(1);
    expect(isoToDay('2024-03')).toBe(isoToDay('2024-03-01'));
    expect(isoToDay('2024')).toBe(isoToDay('2024-01-01'));
  });

  it('formats a paper date only as precisely as it is known', () => {
    const day = isoToDay('2023-10-07');
    expect(formatPaperDate(day, 3)).toBe('2023-10-07');
    expect(formatPaperDate(day, 2)).toBe('2023-10');
    expect(formatPaperDate(day, 1)).toBe('2023');
    expect(formatPaperDate(day, 0)).toBe('');
  });

  it('knows the years 1000..9999 the pipeline dates in, and formats nothing outside them', () => {
    expect(dayToIso(MIN_DAY)).toBe('1000-01-01');
    expect(dayToIso(MAX_DAY)).toBe('9999-12-31');
    expect(formatPaperDate(MAX_DAY, 3)).toBe('9999-12-31');
    expect(formatPaperDate(2 ** 31 - 1, 3)).toBe('');
    expect(formatPaperDate(MIN_DAY - 1, 1)).toBe('');
  });

  it('marks papers with an impossible day undated, in a copy', () => {
    const day = Int32Array.from([0, 2 ** 31 - 1, MIN_DAY - 1, 2 ** 31 - 1, MAX_DAY]);
    const precision = Uint8Array.from([3, 3, 1, 0, 2]);
    const r = undateImplausibleDays(day, precision);
    expect(Array.from(r.precision)).toEqual([3, 0, 0, 0, 2]);
    expect(r.undated).toBe(2);
    expect(Array.from(precision)).toEqual([3, 3, 1, 0, 2]);
    const clean = Uint8Array.from([3, 2]);
    expect(undateImplausibleDays(Int32Array.from([0, 1]), clean)).toEqual({ precision: clean, undated: 0 });
  });
});

describe('validateManifest', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-schema-'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/preprocess.ts'), '--input', 'data/papers.jsonl', '--out', dir, '--quiet'], { cwd: ROOT });
  const good = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('accepts what the pipeline writes', () => {
    expect(r.status).toBe(0);
    expect(validateManifest(good()).n).toBe(74);
  });

  it('names the field that is wrong', () => {
    const m = good();
    m.levels[1].clusters[2].label = 7;
    expect(() => validateManifest(m)).toThrow(new ArtifactError('manifest.levels[1].clusters[2].label: expected a string, got number'));
    const m2 = good();
    delete m2.trends.bins;
    expect(() => validateManifest(m2)).toThrow('manifest.trends.bins: missing');
    const m3 = good();
    m3.columns.x.length = 3;
    expect(() => validateManifest(m3)).toThrow('manifest.columns.x.length: expected 74, got 3');
  });

  it('reads the vector method: LSA as written, user vectors with their source, absent as in older artifacts', () => {
    expect(validateManifest(good()).vectors).toEqual({ method: 'lsa', dims: validateManifest(good()).stats.lsaDims });
    const user = good();
    user.vectors = { method: 'user', dims: 384, source: 'vecs.npy' };
    expect(validateManifest(user).vectors).toEqual({ method: 'user', dims: 384, source: 'vecs.npy' });
    const old = good();
    delete old.vectors;
    expect(validateManifest(old).vectors).toBeUndefined();
    const unnamed = good();
    unnamed.vectors = { method: 'user', dims: 384 };
    expect(() => validateManifest(unnamed)).toThrow('manifest.vectors.source: missing');
    const other = good();
    other.vectors = { method: 'bert', dims: 384 };
    expect(() => validateManifest(other)).toThrow('manifest.vectors.method: expected one of lsa, user, got string');
  });

  it('calls non-finite, crossed or overflowing map bounds corrupt, naming the field', () => {
    const corrupt = (bounds: string) => () => validateManifest(JSON.parse(JSON.stringify(good()).replace(/"bounds":\[[^\]]*\]/, `"bounds":${bounds}`)));
    // 1e999 is what a JSON literal too big for a double parses to: Infinity.
    expect(corrupt('[0,0,1e999,1]')).toThrow(new ArtifactError('manifest.bounds[2]: expected a finite number, got Infinity'));
    expect(corrupt('[0,0,1,2,3]')).toThrow('manifest.bounds: expected four numbers, got array');
    expect(corrupt('[1,0,-1,1]')).toThrow(
      new ArtifactError('manifest.bounds: expected [xmin, ymin, xmax, ymax] with min ≤ max and finite spans, got [1, 0, -1, 1]; the artifact is corrupt, rerun npm run preprocess'),
    );
    expect(corrupt('[-1e308,0,1e308,1]')).toThrow('manifest.bounds: expected [xmin, ymin, xmax, ymax] with min ≤ max and finite spans, got [-1e+308, 0, 1e+308, 1]');
    // A single point (zero spans) is a legal map.
    expect(() => validateManifest(JSON.parse(JSON.stringify(good()).replace(/"bounds":\[[^\]]*\]/, '"bounds":[2,3,2,3]')))).not.toThrow();
  });

  it('rejects a cluster mean day outside the years 1000..9999', () => {
    const m = good();
    m.levels[0].clusters[1].meanDay = 2 ** 31 - 1;
    expect(() => validateManifest(m)).toThrow(
      new ArtifactError('manifest.levels[0].clusters[1].meanDay: expected a day between 1000-01-01 and 9999-12-31 (-354285..2932896), got 2147483647; the artifact is corrupt, rerun npm run preprocess'),
    );
  });

  it('tells an old artifact to be rebuilt', () => {
    const m = good();
    m.version = 0;
    expect(() => validateManifest(m)).toThrow(/version 0; rerun npm run preprocess/);
  });

  it('refuses a column whose bytes do not match its length', () => {
    expect(() => decodeColumn('x', { file: 'x.bin', dtype: 'float32', length: 3 }, new ArrayBuffer(8))).toThrow(
      'column x (x.bin): expected 12 bytes, got 8; the artifact is truncated or corrupt, rerun npm run preprocess',
    );
    expect(Array.from(decodeColumn('b', { file: 'b.bin', dtype: 'int16', length: 2 }, new Int16Array([-1, 5]).buffer))).toEqual([-1, 5]);
  });
});

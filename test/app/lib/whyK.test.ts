import { describe, expect, it } from 'vitest';
import { whyK } from '../../../src/app/lib/whyK.ts';

const pt = (k: number, score: number, se: number) => ({ k, stability: 0, reference: 0, score, se });

describe('whyK', () => {
  it('says the chosen k scores best when it does', () => {
    expect(whyK([pt(2, 0.1, 0.02), pt(3, 0.6, 0.03), pt(4, 0.2, 0.02)], 3)).toBe(
      'k = 3 has the clusters that come back most reliably across subsamples, beyond what data without clusters gives (0.60 ± 0.03); every other k scores lower.',
    );
  });
  it('names the best k and the one-SE rule when a smaller k was kept', () => {
    expect(whyK([pt(3, 0.33, 0.1), pt(20, 0.34, 0.02)], 3)).toBe(
      'k = 20 scores highest (0.34 ± 0.02), but k = 3 (0.33) is within one standard error of it, so the simpler k is kept.',
    );
  });
  it('warns when the choice is the top of the range', () => {
    expect(whyK([pt(2, 0.1, 0.01), pt(8, 0.5, 0.01)], 8)).toMatch(/top of the range: a larger --k-max may find more\.$/);
  });
  it('says so when no k is much more reproducible than structureless data', () => {
    expect(whyK([pt(2, 0.02, 0.02), pt(4, 0.06, 0.01), pt(5, 0.05, 0.07)], 4)).toBe(
      'No k is much more reproducible than data without clusters (best 0.06 at k = 4); k = 4 is kept by the one-standard-error rule, but the themes are a partition of convenience here.',
    );
  });
  it('says when k was set by hand', () => {
    expect(whyK([pt(2, 0.1, 0.01), pt(3, 0.5, 0.01)], 7)).toBe("k = 7 was set by hand; the scan's best was k = 3.");
  });
});

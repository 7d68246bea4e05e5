/**
 * The one sentence under the "Why k" chart: which k `--k auto` kept and why,
 * from the scan's points (src/pipeline/cluster/scanK.ts's rule: the smallest k
 * whose score is within one standard error of the best).
 */
import type { KScanPoint } from '../../schema/artifact.ts';

const f2 = (x: number): string => x.toFixed(2);
/** Below this score, subsample clusterings agree little more than on structureless data. */
const WEAK = 0.1;

export function whyK(points: readonly KScanPoint[], chosenK: number): string {
  if (points.length === 0) return '';
  let top = points[0]!;
  for (const p of points) if (p.score > top.score) top = p;
  const chosen = points.find((p) => p.k === chosenK);
  if (!chosen) return `k = ${chosenK} was set by hand; the scan's best was k = ${top.k}.`;
  const last = points[points.length - 1]!;
  const edge = chosen.k === last.k && points.length > 1 ? ' It is the top of the range: a larger --k-max may find more.' : '';
  if (top.score < WEAK) {
    return (
      `No k is much more reproducible than data without clusters (best ${f2(top.score)} at k = ${top.k}); ` +
      `k = ${chosen.k} is kept by the one-standard-error rule, but the themes are a partition of convenience here.${edge}`
    );
  }
  if (chosen.k === top.k) {
    return (
      `k = ${chosen.k} has the clusters that come back most reliably across subsamples, beyond what data without clusters gives ` +
      `(${f2(chosen.score)} ± ${f2(chosen.se)}); every other k scores lower.${edge}`
    );
  }
  return (
    `k = ${top.k} scores highest (${f2(top.score)} ± ${f2(top.se)}), but k = ${chosen.k} (${f2(chosen.score)}) is within one ` +
    `standard error of it, so the simpler k is kept.${edge}`
  );
}

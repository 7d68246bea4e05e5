/**
 * `npm run trends-check -- [--input FILE] [--shuffles 3] [--plant-from 0.07] [--plant-to 0.26] [--plant-docs N,...]`
 *
 * Checks the trend tests on a real corpus (default: the 36k quant-ph harvest).
 * The text, the clusters and the term counts do not depend on the dates, so the
 * pipeline runs once; then the trends stage runs again on re-arranged dates:
 *  - null: the dates shuffled among the papers (every bin keeps its total; no
 *    trend is left, so every flagged cluster or term is a false discovery);
 *  - planted: on the first shuffle, the papers of one term re-dated so that its
 *    share of each fitted period rises linearly from --plant-from to
 *    --plant-to (the term in closest to that many papers), and, for a weaker
 *    signal, terms in about --plant-docs papers (the one most concentrated in
 *    its cluster, so that the cluster can rise with it) re-dated along the
 *    same ramp scaled to their size.
 * Each arrangement is tested twice: as the artifact does (a flat family and
 * the families of the clusters that passed, alpha/2 each) and, for comparison,
 * one flat BH over every eligible term at alpha (the method before).
 */
import { resolve } from 'node:path';
import { ingestFile } from '../src/pipeline/ingest/index.ts';
import { runPipeline, resolveMinDf, type PipelineParams } from '../src/pipeline/run.ts';
import { parseOptions } from '../src/pipeline/cli/options.ts';
import { benjaminiHochberg, binPapers, buildTrends, countTermDocBins, fitGrowth, isTestable, termOwners, type TrendsOutput } from '../src/pipeline/trends/index.ts';
import { binMidYears } from '../src/pipeline/trends/bins.ts';
import type { Trends } from '../src/schema/artifact.ts';
import { parseArgs } from './lib/args.ts';
import { plantDates, plantedCounts, shuffleDates } from './lib/plantTrend.ts';
import { formatTable } from './lib/table.ts';

const DEFAULT_INPUT = resolve(import.meta.dirname, '../../shared/data/arxiv-scale-quant-ph-36k.jsonl.gz');
const USAGE = `Usage: npm run trends-check -- [--input FILE] [--shuffles N] [--plant-from F] [--plant-to F] [--plant-docs N,N,...] [--seed N]`;

function flagged(tr: Trends, level: string): { tested: number; flagged: number } {
  const lv = tr.levels.find((l) => l.level === level)!;
  const g = lv.clusters.map((c) => c.growth).filter((x) => x !== null);
  return { tested: g.length, flagged: g.filter((x) => x.qValue < tr.method.alpha).length };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['input', 'shuffles', 'plant-from', 'plant-to', 'plant-docs', 'seed'], flags: ['help', 'h'] });
  if (args.flags.has('help') || args.flags.has('h')) {
    console.log(USAGE);
    return 0;
  }
  const input = resolve(args.values.get('input')?.at(-1) ?? DEFAULT_INPUT);
  const shuffles = Number(args.values.get('shuffles')?.at(-1) ?? 3);
  const from = Number(args.values.get('plant-from')?.at(-1) ?? 0.07);
  const to = Number(args.values.get('plant-to')?.at(-1) ?? 0.26);
  const weakDocs = (args.values.get('plant-docs')?.at(-1) ?? '100,200,400').split(',').map(Number);
  const seed = Number(args.values.get('seed')?.at(-1) ?? 42);

  const { papers } = await ingestFile(input);
  const cli = parseOptions(['--input', input]);
  if (cli === 'help') return 2;
  const params: PipelineParams = { ...cli, minDf: resolveMinDf(cli.minDf, papers.length) };
  const t0 = performance.now();
  const r = await runPipeline(papers, params);
  console.log(`trends-check: ${input}: ${papers.length} papers, pipeline ${((performance.now() - t0) / 1000).toFixed(1)} s; k = ${r.levels.map((l) => `${l.name} ${l.k}`).join(', ')}`);
  const levels = r.levels.map((lv) => ({ name: lv.name, labels: lv.labels, k: lv.k }));
  const { counts: termCounts, vocab: vocabulary } = r.vectors;
  const trendsOf = (day: Int32Array, precision: Uint8Array): TrendsOutput =>
    buildTrends({ day, precision, levels, termCounts, vocabulary }, { unit: r.trends.trends.unit, scoreClassTerms: null });

  /** One flat BH over every eligible term: the family before the hierarchical one. */
  const flatTerms = (out: TrendsOutput) => {
    const tr = out.trends;
    const nBins = tr.bins.length;
    const totals = Int32Array.from(tr.bins, (b) => b.total);
    const edges = Int32Array.from([...tr.bins.map((b) => Date.parse(b.start) / 86_400_000), Date.parse(tr.bins.at(-1)!.end) / 86_400_000]);
    const include = Uint8Array.from(tr.bins, (b) => (b.partial || b.sparse ? 0 : 1));
    const docs = countTermDocBins(termCounts, out.bin, nBins);
    const t = binMidYears(edges);
    const fits: { term: string; p: number }[] = [];
    for (let j = 0; j < vocabulary.keys.length; j++) {
      const row = docs.subarray(j * nBins, (j + 1) * nBins);
      if (row.reduce((a, v) => a + v, 0) < tr.method.minTermDocs || !isTestable(row, totals, include)) continue;
      const fit = fitGrowth(row, totals, t, include);
      if (fit) fits.push({ term: vocabulary.display[j] ?? vocabulary.keys[j]!, p: fit.pValue });
    }
    const q = benjaminiHochberg(fits.map((f) => f.p));
    const flagged = new Map(fits.flatMap((f, i) => (q[i]! < tr.method.alpha ? [[f.term, q[i]!] as const] : [])));
    return { flagged, tested: fits.length, p: new Map(fits.map((f) => [f.term, f.p])) };
  };
  const defaultLevel = levels.find((l) => l.name === 'default') ?? levels[0]!;
  const owner = termOwners(termCounts, defaultLevel.labels, defaultLevel.k);
  const clusterSize = new Int32Array(defaultLevel.k);
  for (const c of defaultLevel.labels) if (c >= 0) clusterSize[c]!++;

  const rows: string[][] = [];
  const notes: string[] = [];
  const describe = (name: string, out: TrendsOutput, planted: string[] = []) => {
    const tr = out.trends;
    const fam = tr.method.termFamily!;
    const sig = tr.terms.filter((x) => x.growth.qValue < tr.method.alpha);
    const flat = flatTerms(out);
    const lv = (l: string) => {
      const f = flagged(tr, l);
      return `${f.flagged} / ${f.tested}`;
    };
    const plantedNote = planted
      .map((term) => {
        const h = tr.terms.find((x) => x.term === term);
        const f = flat.flagged.get(term);
        const j = vocabulary.display.indexOf(term);
        const ownerQ = tr.levels.find((l) => l.level === fam.level)!.clusters[owner[j]!]?.growth?.qValue;
        const fp = flat.p.get(term);
        return (
          `${term}: p ${fp ? fp.toExponential(1) : '—'}, its cluster q ${ownerQ === undefined ? '—' : ownerQ.toPrecision(2)}; ` +
          `artifact q ${h ? h.growth.qValue.toExponential(1) : '≥ 0.05'}${h && h.growth.qValue < tr.method.alpha ? ' (found)' : ' (missed)'}, ` +
          `one flat BH at 0.05 ${f !== undefined ? `q ${f.toExponential(1)} (found)` : '(missed)'}`
        );
      })
      .join('; ');
    rows.push([name, lv('coarse'), lv('default'), lv('fine'), `${fam.clusters.length}`, `${fam.tested}`, `${sig.length} / ${fam.eligible}`, `${flat.flagged.size} / ${flat.tested}`]);
    if (plantedNote) notes.push(`${name}: ${plantedNote}`);
    return { sig, flat };
  };

  describe('real dates', r.trends);
  let first: { day: Int32Array; precision: Uint8Array; out: TrendsOutput } | null = null;
  for (let s = 0; s < shuffles; s++) {
    const d = shuffleDates(r.day, r.precision, seed + s);
    const out = trendsOf(d.day, d.precision);
    describe(`shuffle ${s + 1}`, out);
    first ??= { ...d, out };
  }

  if (first) {
    const tr = first.out.trends;
    const totals = Int32Array.from(tr.bins, (b) => b.total);
    const fitted = Uint8Array.from(tr.bins, (b) => (b.partial || b.sparse ? 0 : 1));
    const binned = binPapers(first.day, first.precision, { unit: tr.unit }).bin;
    // Terms that can be tested: in >= minTermDocs binned papers.
    const docs = new Int32Array(vocabulary.keys.length);
    const carriers = (j: number) => {
      const c = new Uint8Array(r.n);
      for (let i = 0; i < r.n; i++) {
        if (binned[i]! < 0) continue;
        for (let p = termCounts.indptr[i]!; p < termCounts.indptr[i + 1]!; p++) if (termCounts.indices[p] === j && termCounts.data[p]! > 0) c[i] = 1;
      }
      return c;
    };
    for (let i = 0; i < r.n; i++) {
      if (binned[i]! < 0) continue;
      for (let p = termCounts.indptr[i]!; p < termCounts.indptr[i + 1]!; p++) if (termCounts.data[p]! > 0) docs[termCounts.indices[p]!]!++;
    }
    let fittedTotal = 0;
    let target = 0;
    let rank = 0;
    const nFitted = tr.bins.filter((b, i) => fitted[i] && b.total > 0).length;
    tr.bins.forEach((b, i) => {
      if (!fitted[i] || totals[i]! === 0) return;
      fittedTotal += totals[i]!;
      target += (from + ((to - from) * rank++) / Math.max(1, nFitted - 1)) * totals[i]!;
    });
    /** Binned papers with term j in its owner cluster. */
    const inOwner = (j: number) => {
      let m = 0;
      for (let i = 0; i < r.n; i++) {
        if (binned[i]! < 0 || defaultLevel.labels[i] !== owner[j]) continue;
        for (let p = termCounts.indptr[i]!; p < termCounts.indptr[i + 1]!; p++) if (termCounts.indices[p] === j && termCounts.data[p]! > 0) m++;
      }
      return m;
    };
    /** Among terms in 0.7-1.3 × want papers, the one whose papers make up most of its cluster. */
    const concentrated = (want: number) => {
      const candidates: number[] = [];
      for (let j = 0; j < docs.length; j++) if (docs[j]! >= Math.max(tr.method.minTermDocs, 0.7 * want) && docs[j]! <= 1.3 * want && owner[j]! >= 0) candidates.push(j);
      // Cheap bound first (all its papers in the owner), exact count for the best 50.
      candidates.sort((a, b) => docs[b]! / clusterSize[owner[b]!]! - docs[a]! / clusterSize[owner[a]!]! || a - b);
      let best = -1;
      let bestShare = -1;
      for (const j of candidates.slice(0, 50)) {
        const share = inOwner(j) / clusterSize[owner[j]!]!;
        if (share > bestShare) [best, bestShare] = [j, share];
      }
      return best;
    };
    const closest = (want: number) => {
      let best = -1;
      for (let j = 0; j < docs.length; j++) if (docs[j]! >= tr.method.minTermDocs && (best < 0 || Math.abs(docs[j]! - want) < Math.abs(docs[best]! - want))) best = j;
      return best;
    };
    const plant = (j: number, plantSeed: number) => {
      const c = carriers(j);
      // Carriers outside the fitted bins keep nothing there: all of them go to the ramp.
      const counts = plantedCounts(totals, fitted, docs[j]!, from, to);
      return plantDates(first!.day, first!.precision, binned, c, counts, plantSeed);
    };
    const name = (j: number) => vocabulary.display[j] ?? vocabulary.keys[j]!;
    const strong = closest(target);
    console.log(
      `planted: "${name(strong)}" (${docs[strong]} papers; a share from ${from} to ${to} of ${fittedTotal} papers in ${nFitted} fitted periods needs ${Math.round(target)})`,
    );
    const s = plant(strong, seed + 1000);
    describe(`planted ${from}→${to}`, trendsOf(s.day, s.precision), [name(strong)]);
    for (const want of weakDocs) {
      const j = concentrated(want);
      if (j < 0) continue;
      console.log(`planted: "${name(j)}" (${docs[j]} papers; in ${Math.round((100 * inOwner(j)) / clusterSize[owner[j]!]!)}% of the papers of its cluster, ${clusterSize[owner[j]!]} papers)`);
      const w = plant(j, seed + 2000 + want);
      describe(`planted ${docs[j]} papers`, trendsOf(w.day, w.precision), [name(j)]);
    }
  }

  console.log(
    `\nflagged / tested at q < 0.05 (${shuffles} date shuffles: everything flagged there is a false discovery)\n` +
      formatTable(['dates', 'coarse clusters', 'default clusters', 'fine clusters', 'families', 'terms in families', 'terms flagged (artifact)', 'terms (one flat BH at 0.05)'], rows) +
      `\n\nartifact: flat BH over every eligible term at 0.025, union with BH within each passing default cluster's terms at 0.025\n` +
      `planted terms (p of the term's own growth test):\n${notes.join('\n')}`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`trends-check: ${(e as Error).message}`);
  process.exitCode = 2;
}

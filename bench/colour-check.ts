/**
 * `npm run colour-check -- --artifact DIR [--artifact DIR2 ...]`
 *
 * How far apart the colours of neighbouring clusters are, per clustering level,
 * as seen with normal vision and with deuteranopia, protanopia and tritanopia
 * (Machado 2009, severity 1.0; CIEDE2000): the minimum, 10th percentile and
 * median over the adjacent pairs, for the colours by index (before) and by map
 * adjacency (after). Also the time the assignment takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadArtifact, type Fetcher } from '../src/app/state/loadArtifact.ts';
import { colorClusters } from '../src/app/map/clusterColors.ts';
import { edgeDeltaE } from '../src/app/map/assignColors.ts';
import { VISIONS } from '../src/app/map/cvd.ts';
import { parseArgs } from './lib/args.ts';
import { formatTable } from './lib/table.ts';
import { indexPalette } from './lib/indexPalette.ts';

const USAGE = 'Usage: npm run colour-check -- --artifact DIR [--artifact DIR ...]';

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!;
}

async function check(dir: string): Promise<void> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}: no manifest.json there (make an artifact with npm run preprocess)`);
  const fetcher: Fetcher = async (url) => new Response(readFileSync(join(dir, url.replace('disk://a/', ''))));
  const a = await loadArtifact('disk://a', fetcher);
  console.log(`\n${dir}: ${a.n.toLocaleString('en')} papers`);
  const rows: string[][] = [];
  a.manifest.levels.forEach((lv, li) => {
    const t0 = performance.now();
    const { colors, edges } = colorClusters(a.x, a.y, a.levels[li]!, lv.k, a.manifest.bounds);
    const ms = performance.now() - t0;
    const before = indexPalette(lv.k);
    for (const [side, cols] of [['before', before], ['after', colors]] as const) {
      const cells = VISIONS.map((v) => {
        const d = edgeDeltaE(cols, edges, v).sort();
        return `${quantile(d, 0).toFixed(1)} / ${quantile(d, 0.1).toFixed(1)} / ${quantile(d, 0.5).toFixed(1)}`;
      });
      rows.push([`${lv.name} k=${lv.k}`, `${edges.length}`, side, ...cells, side === 'after' ? `${ms.toFixed(0)} ms` : '']);
    }
  });
  console.log(formatTable(['level', 'pairs', 'colours', ...VISIONS.map((v) => `${v} min/p10/median`), 'assign'], rows));
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['artifact'], flags: ['help', 'h'] });
  const dirs = args.values.get('artifact') ?? [];
  if (args.flags.has('help') || args.flags.has('h') || dirs.length === 0) {
    console.log(USAGE);
    return dirs.length === 0 && !args.flags.size ? 2 : 0;
  }
  console.log('ΔE2000 between the colours of adjacent clusters (clusters sharing or touching cells of a grid over the map, about 3 papers a cell, 6-48 cells a side)');
  for (const d of dirs) await check(resolve(d));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`colour-check: ${(e as Error).message}`);
    process.exit(1);
  },
);

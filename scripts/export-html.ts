/**
 * `npm run export -- --artifact DIR --out atlas.html`: the dashboard and its
 * artifact as one HTML file that opens from disk, with no server and no network.
 */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../src/pipeline/ingest/types.ts';
import { checkOutputFile } from '../src/pipeline/cli/preflight.ts';
import { embedArtifact, injectTable, readArtifactManifest } from '../src/pipeline/artifact/embed.ts';
import { printable } from '../src/pipeline/ingest/printable.ts';

const HELP = `Usage: npm run export -- [--artifact DIR] [--out FILE] [--max-mb N]

Writes the dashboard and an artifact as one self-contained HTML file, to share
by mail or a file share and open by double-click: no server, no network.

  --artifact DIR   artifact folder (default: out/artifact)
  --out FILE       the HTML file to write (default: atlas.html)
  --max-mb N       refuse when the inlined data would pass N MB (default: 300,
                   about 200,000 papers); above that, build and serve the site:
                   ATLAS_ARTIFACT=DIR npm run build, then serve dist/
  -h, --help       this text
`;

const ROOT = resolve(import.meta.dirname, '..');

async function buildSingleFile(): Promise<string> {
  // The config reads ATLAS_ARTIFACT when it loads: the single file carries its artifact inline instead.
  process.env.ATLAS_ARTIFACT = 'none';
  const { build } = await import('vite');
  const { viteSingleFile } = await import('vite-plugin-singlefile');
  const outDir = await mkdtemp(join(tmpdir(), 'atlas-export-'));
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      plugins: [viteSingleFile()],
      build: { outDir, emptyOutDir: true },
    });
    return await readFile(join(outDir, 'index.html'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { artifact: { type: 'string' }, out: { type: 'string' }, 'max-mb': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = values.artifact ?? 'out/artifact';
  const out = values.out ?? 'atlas.html';
  const maxMb = values['max-mb'] === undefined ? 300 : /^\d+$/.test(values['max-mb']) ? Number(values['max-mb']) : NaN;
  if (!(maxMb >= 1)) throw new UserError(`--max-mb ${values['max-mb']}: expected an integer ≥ 1`);
  await checkOutputFile(out, '--out');
  const manifest = await readArtifactManifest(dir);
  const { table, rawBytes, embeddedBytes } = await embedArtifact(dir, manifest, maxMb * 1e6);
  const html = injectTable(await buildSingleFile(), table);
  const tmp = `${out}.tmp-${process.pid}`;
  await writeFile(tmp, html);
  await rename(tmp, out);
  process.stderr.write(
    `wrote ${printable(out)}: ${manifest.n.toLocaleString('en')} papers, ${(html.length / 1e6).toFixed(1)} MB ` +
      `(artifact ${(rawBytes / 1e6).toFixed(1)} MB, inlined gzipped as ${(embeddedBytes / 1e6).toFixed(1)} MB); open it in a browser, no server needed\n`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UserError)) throw e;
  process.stderr.write(`error: ${printable(e.message)}\n`);
  process.exitCode = 2;
}

/**
 * One self-contained HTML file from an artifact: the dashboard's single-file
 * build with the artifact's files inlined as a JSON table (name → base64 of
 * the gzipped bytes; shards, gzipped already, as they are;
 * src/app/state/embedded.ts reads it back). Opens from disk with no server
 * and no network.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EMBED_ELEMENT_ID, isGzip, validateManifest, type Manifest } from '../../schema/artifact.ts';
import { UserError } from '../ingest/types.ts';
import { MANIFEST } from './outDir.ts';

/** The files the dashboard reads (the `--update` model stays out). */
export function dashboardFiles(m: Manifest): string[] {
  return [MANIFEST, ...Object.values(m.columns).map((c) => c.file), ...m.titles.files, ...m.search.shards.map((s) => s.file), ...m.docs.files];
}

export async function readArtifactManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    throw new UserError(`--artifact ${dir}: no manifest.json there; run npm run preprocess -- --input FILE --out ${dir} first`);
  }
  try {
    return validateManifest(JSON.parse(text));
  } catch (e) {
    throw new UserError(`--artifact ${dir}: ${(e as Error).message}`);
  }
}

export interface EmbeddedTable {
  table: Record<string, string>;
  /** Bytes of the artifact's files as they are, and of the inlined (gzipped, base64) text. */
  rawBytes: number;
  embeddedBytes: number;
}

/** Gzips and base64-encodes every file the dashboard reads; refuses beyond `maxBytes` of inlined text. */
export async function embedArtifact(dir: string, m: Manifest, maxBytes: number): Promise<EmbeddedTable> {
  const table: Record<string, string> = {};
  let rawBytes = 0;
  let embeddedBytes = 0;
  for (const name of dashboardFiles(m)) {
    const path = join(dir, name);
    const bytes = await readFile(path).catch(() => {
      throw new UserError(`--artifact ${dir}: ${name}, named by the manifest, is missing; rerun npm run preprocess`);
    });
    rawBytes += bytes.length;
    const b64 = (isGzip(bytes) ? bytes : gzipSync(bytes, { level: 9 })).toString('base64');
    embeddedBytes += b64.length;
    if (embeddedBytes > maxBytes) {
      const total = (await Promise.all(dashboardFiles(m).map((f) => stat(join(dir, f)).then((s) => s.size)))).reduce((a, b) => a + b, 0);
      throw new UserError(
        `--artifact ${dir}: ${m.n.toLocaleString('en')} papers (${mb(total)} of data) is more than one HTML file can carry ` +
          `(limit ${mb(maxBytes)} inlined, about 200,000 papers); build the site instead (ATLAS_ARTIFACT=${dir} npm run build) and serve dist/, or raise --max-mb`,
      );
    }
    table[name] = b64;
  }
  return { table, rawBytes, embeddedBytes };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

/** `html` (the single-file build) with the table inlined before its first script, where the page's guards look for it. */
export function injectTable(html: string, table: Record<string, string>): string {
  // `<` never occurs in base64 or in the writer's file names; escaping it keeps the element closed whatever happens.
  const json = JSON.stringify(table).replace(/</g, '\\u003c');
  const element = `<script type="application/json" id="${EMBED_ELEMENT_ID}">${json}</script>`;
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('the single-file build has no </head>');
  return html.slice(0, at) + element + html.slice(at);
}

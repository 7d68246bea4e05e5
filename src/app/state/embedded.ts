/**
 * The artifact inlined in a single-file export (`npm run export`): a JSON
 * table in the page, file name → base64 of the file's gzipped bytes (of the
 * file itself for the shards, which are gzip files). A page
 * opened from disk may not fetch, so the loaders read from this table through
 * the same Fetcher contract as the network.
 */
import { EMBED_ELEMENT_ID } from '../../schema/artifact.ts';

/** Where the loaders look for the artifact by default; embedded names are relative to it. */
const DEFAULT_BASE = './artifact/';

let table: Record<string, string> | null | undefined;

function embeddedTable(): Record<string, string> | null {
  if (table === undefined) {
    const el = typeof document === 'undefined' ? null : document.getElementById(EMBED_ELEMENT_ID);
    table = el?.textContent ? (JSON.parse(el.textContent) as Record<string, string>) : null;
  }
  return table;
}

export function hasEmbeddedArtifact(): boolean {
  return embeddedTable() !== null;
}

/** The embedded file behind `url` as a Response, or null when `url` is not one of them. */
export async function embeddedResponse(url: string): Promise<Response | null> {
  const files = embeddedTable();
  if (!files || !url.startsWith(DEFAULT_BASE)) return null;
  const name = url.slice(DEFAULT_BASE.length);
  const b64 = files[name];
  if (b64 === undefined) return new Response('not in this file', { status: 404 });
  // A data: URL decodes base64 natively (atob on a 100 MB string would not).
  const gz = await fetch(`data:application/octet-stream;base64,${b64}`);
  // Shards are gzipped files already: handed over as they are, their loader inflates them.
  if (name.endsWith('.gz')) return gz;
  return new Response(gz.body!.pipeThrough(new DecompressionStream('gzip')));
}

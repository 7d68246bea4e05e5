/** The Python peer (bench/peer/pipeline.py) seen from TypeScript: availability, arguments, parsed output. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's interpreter: python3-sklearn and umap-learn install there, not into the pyenv python3 on PATH. */
export const PEER_PYTHON = '/usr/bin/python3';

export interface PeerParams {
  k: number;
  restarts: number;
  minDf: number;
  maxDf: number;
  seed: number;
}

export interface PeerOutput {
  peer: string;
  n: number;
  seconds: Record<string, number>;
  peakRssBytes: Record<string, number>;
  labels?: number[];
  coords?: number[];
  eval?: Array<{ seed: number; nmi: number; ari: number; vMeasure: number; homogeneity: number; completeness: number; preservation: number | null }>;
}

/** null when the peer can run, else why not (one line). */
export function peerUnavailable(root: string): string | null {
  if (!existsSync(PEER_PYTHON)) return `${PEER_PYTHON} not found`;
  if (!existsSync(join(root, 'bench/peer/pipeline.py'))) return 'bench/peer/pipeline.py not found';
  const r = spawnSync(PEER_PYTHON, ['-c', 'import sklearn, umap'], { encoding: 'utf8' });
  if (r.status !== 0) {
    const last = (r.stderr || r.error?.message || '').trim().split('\n').at(-1);
    return `${PEER_PYTHON} cannot import sklearn and umap (${last}); run sh bench/peer/ensure.sh`;
  }
  return null;
}

export function peerArgs(root: string, input: string, p: PeerParams, extra: readonly string[] = []): string[] {
  return [
    join(root, 'bench/peer/pipeline.py'),
    '--input', input,
    '--k', String(p.k),
    '--restarts', String(p.restarts),
    '--min-df', String(p.minDf),
    '--max-df', String(p.maxDf),
    '--seed', String(p.seed),
    ...extra,
  ];
}

export function parsePeerOutput(text: string): PeerOutput {
  const parsed = JSON.parse(text) as PeerOutput;
  if (typeof parsed.seconds !== 'object' || typeof parsed.peakRssBytes !== 'object') {
    throw new Error('peer output has no seconds / peakRssBytes');
  }
  return parsed;
}

/**
 * Cluster renames that arrive in a link (`#rn=`) are someone else's words: the
 * dashboard shows them as a proposal and applies them only when the user says
 * so. Pure: which of a link's renames would change a label of this artifact.
 */
import type { ClusteringLevel, LevelName } from '../../schema/artifact.ts';

export interface ProposedRename {
  /** `${level}:${cluster}`, the key of AtlasState.renamed. */
  key: string;
  level: LevelName;
  cluster: number;
  /** The label shown now (the user's own rename or the artifact's). */
  from: string;
  to: string;
}

const KEY = /^(coarse|default|fine):(\d{1,5})$/;

/**
 * The renames in `fromLink` that name a cluster of `levels` and would change
 * its label, in level then cluster order. Keys for clusters this artifact does
 * not have, and blank names, are dropped.
 */
export function proposedRenames(
  fromLink: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
  levels: readonly ClusteringLevel[],
): ProposedRename[] {
  const out: ProposedRename[] = [];
  for (const [rawKey, raw] of Object.entries(fromLink)) {
    const m = KEY.exec(rawKey);
    if (!m) continue;
    const li = levels.findIndex((l) => l.name === m[1]);
    const cluster = Number(m[2]);
    const key = `${m[1]}:${cluster}`;
    const original = levels[li]?.clusters[cluster]?.label;
    if (original === undefined) continue;
    const to = raw.trim();
    const from = current[key] ?? original;
    if (!to || to === from) continue;
    out.push({ key, level: m[1] as LevelName, cluster, from, to });
  }
  const order = (r: ProposedRename) => levels.findIndex((l) => l.name === r.level);
  return out.sort((a, b) => order(a) - order(b) || a.cluster - b.cluster);
}

/** `current` with the proposals applied; a proposal back to the artifact's own label drops the rename. */
export function applyRenames(
  current: Readonly<Record<string, string>>,
  proposals: readonly ProposedRename[],
  levels: readonly ClusteringLevel[],
): Record<string, string> {
  const next = { ...current };
  for (const p of proposals) {
    const original = levels.find((l) => l.name === p.level)?.clusters[p.cluster]?.label;
    if (p.to === original) delete next[p.key];
    else next[p.key] = p.to;
  }
  return next;
}

/** The proposals as a `renamed` record, to keep them in the address while undecided. */
export function asRecord(proposals: readonly ProposedRename[]): Record<string, string> {
  return Object.fromEntries(proposals.map((p) => [p.key, p.to]));
}

/**
 * Labelled test corpora cut from a categorised corpus (arXiv's `categories`):
 * each set maps a paper's primary category to a label (or leaves it out) and
 * keeps at most `perLabel` papers of each label, drawn with a seeded shuffle.
 */
import { createRng } from '../../src/pipeline/cluster/random.ts';

export interface LabelledSetSpec {
  name: string;
  /** What the set tests, for the printed summary. */
  about: string;
  perLabel: number;
  /** Label of a primary category, or null to leave the paper out. */
  labelOf: (primary: string) => string | null;
}

const archive = (c: string): string => c.split('.')[0]!;
const oneOf = (cats: readonly string[]) => (c: string) => (cats.includes(c) ? c : null);

export const LABELLED_SETS: readonly LabelledSetSpec[] = [
  {
    name: 'distant-fields',
    about: 'five far-apart fields (archives; atmospheric physics alone)',
    perLabel: 600,
    labelOf: (c) => (c === 'physics.ao-ph' ? c : ['cs', 'cond-mat', 'quant-ph', 'math'].includes(archive(c)) ? archive(c) : null),
  },
  {
    name: 'close-physics',
    about: 'six neighbouring physics categories',
    perLabel: 500,
    labelOf: oneOf(['cond-mat.mtrl-sci', 'cond-mat.mes-hall', 'cond-mat.str-el', 'cond-mat.supr-con', 'physics.chem-ph', 'quant-ph']),
  },
  {
    name: 'cs-three',
    about: 'three close cs categories',
    perLabel: 1000,
    labelOf: oneOf(['cs.CL', 'cs.CV', 'cs.LG']),
  },
  {
    name: 'cs-nine',
    about: 'nine cs categories, some close, some not',
    perLabel: 350,
    labelOf: oneOf(['cs.CV', 'cs.CL', 'cs.CR', 'cs.RO', 'cs.IT', 'cs.GR', 'cs.SE', 'cs.HC', 'cs.GT']),
  },
];

export interface CategorisedRow {
  categories?: string | string[] | null;
  [field: string]: unknown;
}

export function primaryCategory(row: CategorisedRow): string | null {
  const c = row.categories;
  const first = Array.isArray(c) ? c[0] : typeof c === 'string' ? c.trim().split(/\s+/)[0] : undefined;
  return first ? first : null;
}

/**
 * The rows of one set, in input order, each with its `label`: per label a
 * seeded partial Fisher–Yates draw of `perLabel` of its rows (all if fewer).
 */
export function pickLabelled<R extends CategorisedRow>(rows: readonly R[], spec: LabelledSetSpec, seed: number): (R & { label: string })[] {
  const byLabel = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const primary = primaryCategory(row);
    const label = primary === null ? null : spec.labelOf(primary);
    if (label === null) return;
    const pool = byLabel.get(label);
    if (pool) pool.push(i);
    else byLabel.set(label, [i]);
  });
  const rng = createRng(seed);
  const kept: [number, string][] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const pool = byLabel.get(label)!;
    const m = Math.min(spec.perLabel, pool.length);
    for (let i = 0; i < m; i++) {
      const j = i + rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      kept.push([pool[i]!, label]);
    }
  }
  kept.sort((a, b) => a[0] - b[0]);
  return kept.map(([i, label]) => ({ ...rows[i]!, label }));
}

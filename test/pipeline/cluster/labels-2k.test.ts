/**
 * The labels and top terms of a real corpus at all three levels: none repeats
 * or splits a phrase (termDefects.ts). Needs the shared 2k corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline/run.ts';
import { labelParts, termDefects } from '../../../src/pipeline/cluster/termDefects.ts';
import type { Paper } from '../../../src/pipeline/ingest/types.ts';

const CORPUS = '/work/shared/data/arxiv-labelled-archives-2k.jsonl';

describe.skipIf(!existsSync(CORPUS))('labels of the labelled 2k corpus', () => {
  it('no label or top-terms list at any level repeats or splits a phrase', async () => {
    const papers: Paper[] = readFileSync(CORPUS, 'utf8')
      .trim()
      .split('\n')
      .map((line, i) => {
        const r = JSON.parse(line) as { id: string; title: string; abstract: string };
        return { id: r.id, title: r.title, abstract: r.abstract, date: null, line: i + 1 };
      });
    const result = await runPipeline(papers, {
      k: 'auto', kMin: 4, kMax: 30, seed: 42, restarts: 5, minDf: null, maxDf: 0.5, phrases: true,
      lsaDims: 100, neighbors: 15, minDist: 0.1, epochs: null, bin: 'auto', skipProjection: true,
    });
    const { vocab } = result.vectors;
    const phrases = vocab.display.filter((_, t) => vocab.phrase[t] === 1);
    const found: string[] = [];
    for (const level of result.levels) {
      expect(level.clusters.length).toBeGreaterThan(0);
      for (const c of level.clusters) {
        for (const d of termDefects(labelParts(c.label), phrases)) found.push(`${level.name} label "${c.label}": ${d.kind} ${d.terms.join(' / ')}`);
        for (const d of termDefects(c.terms.map((t) => t.term), phrases)) found.push(`${level.name} terms of "${c.label}": ${d.kind} ${d.terms.join(' / ')}`);
        expect(c.terms.length).toBe(10);
      }
    }
    expect(found).toEqual([]);
  }, 240_000);
});

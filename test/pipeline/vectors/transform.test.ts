import { describe, expect, it } from 'vitest';
import { vectorize } from '../../../src/pipeline/text/index.ts';
import { deserializeLsaModel, randomizedSvd, serializeLsaModel, transformTexts } from '../../../src/pipeline/vectors/index.ts';

const texts = [
  'Large language models for code generation and program repair.',
  'Language models solve math word problems with chain-of-thought prompting.',
  'Reinforcement learning agents for robotic manipulation and grasping.',
  'Deep reinforcement learning for robot locomotion policies.',
  'Graph neural networks predict molecular properties of drug candidates.',
  'Message passing graph networks for molecule generation.',
  'Quantum error correction codes with surface code decoders.',
  'Quantum circuits and error mitigation on noisy hardware.',
  'Code language models for program synthesis benchmarks.',
  'Robot grasping with reinforcement learning from demonstrations.',
];

describe('transformTexts (--update)', () => {
  const fitted = vectorize(texts, { minDf: 2, maxDf: 0.9, phrases: true, phraseMinCount: 2 });
  const svd = randomizedSvd(fitted.tfidf, 5, { seed: 5 });

  it('a training document gets its fitted row and, with all directions sampled, its fitted embedding', () => {
    expect(fitted.vocab.keys).toContain('reinforc learn');
    const again = transformTexts(texts, fitted.model, svd);
    expect(Array.from(again.tfidf.indices)).toEqual(Array.from(fitted.tfidf.indices));
    expect(Array.from(again.tfidf.data)).toEqual(Array.from(fitted.tfidf.data));
    again.embedding.forEach((v, i) => expect(v).toBeCloseTo(svd.embedding[i], 4));
  });

  it('unseen words are ignored; an all-unknown text maps to the origin', () => {
    const out = transformTexts(['zebra xylophone', 'quantum error decoders'], fitted.model, svd);
    expect(Array.from(out.embedding.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(out.tfidf.indptr[2] - out.tfidf.indptr[1]).toBeGreaterThan(0);
  });

  it('serialises and restores the model exactly', () => {
    const { json, binary } = serializeLsaModel(fitted.model, svd);
    const restored = deserializeLsaModel(JSON.parse(JSON.stringify(json)), binary.slice());
    expect(restored.text.vocab).toEqual(fitted.model.vocab);
    expect(Array.from(restored.text.idf)).toEqual(Array.from(fitted.idf));
    expect(Array.from(restored.svd.components)).toEqual(Array.from(svd.components));
    expect(Array.from(restored.svd.singularValues)).toEqual(Array.from(svd.singularValues));
    const a = transformTexts(texts.slice(0, 3), fitted.model, svd).embedding;
    const b = transformTexts(texts.slice(0, 3), restored.text, restored.svd).embedding;
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(restored.text.options.compoundParts).toBe(true);
    expect(() => deserializeLsaModel({ ...json, version: 2 as 1 }, binary)).toThrow(/version/);
    expect(() => deserializeLsaModel(json, binary.slice(0, 8))).toThrow(/arrays\.\w+ lies outside/);
  });

  it('counts compounds\' parts as the fit did; a model from before compoundParts is applied without them', () => {
    const compoundTexts = ['Spin-orbit coupling in X-ray binaries', 'Spin orbit torque', 'X-ray binaries and orbit decay', 'Spin waves'];
    const withParts = vectorize(compoundTexts, { minDf: 1, maxDf: 1, phrases: false });
    const lsa = randomizedSvd(withParts.tfidf, 3, { seed: 1 });
    const again = transformTexts(compoundTexts, withParts.model, lsa);
    expect(Array.from(again.counts.data)).toEqual(Array.from(withParts.counts.data));
    expect(Array.from(again.tfidf.indices)).toEqual(Array.from(withParts.tfidf.indices));
    expect(Array.from(again.tfidf.data)).toEqual(Array.from(withParts.tfidf.data));

    const without = vectorize(compoundTexts, { minDf: 1, maxDf: 1, phrases: false, compoundParts: false });
    const { json, binary } = serializeLsaModel(without.model, randomizedSvd(without.tfidf, 3, { seed: 1 }));
    const { compoundParts: _, ...oldOptions } = json.options; // as written before the option existed
    const old = deserializeLsaModel({ ...json, options: oldOptions as typeof json.options }, binary);
    expect(old.text.options.compoundParts).toBe(false);
    const applied = transformTexts(compoundTexts, old.text, old.svd);
    expect(Array.from(applied.tfidf.indices)).toEqual(Array.from(without.tfidf.indices));
    expect(Array.from(applied.tfidf.data)).toEqual(Array.from(without.tfidf.data));
  });
});

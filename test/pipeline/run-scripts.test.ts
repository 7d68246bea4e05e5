/** The pipeline on corpora in other scripts, and its warning for papers left without terms. */
import { describe, expect, it } from 'vitest';
import { runPipeline, termlessWarning, type PipelineParams } from '../../src/pipeline/run.ts';
import type { Progress } from '../../src/pipeline/cli/progress.ts';
import type { Paper } from '../../src/pipeline/ingest/types.ts';

const PARAMS: PipelineParams = {
  k: 2, kMin: 2, kMax: 4, seed: 1, restarts: 4, minDf: 2, maxDf: 1, phrases: true,
  lsaDims: 4, neighbors: 4, minDist: 0.1, epochs: null, bin: 'auto', skipProjection: true,
};

function corpus(texts: string[]): Paper[] {
  return texts.map((t, i) => ({ id: `p${i}`, title: t.split('\n')[0]!, abstract: t.split('\n')[1]!, date: '2024-05', line: i + 1 }));
}

function recording(): { progress: Progress; warnings: string[] } {
  const warnings: string[] = [];
  const progress: Progress = {
    timings: {},
    peakRss: {},
    info: () => undefined,
    warn: (m) => warnings.push(m),
    stage: async (_name, work) => work(() => undefined),
  };
  return { progress, warnings };
}

// Two topics, deep learning (0-3) and quantum physics (4-7), written by hand.
const CHINESE = [
  '深度学习模型\n神经网络的深度学习训练方法',
  '神经网络训练\n深度学习模型与神经网络',
  '图像识别\n基于深度学习和神经网络的图像识别',
  '语言模型\n神经网络语言模型的深度学习',
  '量子纠缠\n量子比特的纠缠测量实验',
  '量子比特\n超导量子比特与量子纠缠',
  '光子实验\n光子的量子纠缠测量',
  '量子测量\n量子比特纠缠的精密测量',
];

describe('runPipeline on non-Latin corpora', () => {
  it('clusters an all-Chinese corpus by topic instead of failing for want of terms', async () => {
    const { progress, warnings } = recording();
    const result = await runPipeline(corpus(CHINESE), PARAMS, progress);
    const labels = Array.from(result.levels.find((l) => l.name === 'default')!.labels);
    expect(new Set(labels.slice(0, 4)).size).toBe(1);
    expect(new Set(labels.slice(4)).size).toBe(1);
    expect(labels[0]).not.toBe(labels[4]);
    expect(warnings).toEqual([]);
  });

  it('separates Russian and Arabic papers from each other and from English ones', async () => {
    const texts = [
      'Нейронные сети\nГлубокие нейронные сети для распознавания речи',
      'Распознавание речи\nНейронные сети и распознавание речи',
      'Глубокие сети\nГлубокие нейронные сети',
      'التعلم العميق\nالشبكات العصبية للتعلم العميق',
      'الشبكات العصبية\nالتعلم العميق والشبكات العصبية',
      'نماذج التعلم\nالتعلم العميق للشبكات العصبية',
      'Graph neural networks\nMessage passing graph neural networks',
      'Graph learning\nGraph neural networks for molecules',
      'Molecular graphs\nGraph networks for molecular graphs',
    ];
    const result = await runPipeline(corpus(texts), { ...PARAMS, k: 3 }, recording().progress);
    const labels = Array.from(result.levels.find((l) => l.name === 'default')!.labels);
    expect([labels[0], labels[1], labels[2]].every((c) => c === labels[0])).toBe(true);
    expect([labels[3], labels[4], labels[5]].every((c) => c === labels[3])).toBe(true);
    expect([labels[6], labels[7], labels[8]].every((c) => c === labels[6])).toBe(true);
    expect(new Set([labels[0], labels[3], labels[6]]).size).toBe(3);
  });

  it('warns about the papers left without terms, with the reason', async () => {
    const texts = [...CHINESE, 'The 2024\n12 345 6789', 'Zebra\nquagga okapi'];
    const { progress, warnings } = recording();
    await runPipeline(corpus(texts), PARAMS, progress);
    expect(warnings).toEqual([
      'text: 2 papers have no usable terms (1 with no word but numbers, stopwords or symbols, 1 whose words all fall outside --min-df 2 / --max-df 1); their cluster and map position say nothing about their topic',
    ]);
    expect(termlessWarning(0, 1, 5, 0.5)).toBe(
      'text: 1 paper has no usable terms (1 whose words all fall outside --min-df 5 / --max-df 0.5); its cluster and map position say nothing about its topic',
    );
  });

  it('says a corpus without a usable word has none, rather than to lower --min-df', async () => {
    await expect(runPipeline(corpus(['A\n12 34', 'The\n56 78', 'Of\n90 12']), PARAMS)).rejects.toThrow(
      'no paper has a usable word: the titles and abstracts hold only numbers, stopwords or symbols',
    );
  });
});

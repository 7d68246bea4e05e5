/**
 * Seeded generator of small, well-formed corpora that the fuzz cases then
 * damage. The papers are synthetic (three topics of distinct words) so the
 * whole pipeline runs on two dozen of them in a fraction of a second, and the
 * same seed always gives the same bytes.
 */
import { gzipSync } from 'node:zlib';

/** mulberry32: tiny, fast and good enough to pick words and bytes reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'neural network training gradient descent optimizer layer transformer attention embedding token language model pretraining finetuning loss batch dropout'.split(' '),
  'quantum qubit entanglement superposition decoherence photon lattice spin hamiltonian error correction gate circuit measurement fidelity topological'.split(' '),
  'protein folding genome sequencing cell molecular binding enzyme mutation expression pathway receptor clinical tissue biomarker antibody'.split(' '),
];
const COMMON = 'we propose a novel method results show improved performance on benchmark experiments demonstrate the approach'.split(' ');

export interface PaperRecord {
  id: string;
  title: string;
  abstract: string;
  date: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** `n` distinct papers dated 2019..2024, ids "2101.00001"-style. */
export function basePapers(n: number, seed = 1): PaperRecord[] {
  const r = rng(seed);
  const papers: PaperRecord[] = [];
  for (let i = 0; i < n; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const words = (count: number) =>
      Array.from({ length: count }, () => (r() < 0.75 ? pick(r, topic) : pick(r, COMMON))).join(' ');
    const year = 2019 + (i % 6);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const mm = String(month).padStart(2, '0');
    papers.push({
      id: `${String(year - 2000).padStart(2, '0')}${mm}.${String(10000 + i).padStart(5, '0')}`,
      title: `${words(6)} ${i}`,
      abstract: `${words(45)}.`,
      date: `${year}-${mm}-${String(day).padStart(2, '0')}`,
    });
  }
  return papers;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function concatBytes(...parts: (Uint8Array | string)[]): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

export function jsonl(records: readonly unknown[], eol = '\n'): string {
  return records.map((r) => JSON.stringify(r)).join(eol) + eol;
}

export function jsonArray(records: readonly unknown[], pretty = false): string {
  return pretty ? JSON.stringify(records, null, 2) : JSON.stringify(records);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csv(records: readonly Record<string, string>[], header: readonly string[], eol = '\n'): string {
  const lines = [header.join(','), ...records.map((r) => header.map((h) => csvCell(r[h] ?? '')).join(','))];
  return lines.join(eol) + eol;
}

export function gzip(bytes: Uint8Array | string): Uint8Array {
  return gzipSync(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
}

export function randomBytes(n: number, seed: number): Uint8Array {
  const r = rng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
}

/** Abstracts in scripts the tokenizer may not split on spaces (CJK) or that run right to left (Arabic). */
const CHINESE = '深度学习 模型 在 自然语言 处理 任务 中 表现 优异 我们 提出 一种 新的 训练 方法 量子 计算 蛋白质 结构 预测 实验 结果 表明'.split(' ');
const ARABIC = 'التعلم العميق نموذج اللغة الطبيعية معالجة المهام نقترح طريقة جديدة للتدريب الحوسبة الكمومية البروتين تنبؤ النتائج التجريبية'.split(' ');

export function scriptPapers(n: number, script: 'chinese' | 'arabic', seed = 7): PaperRecord[] {
  const r = rng(seed);
  const words = script === 'chinese' ? CHINESE : ARABIC;
  const sep = script === 'chinese' ? '' : ' ';
  return Array.from({ length: n }, (_, i) => ({
    id: `${script}-${i}`,
    title: `${Array.from({ length: 5 }, () => pick(r, words)).join(sep)} ${i}`,
    abstract: Array.from({ length: 40 }, () => pick(r, words)).join(sep),
    date: `202${i % 5}-0${1 + (i % 9)}-15`,
  }));
}

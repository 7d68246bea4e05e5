import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import '../../../src/pipeline/text/index.ts';
import '../../../src/pipeline/vectors/index.ts';

describe('natural is loaded by file, not through its index', () => {
  it('does not load natural/index.js nor its database clients', () => {
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.some((f) => f.includes('natural/lib/natural/tokenizers/aggressive_tokenizer.js'))).toBe(true); // the check can see natural
    expect(loaded.filter((f) => /natural[/\\]lib[/\\]natural[/\\]index\.js$/.test(f))).toEqual([]);
    expect(loaded.filter((f) => /node_modules[/\\](mongoose|pg|redis|dotenv)[/\\]/.test(f))).toEqual([]);
  });
});

/** The last line of a run: the command that opens its artifact, copied into a shell as printed. */
import { describe, expect, it } from 'vitest';
import { openCommand } from '../../../src/pipeline/cli/preprocess.ts';

const root = '/home/u/topic-atlas';

describe('openCommand', () => {
  it('is plain npm run dev for the default folder, however it was written', () => {
    expect(openCommand('out/artifact', root, root)).toBe('npm run dev');
    expect(openCommand('./out/artifact/', root, root)).toBe('npm run dev');
    expect(openCommand('/home/u/topic-atlas/out/artifact', '/tmp', root)).toBe('npm run dev');
  });

  it('names another folder relative to the package root inside it, absolute outside it', () => {
    expect(openCommand('out/qph', root, root)).toBe('ATLAS_ARTIFACT=out/qph npm run dev');
    expect(openCommand('/tmp/pq', root, root)).toBe('ATLAS_ARTIFACT=/tmp/pq npm run dev');
    expect(openCommand('../runs/a', root, root)).toBe('ATLAS_ARTIFACT=/home/u/runs/a npm run dev');
  });

  it('quotes a path the shell would split or expand', () => {
    expect(openCommand("/tmp/my run's $HOME", root, root)).toBe(`ATLAS_ARTIFACT='/tmp/my run'\\''s $HOME' npm run dev`);
  });
});

/** A CSV header naming a column twice: the row object would keep only the last copy's text. */
import { describe, expect, it } from 'vitest';
import { ingestFile, UserError } from '../../../src/pipeline/ingest/index.ts';
import { scratchFiles } from './scratch.ts';

const tmpFile = scratchFiles('ingest-csv-header-');

describe('duplicated CSV header names', () => {
  it('a repeated column that is read is a one-line UserError naming the names, the columns and the line', async () => {
    const path = tmpFile('dup.csv', '\n"id",title,abstract,notes,abstract\na,T,Real abstract,n,see attached pdf\n');
    const error = await ingestFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `${path}:2: CSV header repeats "abstract" (columns 3 and 5); rename the copies so that each column read has one name, or map another column with --col-*`,
    );
  });

  it('a repeated mapped column is refused too', async () => {
    const path = tmpFile('dup-mapped.csv', 'key,title,abstract,key\na,T,A,b\n');
    await expect(ingestFile(path, { columns: { id: 'key' } })).rejects.toThrow(`${path}:1: CSV header repeats "key" (columns 1 and 4)`);
    // Not mapped: "key" is not read, so it is only a warning.
    const { report } = await ingestFile(path);
    expect(report.warnings).toEqual([`${path}:1: CSV header repeats "key" (columns 1 and 4); not read, so no text is affected`]);
  });

  it('a repeated column that is not read is a warning, and the text read is unchanged', async () => {
    const path = tmpFile('dup-unread.csv', 'id,title,abstract,notes,notes,x,x\na,T,Real abstract,n,m,1,2\n');
    const { papers, report } = await ingestFile(path);
    expect(papers.map((p) => p.abstract)).toEqual(['Real abstract']);
    expect(report.warnings).toEqual([`${path}:1: CSV header repeats "notes" (columns 4 and 5), "x" (columns 6 and 7); not read, so no text is affected`]);
  });
});

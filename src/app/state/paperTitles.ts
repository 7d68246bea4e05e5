/**
 * Titles and ids, fetched a shard at a time when a view asks for a paper's
 * (a hover, the paper panel, labels at zoom, an export). `titles` and `ids`
 * are arrays of n with holes where a shard has not arrived; `onChange` hears
 * each shard that arrives or fails, so the state can tell the views.
 */
import { decodeTitleShard, shardLength, shardOf, type TitleShard } from '../../schema/artifact.ts';
import { defaultFetcher, fetchDecoded, type Fetcher, type LoadedArtifact } from './loadArtifact.ts';

export class PaperTitles {
  readonly titles: string[];
  readonly ids: string[];
  readonly #a: LoadedArtifact;
  readonly #fetcher: Fetcher;
  readonly #onChange: () => void;
  readonly #pending = new Map<number, Promise<TitleShard>>();
  readonly #errors = new Map<number, string>();
  readonly #after: Promise<unknown>;

  /** Nothing is fetched before `after` settles (the first map paint: it goes first). */
  constructor(a: LoadedArtifact, onChange: () => void = () => undefined, fetcher: Fetcher = defaultFetcher, after: Promise<unknown> = Promise.resolve()) {
    this.#a = a;
    this.#fetcher = fetcher;
    this.#onChange = onChange;
    this.#after = after;
    this.titles = new Array<string>(a.n);
    this.ids = new Array<string>(a.n);
  }

  /** Titles shards fetched or being fetched. */
  get requested(): number {
    return this.#pending.size;
  }

  /** Starts fetching the shards of these papers that are not in or on their way. */
  request(papers: Iterable<number>): void {
    for (const i of papers) if (i >= 0 && i < this.#a.n) void this.#shard(shardOf(this.#a.manifest.titles, i).shard).catch(() => undefined);
  }

  /** Why paper i's title could not be loaded ("could not load titles shard 3: ..."), if it could not. */
  errorFor(i: number): string | undefined {
    return this.#errors.get(shardOf(this.#a.manifest.titles, i).shard);
  }

  async entry(i: number): Promise<{ id: string; title: string }> {
    const { shard, at } = shardOf(this.#a.manifest.titles, i);
    const t = await this.#shard(shard);
    return { id: t.ids[at]!, title: t.titles[at]! };
  }

  /** Fetches the shards holding these papers (all papers when omitted); rejects with the first failure. */
  async loadAll(papers?: Iterable<number>): Promise<void> {
    const set = this.#a.manifest.titles;
    const shards = new Set<number>();
    if (papers) for (const i of papers) shards.add(shardOf(set, i).shard);
    else set.files.forEach((_, s) => shards.add(s));
    await Promise.all([...shards].map((s) => this.#shard(s)));
  }

  #shard(s: number): Promise<TitleShard> {
    let p = this.#pending.get(s);
    if (p) return p;
    const set = this.#a.manifest.titles;
    const what = `titles shard ${s}`;
    const length = shardLength(set, this.#a.n, s);
    p = this.#after.then(() => fetchDecoded(this.#a, set.files[s]!, what, (b) => decodeTitleShard(b, length, what), this.#fetcher));
    this.#pending.set(s, p);
    p.then(
      (t) => {
        const start = s * set.chunkSize;
        for (let j = 0; j < length; j++) {
          this.titles[start + j] = t.titles[j]!;
          this.ids[start + j] = t.ids[j]!;
        }
        this.#onChange();
      },
      (e: Error) => {
        this.#errors.set(s, e.message);
        this.#onChange();
      },
    );
    return p;
  }
}

#!/usr/bin/python3
"""The peer: the topic pipeline a Python user would write with scikit-learn and umap-learn.

TfidfVectorizer -> TruncatedSVD (randomized) -> Normalizer -> KMeans -> UMAP (cosine) on the LSA vectors.
Reads the same JSONL(.gz) corpus as `npm run preprocess` and prints one JSON object on stdout:
per-stage wall seconds, peak RSS (ru_maxrss) after each stage and, when asked, labels, 2-D coords and
the clustering / map quality scores used by `npm run eval`.

Run with /usr/bin/python3 (Debian's python3-sklearn and umap-learn); see ensure.sh.
"""
import argparse
import gzip
import json
import re
import resource
import sys
import time


def peak_rss_bytes():
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Stages:
    def __init__(self):
        self.seconds = {}
        self.peak_rss = {}
        self._t0 = time.perf_counter()

    def run(self, name, work):
        t = time.perf_counter()
        result = work()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
        self.peak_rss[name] = peak_rss_bytes()
        return result

    def finish(self):
        self.seconds['total'] = time.perf_counter() - self._t0
        self.peak_rss['total'] = peak_rss_bytes()


# The ingest's rule for rows lacking a title or an abstract (src/pipeline/ingest/derive-title.ts): an
# abstract alone is the text when it reads as text (5+ words making up half its tokens), a title alone when it
# has 8+ words. A word: 2-30 letters with inner apostrophes or hyphens, optionally in brackets or quotes.
WORD = re.compile(r"^[(\"'\u201c\u2018\[]?[^\W\d_](?:[^\W\d_]|['\u2019-]){1,29}[)\"'\u201d\u2019\].,;:!?]*$")
ABSTRACT_MIN_WORDS = 5
TITLE_ONLY_MIN_WORDS = 8


def reads_as_text(text, min_words):
    tokens = text.split()
    words = sum(1 for t in tokens if WORD.match(t))
    return words >= min_words and words >= 0.5 * len(tokens)


def read_corpus(path):
    """Rows with a title and an abstract, or with one of them that reads as text enough (the rule above; the
    text is then the abstract alone or the title alone); a later row with an id already seen, or with the same title and
    abstract (lower-cased, whitespace collapsed) as an earlier row, is dropped, as our ingest does (and as a
    Python user would with drop_duplicates on title + abstract)."""
    opener = gzip.open if path.endswith('.gz') else open
    texts, labels, seen = [], [], set()
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(row, dict):
                continue
            title = row.get('title')
            title = ' '.join(title.split()) if isinstance(title, str) else ''
            abstract = next((row[k] for k in ('abstract', 'summary', 'text') if isinstance(row.get(k), str) and row[k].strip()), '')
            abstract = ' '.join(abstract.split())
            if not abstract and not (title and reads_as_text(title, TITLE_ONLY_MIN_WORDS)):
                continue
            if not title and not reads_as_text(abstract, ABSTRACT_MIN_WORDS):
                continue
            key = row.get('id')
            content = (' '.join(title.lower().split()), ' '.join(abstract.lower().split()))
            if (key is not None and ('id', key) in seen) or content in seen:
                continue
            if key is not None:
                seen.add(('id', key))
            seen.add(content)
            texts.append(title + '\n' + abstract if title and abstract else title or abstract)
            label = row.get('label')
            labels.append(None if label is None else str(label))
    return texts, labels


def df_bound(value):
    """--min-df 5 is a document count, --min-df 0.01 a fraction (as in the CLI and in sklearn)."""
    v = float(value)
    return int(v) if v >= 1 and v == int(v) else v


def neighbour_preservation(X, coords, k=10, sample_size=None, seed=0x5EED):
    """Mean share of each sampled paper's k nearest neighbours in X (cosine; X has unit rows) that are also
    among its k nearest on the map. All papers when n <= 5000, else a seeded sample of 500 (as ours)."""
    import numpy as np
    n = X.shape[0]
    size = min(n, sample_size if sample_size is not None else (n if n <= 5000 else 500))
    rows = np.arange(n) if size >= n else np.sort(np.random.default_rng(seed).choice(n, size, replace=False))
    total = 0.0
    for start in range(0, len(rows), 256):
        block = rows[start:start + 256]
        high = 1.0 - X[block] @ X.T
        diff = coords[block][:, None, :] - coords[None, :, :]
        low = (diff * diff).sum(axis=2)
        high[np.arange(len(block)), block] = np.inf
        low[np.arange(len(block)), block] = np.inf
        hi = np.argpartition(high, k, axis=1)[:, :k]
        lo = np.argpartition(low, k, axis=1)[:, :k]
        for a, b in zip(hi, lo):
            total += len(set(a.tolist()) & set(b.tolist())) / k
    return total / len(rows)


def run_once(texts, args, seed, stages):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import Normalizer
    from sklearn.cluster import KMeans
    import umap

    vectorizer = TfidfVectorizer(min_df=df_bound(args.min_df), max_df=df_bound(args.max_df), sublinear_tf=True,
                                 stop_words='english', lowercase=True)
    tfidf = stages.run('tfidf', lambda: vectorizer.fit_transform(texts))
    dims = min(args.lsa_dims, tfidf.shape[1] - 1, tfidf.shape[0] - 1)
    svd = TruncatedSVD(n_components=dims, algorithm='randomized', random_state=seed)
    lsa = stages.run('lsa', lambda: Normalizer(copy=False).fit_transform(svd.fit_transform(tfidf)))
    kmeans = KMeans(n_clusters=args.k, n_init=args.restarts, random_state=seed)
    labels = stages.run('kmeans', lambda: kmeans.fit_predict(lsa))
    coords = None
    if not args.no_umap:
        reducer = umap.UMAP(n_neighbors=args.neighbors, metric='cosine', min_dist=args.min_dist, random_state=seed)
        coords = stages.run('umap', lambda: reducer.fit_transform(lsa))
    return tfidf, lsa, labels, coords


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--input', required=True)
    p.add_argument('--k', type=int, required=True)
    p.add_argument('--restarts', type=int, default=5)
    p.add_argument('--min-df', default='5')
    p.add_argument('--max-df', default='0.5')
    p.add_argument('--seed', type=int, default=42)
    p.add_argument('--lsa-dims', type=int, default=100)
    p.add_argument('--neighbors', type=int, default=15)
    p.add_argument('--min-dist', type=float, default=0.1)
    p.add_argument('--no-umap', action='store_true', help='stop after k-means')
    p.add_argument('--emit-labels', action='store_true', help='include cluster labels in the output')
    p.add_argument('--emit-coords', action='store_true', help='include the 2-D map in the output')
    p.add_argument('--eval-seeds', default='',
                   help='comma-separated seeds: run once per seed and score NMI/ARI/V-measure against the label '
                        'field and neighbour preservation of the map (overrides --seed)')
    p.add_argument('--out', help='write the JSON here instead of stdout')
    args = p.parse_args()

    stages = Stages()
    import_t = time.perf_counter()
    import numpy  # noqa: F401  (imports are part of what a Python user waits for)
    import sklearn
    import umap
    stages.seconds['import'] = time.perf_counter() - import_t
    stages.peak_rss['import'] = peak_rss_bytes()

    texts, truth = stages.run('ingest', lambda: read_corpus(args.input))
    result = {
        'peer': 'scikit-learn %s + umap-learn %s' % (sklearn.__version__, getattr(umap, '__version__', '?')),
        'python': sys.version.split()[0],
        'n': len(texts),
        'params': {k: v for k, v in vars(args).items() if k not in ('input', 'out')},
    }
    if args.eval_seeds:
        from sklearn import metrics
        if any(t is None for t in truth):
            raise SystemExit('peer: --eval-seeds needs a label field on every paper')
        runs = []
        for seed in [int(s) for s in args.eval_seeds.split(',') if s.strip()]:
            _, lsa, labels, coords = run_once(texts, args, seed, stages)
            h, c, v = metrics.homogeneity_completeness_v_measure(truth, labels)
            runs.append({
                'seed': seed,
                'nmi': metrics.normalized_mutual_info_score(truth, labels),
                'ari': metrics.adjusted_rand_score(truth, labels),
                'homogeneity': h, 'completeness': c, 'vMeasure': v,
                'preservation': None if coords is None else neighbour_preservation(lsa, coords),
            })
        result['eval'] = runs
    else:
        tfidf, lsa, labels, coords = run_once(texts, args, args.seed, stages)
        result['vocabulary'] = int(tfidf.shape[1])
        result['lsaDims'] = int(lsa.shape[1])
        if args.emit_labels:
            result['labels'] = labels.tolist()
        if args.emit_coords and coords is not None:
            result['coords'] = coords.ravel().tolist()
    stages.finish()
    result['seconds'] = stages.seconds
    result['peakRssBytes'] = stages.peak_rss
    text = json.dumps(result)
    if args.out:
        with open(args.out, 'w') as f:
            f.write(text)
    else:
        print(text)


if __name__ == '__main__':
    main()

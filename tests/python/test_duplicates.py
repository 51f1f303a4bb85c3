"""Near duplicates on constructed pairs of documents at stated Jaccard similarities:
what corpstat finds, against the theory of the banding and against datasketch's
MinHash and LSH with the same parameters (an independent implementation)."""

import math

import pytest
from datasketch import MinHash, MinHashLSH

import corpstat

WORDS = 200
SHINGLE = 5
BANDS, ROWS = 14, 8
THRESHOLD = 0.8
PAIRS = 600


def shared_prefix(jaccard: float) -> int:
    """The words two documents of WORDS distinct words share at their start so that
    their sets of 5-word shingles have this Jaccard similarity: with n = WORDS - 4
    shingles each and s shared, J = s / (2n - s)."""
    n = WORDS - SHINGLE + 1
    shared = round(jaccard * 2 * n / (1 + jaccard))
    return shared + SHINGLE - 1


def exact_jaccard(prefix: int) -> float:
    n = WORDS - SHINGLE + 1
    shared = prefix - SHINGLE + 1
    return shared / (2 * n - shared)


def pair(level: int, index: int, prefix: int):
    words = [f"l{level}p{index}w{i}" for i in range(WORDS)]
    other = words[:prefix] + [f"l{level}p{index}x{i}" for i in range(prefix, WORDS)]
    return " ".join(words), " ".join(other)


LEVELS = [0.95, 0.85, 0.75, 0.5]


def theory(jaccard: float) -> float:
    """The chance that a pair at this similarity is called near: a candidate by the
    bands, then an estimate of at least THRESHOLD from 112 values (binomial)."""
    candidate = 1 - (1 - jaccard ** ROWS) ** BANDS
    n = BANDS * ROWS
    need = math.ceil(THRESHOLD * n)
    verified = sum(math.comb(n, k) * jaccard ** k * (1 - jaccard) ** (n - k) for k in range(need, n + 1))
    # Both happen together more often than apart (a pair whose values agree often
    # is both banded and verified); the product is a lower bound, the verification
    # alone an upper one.
    return candidate * verified, verified


@pytest.fixture(scope="module")
def constructed():
    texts, ids, pairs = [], [], []
    for level, jaccard in enumerate(LEVELS):
        prefix = shared_prefix(jaccard)
        for index in range(PAIRS):
            a, b = pair(level, index, prefix)
            texts += [a, b]
            ids += [f"{level}-{index}-a", f"{level}-{index}-b"]
            pairs.append((jaccard, prefix, a, b, ids[-2], ids[-1]))
    return texts, ids, pairs


def corpstat_found(texts, ids):
    report = corpstat.report(texts=texts, ids=ids, threads=2)
    rows = report.table("duplicates").to_pydict()
    cluster = dict(zip(rows["document"], rows["cluster"]))
    return cluster, report.summary["duplicates"]


def datasketch_found(pairs):
    """Each pair's verdict by datasketch: a MinHash of 112 permutations over the same
    shingles, an LSH index of 14 bands of 8 rows, and a candidate kept when its
    estimated Jaccard similarity is at least 0.8."""
    lsh = MinHashLSH(num_perm=BANDS * ROWS, params=(BANDS, ROWS))
    sketches = {}
    for _, _, a, b, id_a, id_b in pairs:
        for text, key in ((a, id_a), (b, id_b)):
            words = text.split()
            sketch = MinHash(num_perm=BANDS * ROWS, seed=1)
            sketch.update_batch([" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
            sketches[key] = sketch
            lsh.insert(key, sketch)
    found = {}
    for _, _, _, _, id_a, id_b in pairs:
        candidate = id_b in lsh.query(sketches[id_a])
        found[id_a] = candidate and sketches[id_a].jaccard(sketches[id_b]) >= THRESHOLD
    return found


def test_near_duplicates_are_found_as_the_banding_predicts_and_as_datasketch_finds_them(constructed):
    texts, ids, pairs = constructed
    cluster, summary = corpstat_found(texts, ids)
    theirs = datasketch_found(pairs)
    rates = {}
    for jaccard in LEVELS:
        at_level = [p for p in pairs if p[0] == jaccard]
        ours = sum(1 for p in at_level if p[4] in cluster and cluster.get(p[4]) == cluster.get(p[5]))
        ds = sum(1 for p in at_level if theirs[p[4]])
        rates[jaccard] = (ours / len(at_level), ds / len(at_level), exact_jaccard(at_level[0][1]))
    print("\nJaccard (exact)  corpstat  datasketch  theory (lower, upper)")
    for jaccard, (ours, ds, exact) in rates.items():
        low, high = theory(exact)
        print(f"{jaccard:.2f} ({exact:.3f})    {ours:.3f}     {ds:.3f}       {low:.3f}, {high:.3f}")
    # Binomial noise over 600 pairs: 4 standard errors of a rate, at most 0.082.
    noise = 4 * math.sqrt(0.25 / PAIRS)
    for jaccard, (ours, ds, exact) in rates.items():
        low, high = theory(exact)
        assert low - noise <= ours <= high + noise, (jaccard, ours, low, high)
        assert abs(ours - ds) <= noise, (jaccard, ours, ds)
    assert rates[0.95][0] >= 0.99
    assert rates[0.85][0] >= 0.85       # recall at 0.85
    assert rates[0.5][0] <= 0.005       # false positives at 0.5
    # No pair is an exact duplicate, and no cluster spans two pairs.
    assert summary["exact"]["documents"] == 0
    assert summary["near"]["largest"] == 2

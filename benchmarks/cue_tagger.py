"""Would a learned cue tagger close the gap to PolNeAR's cue annotation? An experiment.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/cue_tagger.py --data /path/to/shared/data

A logistic regression tags every token of PolNeAR ``train`` as inside a gold cue or not, from
local features (the word, its suffixes, two words either side, word pairs, capitalisation,
whether the sentence holds a quotation mark) and, as a feature, whether the rule-based cue
finder of :mod:`framing.attribution` put a cue on that token. Runs of tagged tokens are cue
spans; they are scored on ``dev`` the way ``framing evaluate attribution`` scores cues (overlap
precision, recall and F1), next to the rules alone, for a few regularisation strengths and
thresholds. Nothing here is used by the library; the result is recorded in
``docs/ATTRIBUTION.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from framing.attribution import extract_attributions  # noqa: E402
from framing.evaluation.polnear import PolnearArticle, read_polnear  # noqa: E402
from framing.quotes import find_quotes  # noqa: E402
from framing.text import split_sentences  # noqa: E402

_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_QUOTE_MARKS = frozenset("“”\"‘’'")

Span = tuple[int, int]


def _overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


def token_features(text: str, rule_cues: Sequence[Span]) -> list[tuple[int, int, dict[str, Any]]]:
    """``(start, end, features)`` of every token, sentence by sentence."""
    out = []
    for sentence in split_sentences(text):
        toks = [
            (m.start(), m.end(), m.group())
            for m in _TOKEN_RE.finditer(text, sentence.start, sentence.end)
        ]
        has_quote = any(t[2] in _QUOTE_MARKS for t in toks)
        lows = [t[2].lower() for t in toks]
        padded = ["<s>", "<s>", *lows, "</s>", "</s>"]  # padded[i + 2] is token i
        for i, (start, end, word) in enumerate(toks):
            low = lows[i]

            feats: dict[str, Any] = {
                f"w={low}": 1,
                f"suffix3={low[-3:]}": 1,
                f"suffix2={low[-2:]}": 1,
                f"w-1|w={padded[i + 1]}|{low}": 1,
                f"w|w+1={low}|{padded[i + 3]}": 1,
                "capitalised": int(word[:1].isupper()),
                "sentence_start": int(i == 0),
                "sentence_has_quote": int(has_quote),
            }
            for k in (-2, -1, 1, 2):
                feats[f"w{k:+d}={padded[i + 2 + k]}"] = 1
            if _overlaps(start, end, rule_cues):
                feats["rule_cue"] = 1
                feats[f"rule_cue|w={low}"] = 1
            out.append((start, end, feats))
    return out


def rule_cues(text: str) -> list[Span]:
    sentences = split_sentences(text)
    result = extract_attributions(text, sentences, find_quotes(text, sentences))
    return [(a.cue.start, a.cue.end) for a in result.attributions if a.cue.end > a.cue.start]


def build(articles: Sequence[PolnearArticle]) -> tuple[list[dict[str, Any]], Any, list[Any]]:
    rows: list[dict[str, Any]] = []
    labels: list[int] = []
    where: list[tuple[str, int, int]] = []
    for art in articles:
        gold = [f for g in art.gold.get("cue", ()) for f in g.fragments]
        for start, end, feats in token_features(art.text, rule_cues(art.text)):
            rows.append(feats)
            labels.append(int(_overlaps(start, end, gold)))
            where.append((art.name, start, end))
    return rows, np.array(labels), where


def spans_from_tokens(where: Sequence[tuple[str, int, int]], tagged: Any) -> dict[str, list[Span]]:
    """Runs of consecutive tagged tokens (at most one character apart) as spans."""
    spans: dict[str, list[Span]] = defaultdict(list)
    last: tuple[str, int] | None = None
    for (name, start, end), on in zip(where, tagged, strict=True):
        if not on:
            last = None
            continue
        if last is not None and last[0] == name and start - last[1] <= 1:
            spans[name][-1] = (spans[name][-1][0], end)
        else:
            spans[name].append((start, end))
        last = (name, end)
    return spans


def score(articles: Sequence[PolnearArticle], predicted: dict[str, list[Span]]) -> str:
    n_pred = n_gold = hit_pred = hit_gold = 0
    for art in articles:
        gold = art.gold.get("cue", ())
        frags = [f for g in gold for f in g.fragments]
        pred = predicted.get(art.name, [])
        n_pred += len(pred)
        n_gold += len(gold)
        hit_pred += sum(1 for s, e in pred if _overlaps(s, e, frags))
        hit_gold += sum(1 for g in gold if any(_overlaps(s, e, pred) for s, e in g.fragments))
    p, r = hit_pred / max(n_pred, 1), hit_gold / max(n_gold, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  ({n_pred} predicted, {n_gold} gold)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    args = parser.parse_args(argv)
    train = read_polnear(args.data / "polnear" / "train")
    dev = read_polnear(args.data / "polnear" / "dev")
    x_train, y_train, _ = build(train)
    x_dev, _, where = build(dev)
    print(f"tokens: train {len(x_train)} ({y_train.sum()} in cues), dev {len(x_dev)}")
    print("rules alone:", score(dev, {a.name: rule_cues(a.text) for a in dev}))
    vec = DictVectorizer()
    a_train, a_dev = vec.fit_transform(x_train), vec.transform(x_dev)
    for m in (a_train, a_dev):  # scikit-learn's lbfgs wants 32-bit sparse indices
        m.indices, m.indptr = m.indices.astype(np.int32), m.indptr.astype(np.int32)
    for c in (0.3, 1.0):
        clf = LogisticRegression(C=c, max_iter=300).fit(a_train, y_train)
        proba = clf.predict_proba(a_dev)[:, 1]
        for threshold in (0.3, 0.4, 0.5, 0.6):
            spans = spans_from_tokens(where, proba >= threshold)
            print(f"tagger C={c} threshold={threshold}:", score(dev, spans))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

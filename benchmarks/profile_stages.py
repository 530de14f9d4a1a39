"""Where the analysis spends its time: CPU milliseconds per article for each step, and a
pyinstrument profile of the whole analysis.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/profile_stages.py --data /path/to/shared/data [--profile]

The steps are timed with ``time.process_time`` (CPU time of this process), so the figures hold
on a busy machine better than wall-clock ones; vaderSentiment scoring of the same sentences is
timed the same way for comparison.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from framing.actors import link_actors  # noqa: E402
from framing.analyze import Analyzer, text_hash  # noqa: E402
from framing.attribution import extract_attributions  # noqa: E402
from framing.boilerplate import detect_boilerplate  # noqa: E402
from framing.quotes import find_quotes  # noqa: E402
from framing.records import dumps, to_record  # noqa: E402
from framing.scores import compute_scores, voice_segments  # noqa: E402
from framing.text import sentence_spans, split_sentences  # noqa: E402
from framing.types import Document  # noqa: E402

T = TypeVar("T")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", type=Path, default=Path(os.environ.get("FRAMING_DATA_DIR", "")))
    p.add_argument("--profile", action="store_true", help="also print a pyinstrument profile")
    args = p.parse_args()
    files = sorted((args.data / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        raise SystemExit("no polnear/train/text/*.txt under --data")
    texts = [f.read_text(encoding="utf-8") for f in files]
    analyzer = Analyzer()
    lexicons = analyzer.lexicons
    for t in texts[:50]:  # warm-up: compiled patterns, caches
        analyzer.analyze(Document(id="w", text=t))

    spent: dict[str, float] = {}

    def step(name: str, fn: Callable[..., T], *a: Any) -> T:
        start = time.process_time()
        out = fn(*a)
        spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return out

    for text in texts:
        excluded = step("boilerplate", detect_boilerplate, text)
        sentences = step("sentences", split_sentences, text)
        quotes = step("quotes", find_quotes, text, sentences)
        result = step("attribution", extract_attributions, text, sentences, quotes, excluded)
        hits = step("lexicon", lexicons.match, text, sentences)
        reported = tuple((c.start, c.end) for c in result.reported)
        segments = step("voice segments", voice_segments, text, excluded, result.quotes, reported)
        step("scores", compute_scores, text, segments, hits, result.quotes, result.attributions)
        step("actors", link_actors, text, tuple(hits), result.attributions, sentences)
        step("text hash", text_hash, text)
        analysis = step("whole analysis", analyzer.analyze, Document(id="x", text=text))
        step("record + JSON", lambda a=analysis: dumps(to_record(a)))

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    start = time.process_time()
    for text in texts:
        for s, e in sentence_spans(text):
            vader.polarity_scores(text[s:e])
    spent["vaderSentiment (same sentences)"] = time.process_time() - start

    n = len(texts)
    print(f"| step | CPU ms / article ({n} articles) |")
    print("|---|---:|")
    for name, seconds in spent.items():
        print(f"| {name} | {1000 * seconds / n:.3f} |")

    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for text in texts:
            dumps(to_record(analyzer.analyze(Document(id="x", text=text))))
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

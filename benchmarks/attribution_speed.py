"""What attribution costs ``framing analyze``: CPU throughput with and without it.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/attribution_speed.py --data /path/to/shared/data [--repeats 5]

With ``--installed`` (and no ``PYTHONPATH``) it measures the framing installed in the running
environment, e.g. a wheel whose hot modules were compiled with mypyc (``hatch_build.py``).

Both modes run over the 840 PolNeAR train texts in the same process. Each repeat walks the texts
in chunks of 20 and times both analyzers on every chunk, one right after the other (which one
goes first alternates), with ``time.process_time``; a repeat's ratio is the CPU time without
attribution over the CPU time with it, summed over the chunks. On a shared host the speed of
the machine drifts within seconds; interleaving at this grain gives both modes the same drift,
so the ratio moves far less than either throughput. The median of the repeats is reported.
``extract_attributions`` alone is timed on pre-split sentences and quotations.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
# --installed measures the installed framing (a wheel, compiled with mypyc where the build could)
# instead of the checkout's source; read before the imports below, which it decides.
if "--installed" not in sys.argv[1:]:
    sys.path.insert(0, str(REPO))

import framing  # noqa: E402
from framing.analyze import Analyzer  # noqa: E402
from framing.attribution import extract_attributions  # noqa: E402
from framing.boilerplate import detect_boilerplate  # noqa: E402
from framing.quotes import find_quotes  # noqa: E402
from framing.text import split_sentences  # noqa: E402
from framing.types import Document  # noqa: E402

T = TypeVar("T")


def _cpu(fn: Callable[[T], object], items: Sequence[T]) -> float:
    t0 = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - t0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", type=Path, default=Path(os.environ.get("FRAMING_DATA_DIR", "")))
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--installed", action="store_true", help="measure the installed framing")
    args = p.parse_args()
    files = sorted((args.data / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        raise SystemExit("no polnear/train/text/*.txt under --data")
    docs = [Document(id=f.stem, text=f.read_text(encoding="utf-8")) for f in files]
    on, off = Analyzer(attribution=True), Analyzer(attribution=False)
    for d in docs[:50]:  # warm-up: compiled patterns, caches
        on.analyze(d)
        off.analyze(d)
    prepared: list[tuple[Any, ...]] = []
    for d in docs:
        text = d.text
        sentences = split_sentences(text)
        prepared.append((text, sentences, find_quotes(text, sentences), detect_boilerplate(text)))
    chunks = [docs[i : i + 20] for i in range(0, len(docs), 20)]
    t_on: list[float] = []
    t_off: list[float] = []
    t_attr: list[float] = []
    for r in range(args.repeats):
        on_s = off_s = 0.0
        for k, chunk in enumerate(chunks):
            for analyzer in (off, on) if (k + r) % 2 == 0 else (on, off):
                seconds = _cpu(analyzer.analyze, chunk)
                if analyzer is on:
                    on_s += seconds
                else:
                    off_s += seconds
        t_on.append(on_s)
        t_off.append(off_s)
        t_attr.append(_cpu(lambda a: extract_attributions(*a), prepared))
    n = len(docs)
    ratios = [b / a for a, b in zip(t_on, t_off, strict=True)]
    compiled = framing.compiled_modules()
    build = f"compiled with mypyc: {', '.join(compiled)}" if compiled else "pure Python"
    print(f"framing from {Path(framing.__file__).parent} ({build})")
    print(f"articles: {n}, repeats: {args.repeats}")
    print(f"analyze, attribution off:     {n / statistics.median(t_off):7.0f} articles/s")
    print(f"analyze, attribution on:      {n / statistics.median(t_on):7.0f} articles/s")
    print(f"extract_attributions:     {1000 * statistics.median(t_attr) / n:7.3f} ms/article")
    print(f"ratio on/off (median of repeats): {statistics.median(ratios):.3f}")
    print(f"ratio on/off (each repeat): {' '.join(f'{r:.3f}' for r in ratios)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

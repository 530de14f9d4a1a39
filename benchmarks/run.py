"""Benchmark `framing analyze` against vaderSentiment on the same texts, in one run.

Usage (from the repository root; vaderSentiment is a benchmark-only dependency)::

    pip install vaderSentiment
    PYTHONPATH=. python benchmarks/run.py --data /path/to/shared/data --repeats 3

That measures the checkout's source, interpreted. To measure an installed wheel instead (built
with ``pip install .``, which compiles the hot modules with mypyc when a C compiler is present;
see ``hatch_build.py``), run the same script from that environment with ``--installed``::

    pip install . vaderSentiment
    python benchmarks/run.py --installed --data /path/to/shared/data --repeats 3

Measures, on ``polnear/train/text`` (840 articles) and on a corpus made by repeating it
``--scale`` times (10x):

- library throughput in one process, articles/s and MB/s: the full analysis (lexicon, quotes,
  attribution, scores, JSONL record), the analysis without attribution, and vaderSentiment
  scoring every sentence (sentences split with :func:`framing.text.sentence_spans`, so both see
  the same sentences); the ratios to vaderSentiment. The three are interleaved by chunks of 20
  articles, in a rotating order, so that all three see the same drift of a shared host's speed;
- ``framing analyze`` end to end (a subprocess: start-up, reading, writing) with 1 and 2 jobs
  at 1x and at 10x (where the serial start-up weighs little), and its peak RSS (``os.wait4``
  of that subprocess, workers included) at 1x and 10x; as the ceiling for 2 processes on this
  machine, two independent ``--jobs 1`` runs on the two halves of the 10x corpus started
  together;
- ``framing report`` and ``framing compare`` time over the analysed 10x corpus and over
  ``--big`` (100,000) analysed articles made by repeating the analysed records with new ids.

Each figure is the median of ``--repeats`` runs (the machine may be shared). The results are
printed as Markdown and saved as JSON (``--json``). Everything is written under ``--work``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parent.parent
# --installed measures the framing installed in this environment (a wheel, compiled with mypyc
# where the build could: see hatch_build.py) instead of the checkout's source. It is read here,
# before the imports below, because it decides where they come from.
INSTALLED = "--installed" in sys.argv[1:]
if not INSTALLED:
    sys.path.insert(0, str(REPO))

import framing  # noqa: E402
from framing.analyze import Analyzer  # noqa: E402
from framing.records import dumps, to_record  # noqa: E402
from framing.text import sentence_spans  # noqa: E402
from framing.types import Document  # noqa: E402


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "framing": str(Path(framing.__file__).parent),
        "compiled_modules": list(framing.compiled_modules()),
        "load_average_at_start": [round(x, 2) for x in load],
    }


# --------------------------------------------------------------------------- corpora


def build_corpus(source: Path, out: Path, scale: int) -> tuple[int, float]:
    """A JSONL corpus: every article of ``source`` repeated ``scale`` times with new ids.

    The outlet is the file-name prefix (``nyt_2016-...`` -> ``nyt``). Returns (articles, MB).
    """
    files = sorted(source.glob("*.txt"))
    n = 0
    size = 0
    with out.open("wb") as fh:
        for k in range(scale):
            for f in files:
                text = f.read_text(encoding="utf-8")
                doc = {"id": f"{f.stem}-r{k}", "source": f.name.split("_", 1)[0], "text": text}
                fh.write(orjson.dumps(doc) + b"\n")
                n += 1
                size += len(text.encode("utf-8"))
    return n, size / 1e6


def load_texts(corpus: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in corpus.read_bytes().splitlines() if line.strip()]


def replicate_results(results: Path, out: Path, total: int) -> int:
    """``total`` analysed records made by repeating ``results`` with new ids."""
    records = [orjson.loads(x) for x in results.read_bytes().splitlines() if x.strip()]
    n = 0
    with out.open("wb") as fh:
        k = 0
        while n < total:
            for r in records:
                if n >= total:
                    break
                fh.write(dumps({**r, "id": f"{r['id']}-b{k}"}))
                n += 1
            k += 1
    (out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")).write_bytes(b"")
    return n


# --------------------------------------------------------------------------- measuring


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()``."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


# Started by run_process to run the measured command: the peak RSS that wait4 reports for a
# child includes the RSS of the process that forked it (the child's memory starts as a copy of
# its parent's), so the command is forked from this small launcher, not from the benchmark
# process, which holds corpora and analyzers. It prints the command's exit code, wall seconds,
# CPU seconds and peak RSS (KB) as JSON.
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
print(json.dumps([code, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))
"""


def run_process(cmd: Sequence[str], timeout: float | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of a subprocess, its
    waited-for workers included. Raises SystemExit if it fails or runs past ``timeout``."""
    env = _env()
    launcher = [sys.executable, "-c", _LAUNCHER, *cmd]
    # a session of its own, so that a timeout stops the command and its workers too
    proc = subprocess.Popen(
        launcher,
        cwd=_cwd(),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise SystemExit(f"timed out after {timeout:.0f} s: {' '.join(cmd)}") from exc
    if proc.returncode != 0:
        raise SystemExit(f"launcher failed ({proc.returncode}): {err.decode(errors='replace')}")
    code, wall, cpu, max_kb = orjson.loads(out.splitlines()[-1])
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}")
    return wall, cpu, max_kb / 1024


def run_pair(cmds: Sequence[Sequence[str]]) -> float:
    """Wall seconds until all of ``cmds`` (started together, independent processes) finish."""
    env = _env()
    start = time.perf_counter()
    procs = [subprocess.Popen(c, cwd=_cwd(), env=env, stdout=subprocess.DEVNULL) for c in cmds]
    for proc, cmd in zip(procs, cmds, strict=True):
        if proc.wait() != 0:
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return time.perf_counter() - start


def split_corpus(corpus: Path, parts: int) -> list[Path]:
    """``corpus`` cut into ``parts`` JSONL files of consecutive lines (as equal as possible)."""
    lines = corpus.read_bytes().splitlines(keepends=True)
    size = -(-len(lines) // parts)
    out = []
    for k in range(parts):
        path = corpus.with_name(f"{corpus.stem}_part{k}.jsonl")
        path.write_bytes(b"".join(lines[k * size : (k + 1) * size]))
        out.append(path)
    return out


def _env() -> dict[str, str]:
    """The environment of measured subprocesses: the checkout on the path, unless --installed."""
    if INSTALLED:
        return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _cwd() -> Path:
    """Where measured subprocesses start: not the checkout when --installed (``python -c``
    puts its working directory first on the path)."""
    return Path(os.path.expanduser("~")) if INSTALLED else REPO


def cli(*args: str) -> list[str]:
    if INSTALLED:  # the installed entry point (its cwd, the checkout, is not on its path)
        return [str(Path(sys.executable).with_name("framing")), *args]
    return [sys.executable, str(REPO / "cli.py"), *args]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def rates(runs: Sequence[tuple[float, float]], articles: int, mb: float) -> dict[str, Any]:
    """Medians of (wall, CPU) seconds as articles/s and MB/s, by wall clock and by CPU time."""
    wall = median([w for w, _ in runs])
    cpu = median([c for _, c in runs])
    return {
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "articles_per_s": round(articles / wall, 1),
        "MB_per_s": round(mb / wall, 3),
        "articles_per_cpu_s": round(articles / cpu, 1),
        "all_seconds": [round(w, 3) for w, _ in runs],
        "all_cpu_seconds": [round(c, 3) for _, c in runs],
    }


PARTS = ("library", "cli", "reports", "memory", "tables")


def library_memory(corpus: Path, out: Path) -> dict[str, Any]:
    """Peak RSS of the analysis alone (``framing.pipeline``, no command-line imports)."""
    code = (
        "import sys; from pathlib import Path; from framing.pipeline import analyze_inputs; "
        "analyze_inputs([sys.argv[1]], Path(sys.argv[2]), jobs=1)"
    )
    wall, cpu, rss = run_process([sys.executable, "-c", code, str(corpus), str(out)])
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_rss_MB": round(rss, 1)}


def tables_big(results: Path, dataset: Path) -> dict[str, Any]:
    """Convert analyze JSONL to a Parquet dataset, then aggregate it with DuckDB
    (:func:`framing.tables.density`), each in a subprocess: time and peak RSS."""
    convert = (
        "import sys; from framing.tables import ParquetDatasetWriter as W\n"
        "w = W(sys.argv[2])\n"
        "for line in open(sys.argv[1], 'rb'): w.add_json(line)\n"
        "w.close()"
    )
    aggregate = (
        "import sys; from framing.tables import density, open_tables\n"
        "density(sys.argv[1], group='source')\n"
        "con = open_tables(sys.argv[1])\n"
        "con.sql('SELECT source, avg(weighted_all), avg(anonymous_rate) FROM documents "
        "GROUP BY source').df()\n"
        "con.sql('SELECT term, count(*) n FROM hits GROUP BY term ORDER BY n DESC LIMIT 20').df()"
    )
    out: dict[str, Any] = {}
    for name, code, args in (
        ("jsonl_to_parquet", convert, [str(results), str(dataset)]),
        ("duckdb_aggregate", aggregate, [str(dataset)]),
    ):
        wall, cpu, rss = run_process([sys.executable, "-c", code, *args])
        out[name] = {
            "seconds": round(wall, 2),
            "cpu_seconds": round(cpu, 2),
            "peak_rss_MB": round(rss, 1),
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", type=Path, default=Path(os.environ.get("FRAMING_DATA_DIR", "")))
    p.add_argument("--work", type=Path, default=Path("/tmp/framing-bench"))
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--scale", type=int, default=10)
    p.add_argument("--big", type=int, default=100_000, help="articles for report/compare (0: skip)")
    p.add_argument("--timeout", type=float, default=600, help="limit per report/compare run")
    p.add_argument("--json", type=Path, default=None, help="save the results here")
    p.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed framing (e.g. a compiled wheel), not the checkout's source",
    )
    p.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated subset of: {', '.join(PARTS)} (later parts reuse files of "
        "earlier runs in --work)",
    )
    args = p.parse_args(argv)
    parts = set(args.parts.split(","))
    if parts - set(PARTS):
        raise SystemExit(f"unknown part(s): {', '.join(sorted(parts - set(PARTS)))}")

    source = args.data / "polnear" / "train" / "text"
    if not source.is_dir():
        raise SystemExit(f"{source} not found: pass --data (the shared data folder)")
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    # the larger corpus is stored under the key "10x" whatever --scale is; "scale" says what it is
    results: dict[str, Any] = {"machine": machine(), "repeats": args.repeats, "scale": args.scale}
    print(f"machine: {results['machine']}", flush=True)

    c1 = work / "corpus_1x.jsonl"
    c10 = work / f"corpus_{args.scale}x.jsonl"
    n1, mb1 = build_corpus(source, c1, 1)
    n10, mb10 = build_corpus(source, c10, args.scale)
    results["corpus"] = {"1x": {"articles": n1, "MB": mb1}, "10x": {"articles": n10, "MB": mb10}}
    out10 = work / f"out_{args.scale}x.jsonl"

    if "library" in parts:
        # --- library throughput, one process, same texts --------------------------------------
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        rows = load_texts(c1)
        docs = [Document(id=r["id"], text=r["text"], source=r["source"]) for r in rows]
        full = Analyzer()
        lite = Analyzer(full.lexicons, attribution=False)
        vader = SentimentIntensityAnalyzer()

        def run_full(part: Sequence[Document]) -> None:
            for d in part:
                dumps(to_record(full.analyze(d)))

        def run_lite(part: Sequence[Document]) -> None:
            for d in part:
                dumps(to_record(lite.analyze(d)))

        def run_vader(part: Sequence[Document]) -> None:
            for d in part:
                t = d.text
                for s, e in sentence_spans(t):
                    vader.polarity_scores(t[s:e])

        run_full(docs)  # warm up caches (lexicons compiled, regexes) before timing
        run_vader(docs)
        modes = {"framing": run_full, "framing_no_attribution": run_lite, "vader": run_vader}
        lib: dict[str, list[tuple[float, float]]] = {k: [] for k in modes}
        chunks = [docs[i : i + 20] for i in range(0, len(docs), 20)]
        for r in range(args.repeats):
            # interleaved by chunks of 20 articles, the order rotating, so that all three see
            # the same drift of the host's speed
            wall = dict.fromkeys(modes, 0.0)
            cpu = dict.fromkeys(modes, 0.0)
            names = list(modes)
            for k, chunk in enumerate(chunks):
                shift = (k + r) % len(names)
                for name in names[shift:] + names[:shift]:
                    w0, c0 = time.perf_counter(), time.process_time()
                    modes[name](chunk)
                    wall[name] += time.perf_counter() - w0
                    cpu[name] += time.process_time() - c0
            for name in modes:
                lib[name].append((wall[name], cpu[name]))
        library = {k: rates(v, n1, mb1) for k, v in lib.items()}
        vader_rate = library["vader"]["articles_per_s"]
        vader_cpu_rate = library["vader"]["articles_per_cpu_s"]
        for name, v in library.items():
            v["ratio_to_vader"] = round(v["articles_per_s"] / vader_rate, 3)
            v["cpu_ratio_to_vader"] = round(v["articles_per_cpu_s"] / vader_cpu_rate, 3)
            # each repeat's own ratio: both modes ran interleaved within it, so it pairs them
            # under the same load (the median of these is the paired estimate)
            v["cpu_ratio_to_vader_per_repeat"] = [
                round(vc / fc, 3) for (_, fc), (_, vc) in zip(lib[name], lib["vader"], strict=True)
            ]
        results["library_1x"] = library
        print(orjson.dumps(library, option=orjson.OPT_INDENT_2).decode(), flush=True)

    if "cli" in parts:
        # --- framing analyze end to end -------------------------------------------------------
        e2e: dict[str, list[tuple[float, float, float]]] = {"jobs1": [], "jobs2": []}
        for _ in range(args.repeats):
            for jobs in (1, 2):
                out = work / f"out_1x_j{jobs}.jsonl"
                cmd = cli("analyze", str(c1), "-o", str(out), "--jobs", str(jobs), "--quiet")
                e2e[f"jobs{jobs}"].append(run_process(cmd))
        same = (work / "out_1x_j1.jsonl").read_bytes() == (work / "out_1x_j2.jsonl").read_bytes()
        cli_1x: dict[str, Any] = {}
        for key, runs in e2e.items():
            cli_1x[key] = {
                **rates([(w, c) for w, c, _ in runs], n1, mb1),
                "peak_rss_MB": round(max(r for _, _, r in runs), 1),
            }
            if "library_1x" in results:  # the peer is measured by the library part
                vader_wall = results["library_1x"]["vader"]["articles_per_s"]
                cli_1x[key]["ratio_to_vader"] = round(cli_1x[key]["articles_per_s"] / vader_wall, 3)
        cli_1x["speedup_2_jobs"] = round(cli_1x["jobs1"]["seconds"] / cli_1x["jobs2"]["seconds"], 3)
        cli_1x["cpu_seconds_2_jobs_over_1"] = round(
            cli_1x["jobs2"]["cpu_seconds"] / cli_1x["jobs1"]["cpu_seconds"], 3
        )
        cli_1x["jobs2_output_identical"] = same
        results["analyze_1x"] = cli_1x
        print(orjson.dumps(cli_1x, option=orjson.OPT_INDENT_2).decode(), flush=True)

        # 10x: 1 job, 2 jobs (the serial start-up, about 0.8 s, weighs little here) and, as the
        # machine's own ceiling for 2 processes, two independent `--jobs 1` runs on the two
        # halves of the corpus started together (no coordination, no shared output); the three
        # interleaved in each repeat, medians taken
        out10_j2 = work / f"out_{args.scale}x_j2.jsonl"
        halves = split_corpus(c10, 2)
        runs10: dict[str, list[tuple[float, float, float]]] = {"j1": [], "j2": []}
        pairs: list[float] = []
        for _ in range(args.repeats):
            runs10["j1"].append(
                run_process(cli("analyze", str(c10), "-o", str(out10), "--jobs", "1", "--quiet"))
            )
            runs10["j2"].append(
                run_process(cli("analyze", str(c10), "-o", str(out10_j2), "--jobs", "2", "-q"))
            )
            pairs.append(
                run_pair(
                    [
                        cli(
                            "analyze",
                            str(h),
                            "-o",
                            str(h.with_suffix(".out.jsonl")),
                            "-j",
                            "1",
                            "-q",
                        )
                        for h in halves
                    ]
                )
            )

        def summary(runs: Sequence[tuple[float, float, float]]) -> dict[str, Any]:
            wall = median([w for w, _, _ in runs])
            return {
                "seconds": round(wall, 2),
                "cpu_seconds": round(median([c for _, c, _ in runs]), 2),
                "articles_per_s": round(n10 / wall, 1),
                "MB_per_s": round(mb10 / wall, 3),
                "peak_rss_MB": round(max(r for _, _, r in runs), 1),
            }

        one, two = summary(runs10["j1"]), summary(runs10["j2"])
        wall10, wall10_j2 = (median([w for w, _, _ in runs10[k]]) for k in ("j1", "j2"))
        wall10_pair = median(pairs)
        rss1 = cli_1x["jobs1"]["peak_rss_MB"]
        results["analyze_10x"] = {
            "jobs": 1,
            **one,
            "rss_ratio_to_1x": round(one["peak_rss_MB"] / rss1, 3),
            "jobs2": two,
            "speedup_2_jobs": round(wall10 / wall10_j2, 3),
            "two_independent_halves_seconds": round(wall10_pair, 2),
            "speedup_two_independent_halves": round(wall10 / wall10_pair, 3),
            "speedup_2_jobs_per_repeat": [
                round(a[0] / b[0], 3) for a, b in zip(runs10["j1"], runs10["j2"], strict=True)
            ],
            "speedup_two_independent_halves_per_repeat": [
                round(a[0] / p, 3) for a, p in zip(runs10["j1"], pairs, strict=True)
            ],
            "all_seconds": {
                "jobs1": [round(w, 2) for w, _, _ in runs10["j1"]],
                "jobs2": [round(w, 2) for w, _, _ in runs10["j2"]],
                "two_independent_halves": [round(w, 2) for w in pairs],
            },
            "cpu_seconds_2_jobs_over_1": round(two["cpu_seconds"] / one["cpu_seconds"], 3),
            "jobs2_output_identical": out10.read_bytes() == out10_j2.read_bytes(),
        }
        print(orjson.dumps(results["analyze_10x"], option=orjson.OPT_INDENT_2).decode(), flush=True)

    # --- report and compare -----------------------------------------------------------------
    def report_compare(analysed: Path, tag: str) -> dict[str, Any]:
        fig: dict[str, Any] = {}
        for command in ("report", "compare"):
            target = work / f"{command}_{tag}"
            try:
                wall, cpu, rss = run_process(
                    cli(command, str(analysed), "-o", str(target)), timeout=args.timeout
                )
                fig[command] = {
                    "seconds": round(wall, 2),
                    "cpu_seconds": round(cpu, 2),
                    "peak_rss_MB": round(rss, 1),
                }
            except SystemExit as exc:
                fig[command] = {"error": str(exc)}
        return fig

    if "reports" in parts:
        results["report_compare_10x"] = report_compare(out10, f"{args.scale}x")
        print(orjson.dumps(results["report_compare_10x"]).decode(), flush=True)
        if args.big:
            big = work / "out_big.jsonl"
            n_big = replicate_results(work / "out_1x_j1.jsonl", big, args.big)
            results["report_compare_big"] = {"articles": n_big, **report_compare(big, "big")}
            print(orjson.dumps(results["report_compare_big"]).decode(), flush=True)

    if "memory" in parts:
        results["library_memory"] = {
            tag: library_memory(corpus, work / f"lib_{tag}.jsonl")
            for tag, corpus in (("1x", c1), (f"{args.scale}x", c10))
        }
        print(orjson.dumps(results["library_memory"]).decode(), flush=True)
    if "tables" in parts and (work / "out_big.jsonl").is_file():
        results["tables_big"] = tables_big(work / "out_big.jsonl", work / "big.parquet")
        print(orjson.dumps(results["tables_big"]).decode(), flush=True)

    if args.json:
        args.json.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    if {"library", "cli"} <= parts:
        print(markdown(results))
    return 0


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    lib = r["library_1x"]
    a1 = r["analyze_1x"]
    a10 = r["analyze_10x"]
    scale = r.get("scale", 10)
    lines = [
        f"Machine: {m['cpu']}, {m['nproc']} cores, Python {m['python']}, {m['date']}, "
        f"load average at start {m['load_average_at_start']}; medians of {r['repeats']} runs.",
        "",
        f"framing from {m.get('framing', '?')}: "
        + (
            f"compiled with mypyc: {', '.join(m['compiled_modules'])}"
            if m.get("compiled_modules")
            else "pure Python"
        )
        + ".",
        "",
        "| 1x = 840 articles | articles/s | MB/s | articles/CPU-s | ratio to VADER"
        " (wall) | ratio to VADER (CPU) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    labels = {
        "vader": "vaderSentiment, every sentence (library)",
        "framing": "framing analysis, full (library, 1 process)",
        "framing_no_attribution": "framing analysis without attribution (library)",
    }
    for key, label in labels.items():
        v = lib[key]
        lines.append(
            f"| {label} | {v['articles_per_s']} | {v['MB_per_s']} | {v['articles_per_cpu_s']}"
            f" | {v['ratio_to_vader']} | {v['cpu_ratio_to_vader']} |"
        )
    lines += [
        "",
        "Ratio to VADER (CPU) in each repeat, both measured interleaved within it: "
        + "; ".join(
            f"{labels[key]} {', '.join(str(x) for x in lib[key]['cpu_ratio_to_vader_per_repeat'])}"
            for key in ("framing", "framing_no_attribution")
        )
        + ".",
    ]
    for key in ("jobs1", "jobs2"):
        v = a1[key]
        lines.append(
            f"| `framing analyze --jobs {key[-1]}` (end to end) | {v['articles_per_s']} | "
            f"{v['MB_per_s']} | {v['articles_per_cpu_s']} | {v['ratio_to_vader']} | |"
        )
    lines += [
        "",
        f"2 jobs / 1 job (wall), 1x: {a1['speedup_2_jobs']}x; CPU time 2 jobs / 1 job: "
        f"{a1['cpu_seconds_2_jobs_over_1']}; outputs identical: {a1['jobs2_output_identical']}.",
        f"2 jobs / 1 job (wall), {r['corpus']['10x']['articles']} articles:"
        f" {a10['speedup_2_jobs']}x ({a10['seconds']} s → {a10['jobs2']['seconds']} s); CPU time"
        f" 2 jobs / 1 job: {a10['cpu_seconds_2_jobs_over_1']}; outputs identical:"
        f" {a10['jobs2_output_identical']}. The machine's ceiling, two independent `--jobs 1`"
        f" processes on the two halves started together:"
        f" {a10['speedup_two_independent_halves']}x ({a10['two_independent_halves_seconds']} s)."
        f" Per repeat, 2 jobs: {a10['speedup_2_jobs_per_repeat']}; two independent processes:"
        f" {a10['speedup_two_independent_halves_per_repeat']}.",
        f"Peak RSS, 1 job: {a1['jobs1']['peak_rss_MB']} MB at 1x, {a10['peak_rss_MB']} MB at"
        f" {scale}x ({a10['rss_ratio_to_1x']}x); {scale}x run {a10['articles_per_s']} articles/s.",
    ]
    for key in ("report_compare_10x", "report_compare_big", "library_memory", "tables_big"):
        if key in r:
            lines.append(f"{key}: {orjson.dumps(r[key]).decode()}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())

"""The Dask engine gives the same results as the local engine (framing.dask_engine)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from framing.analyze import Analyzer
from framing.dask_engine import dask_client
from framing.errors import ConfigError
from framing.pipeline import analyze_inputs

distributed = pytest.importorskip("distributed")

ARTICLES = [
    'The regime slammed critics on Tuesday. "This is a disgraceful witch hunt," said Jane Doe.',
    "Officials claimed the so-called reforms would fail, according to sources familiar with it.",
    "The council met on Monday and approved the budget for the new library.",
]


def corpus(path: Path, n: int) -> Path:
    lines = [
        orjson.dumps({"id": f"a{i}", "text": ARTICLES[i % 3] + f" Story {i}.", "source": "s"})
        for i in range(n)
    ]
    lines.insert(2, b"not json")
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def outputs(out: Path) -> list[bytes]:
    files = [out, out.with_name("out.errors.jsonl")]
    files += sorted((out.parent / "tables").glob("*.parquet"))
    return [f.read_bytes() for f in files]


@pytest.mark.slow
def test_local_cluster_equals_local_engine(tmp_path: Path) -> None:
    analyzer = Analyzer()
    data = corpus(tmp_path / "in.jsonl", 30)
    local = tmp_path / "local" / "out.jsonl"
    analyze_inputs([data], local, analyzer=analyzer, parquet=local.parent / "tables")
    cluster = distributed.LocalCluster(
        n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None
    )
    try:
        remote = tmp_path / "dask" / "out.jsonl"
        summary = analyze_inputs(
            [data],
            remote,
            analyzer=analyzer,
            engine="dask",
            scheduler=cluster.scheduler_address,
            chunk_size=4,
            parquet=remote.parent / "tables",
        )
    finally:
        cluster.close()
    assert (summary.analysed, summary.skipped) == (30, 1)
    assert outputs(remote) == outputs(local)
    assert len(outputs(local)) == 2 + 6  # JSONL, errors, six Parquet tables


@pytest.mark.slow
def test_default_local_cluster_with_worker_processes(tmp_path: Path) -> None:
    analyzer = Analyzer()
    data = corpus(tmp_path / "in.jsonl", 12)
    local = tmp_path / "local" / "out.jsonl"
    analyze_inputs([data], local, analyzer=analyzer)
    remote = tmp_path / "dask" / "out.jsonl"
    analyze_inputs([data], remote, analyzer=analyzer, engine="dask", jobs=1, chunk_size=5)
    assert remote.read_bytes() == local.read_bytes()


def test_unreachable_scheduler_is_a_config_error() -> None:
    with (
        pytest.raises(ConfigError, match="cannot reach the Dask scheduler"),
        dask_client("tcp://127.0.0.1:9", timeout="1s"),
    ):
        pytest.fail("connected to a port where no scheduler listens")

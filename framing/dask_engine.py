"""Run the analysis on a Dask cluster (the optional ``framing[dask]`` extra).

The input is cut into partitions of documents; each partition is one Dask task that analyses
its documents with the analyzer (sent once to every worker with ``scatter(broadcast=True)``)
and returns their JSONL lines. The client keeps a bounded number of partitions in flight and
writes results in input order, so the output (JSONL and Parquet) is byte-identical to the
local engine's. With no scheduler address a :class:`distributed.LocalCluster` is started for
the run and shut down after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from framing.analyze import Analyzer
from framing.errors import ConfigError
from framing.parallel import ChunkResult, OnError, Submit, analyze_chunk
from framing.types import Document

__all__ = ["DaskEngine", "dask_client"]


def _require_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigError(
            "the dask engine needs the optional extra: pip install 'framing[dask]'"
        ) from exc
    return distributed


@contextmanager
def dask_client(
    scheduler: str | None = None,
    *,
    n_workers: int | None = None,
    processes: bool = True,
    timeout: str = "20s",
) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler`` (``host:port``), or for a local cluster of
    ``n_workers`` single-threaded workers (processes unless ``processes=False``)."""
    distributed = _require_distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=timeout)
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield client
        finally:
            client.close()
        return
    cluster = distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


class DaskEngine:
    """Submit chunks of documents as Dask tasks on ``client``."""

    def __init__(
        self, client: Any, analyzer: Analyzer, *, include_text: bool, on_error: OnError
    ) -> None:
        self.client = client
        self.include_text = include_text
        self.on_error = on_error
        self._analyzer = client.scatter(analyzer, broadcast=True)
        workers = client.scheduler_info().get("workers", {})
        self.threads = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    @property
    def max_pending(self) -> int:
        return 2 * self.threads + 1

    def submitter(self) -> Submit:
        def submit(docs: list[Document]) -> Callable[[], ChunkResult]:
            future = self.client.submit(
                analyze_chunk,
                self._analyzer,
                docs,
                self.include_text,
                self.on_error,
                pure=False,
            )
            return lambda: future.result()

        return submit

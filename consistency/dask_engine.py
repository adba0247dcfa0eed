"""Extraction on a Dask cluster (``--engine dask``; install with ``pip install 'consistency[dask]'``).

The articles are cut into chunks; each chunk is a Dask task that reads, normalises and
extracts its articles on a worker, exactly as a local process would (:func:`consistency.engine.run_task`).
The rule data is sent to the cluster once (scattered), and each worker thread compiles it
once.  Results come back in the order of the articles, so the report is the same as a local
run's.  Workers read the article files themselves: they must see the corpus at the same paths
(one machine, or a shared file system).

``scheduler``: the address of a running scheduler (``tcp://host:8786``); without one a
LocalCluster is started for the run (one single-threaded worker process per core) and shut
down after it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

from consistency.engine import (
    Result,
    Task,
    chunks,
    default_jobs,
    rules_payload,
    run_task,
)
from consistency.rules import Rules

Progress = Callable[[str, int, int], None]

_COMPILED: dict[tuple[str, int], Rules] = {}
_LOCK = threading.Lock()


class DaskUnavailable(RuntimeError):
    pass


def _worker_rules(version: str, payload: tuple[dict[str, Any], dict]) -> Rules:
    """The rules for this worker thread (compiled once per thread: extraction keeps small
    per-object caches, so threads do not share compiled rules)."""
    key = (version, threading.get_ident())
    with _LOCK:
        rules = _COMPILED.get(key)
    if rules is None:
        rules = Rules(data=payload[0], files=payload[1])
        rules.compiled  # noqa: B018
        with _LOCK:
            _COMPILED[key] = rules
    return rules


def _dask_chunk(tasks: list[Task], version: str, payload: tuple[dict[str, Any], dict]) -> list[Result]:
    rules = _worker_rules(version, payload)
    return [run_task(t, rules) for t in tasks]


def client_for(scheduler: str | None, *, workers: int | None = None, processes: bool = True):
    """(client, cluster or None): a client of ``scheduler``, or of a new LocalCluster."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DaskUnavailable("the dask engine needs dask and distributed: pip install 'consistency[dask]'") from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=processes,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def run_dask(tasks: list[Task], rules: Rules, *, scheduler: str | None = None, client: Any = None,
             progress: Progress | None = None) -> Iterator[Result]:
    """Results in the order of ``tasks``, computed on a Dask cluster."""
    if not tasks:
        return
    own = client is None
    cluster = None
    if own:
        client, cluster = client_for(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or default_jobs())
        payload = client.scatter(rules_payload(rules), broadcast=True)
        futures = [client.submit(_dask_chunk, chunk, rules.version, payload, pure=False)
                   for chunk in chunks(tasks, workers)]
        done = 0
        for future in futures:
            results = future.result()
            future.release()
            for result in results:
                done += 1
                yield result
            if progress:
                progress("extract", done, len(tasks))
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()

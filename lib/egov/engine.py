"""Where the batch stages run: in this process, in worker processes, or on a Dask cluster.

Loading, concept counting and topic inference (`egov.topics.sample`) are pure functions over
batches (chunks of files, texts or passage counts), so the same code runs serially, in local
worker processes (joblib) or on Dask, and the results come back in the order of the batches:
the tables are the same byte for byte on any engine.

The engine is `$EGOV_ENGINE`: "auto" (the default: serial below a stage's parallel minimum,
worker processes from it), "serial", "processes", or "dask". With "dask" the batches go to the
scheduler at `$EGOV_DASK_SCHEDULER` (`egov build --engine dask` starts a LocalCluster and sets
it, or pass `--scheduler tcp://host:8786` for a cluster of your own); without an address a
LocalCluster is started in this process.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

ENGINES = ("auto", "serial", "processes", "dask")
ENGINE_ENV, SCHEDULER_ENV, JOBS_ENV = "EGOV_ENGINE", "EGOV_DASK_SCHEDULER", "EGOV_JOBS"


def engine_name() -> str:
    """The engine chosen by $EGOV_ENGINE ("auto" when unset); ValueError for an unknown one."""
    name = os.environ.get(ENGINE_ENV, "auto").strip().lower() or "auto"
    if name not in ENGINES:
        raise ValueError(f"{ENGINE_ENV}={name!r}: the engine must be one of {', '.join(ENGINES)}")
    return name


def n_jobs() -> int:
    """Worker processes: $EGOV_JOBS, else the number of CPUs this process may use."""
    value = os.environ.get(JOBS_ENV, "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def resolve(n_items: int, parallel_min: int) -> str:
    """The engine that runs a stage of n_items: "auto" becomes serial or processes."""
    name = engine_name()
    if name == "auto":
        return "processes" if n_items >= parallel_min and n_jobs() > 1 else "serial"
    return name


def map_batches(func: Callable[..., Any], batches: list[tuple], engine: str) -> Iterator[Any]:
    """func(*batch) for each batch, yielded in the order of `batches` whatever the engine.

    Example: list(map_batches(len, [("ab",), ("c",)], "serial")) == [2, 1]
    """
    if engine == "serial":
        return (func(*batch) for batch in batches)
    if engine == "processes":
        from joblib import Parallel, delayed

        return Parallel(n_jobs=n_jobs(), return_as="generator")(delayed(func)(*batch) for batch in batches)
    if engine == "dask":
        return _dask_map(func, batches)
    raise ValueError(f"unknown engine {engine!r}")


def release_memory() -> None:
    """Hand the heap memory freed by a large step back to the system (glibc's malloc_trim).

    Millions of short-lived Python objects leave free pages scattered through the heap that
    glibc keeps (hundreds of MB on a large corpus, counted in a build's peak); elsewhere a no-op.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is not None and hasattr(libc, "malloc_trim"):
            libc.malloc_trim(0)
    except OSError:
        pass


def release_workers() -> None:
    """Stop the worker processes joblib keeps for reuse after a "processes" map (idle, they
    hold their memory for minutes: counted in a build's peak while the notebook goes on)."""
    from joblib.externals.loky import get_reusable_executor

    get_reusable_executor().shutdown(wait=True)


def _dask_map(func: Callable[..., Any], batches: list[tuple]) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    address = os.environ.get(SCHEDULER_ENV, "").strip()
    cluster = None if address else LocalCluster(n_workers=min(n_jobs(), 4), threads_per_worker=1,
                                                processes=True, dashboard_address=None)
    client = Client(address or cluster, set_as_default=False)
    try:
        futures = [client.submit(func, *batch, pure=False) for batch in batches]
        for future in futures:  # in order: the tables must not depend on which worker finished first
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def batched(items: list, size: int, weights: list[int] | None = None) -> Iterable[list]:
    """Consecutive slices of `items` of at most `size`; with `weights`, of about `size` in weight
    (an item weighing `size` or more is a batch of its own).

    Example: list(batched([1, 2, 3], 2, weights=[1, 3, 1])) == [[1, 2], [3]]
    """
    if weights is None:
        return (items[i:i + size] for i in range(0, len(items), size))
    out: list[list] = [[]]
    total = 0
    for item, weight in zip(items, weights):
        out[-1].append(item)
        total += weight
        if total >= size:
            out, total = out + [[]], 0
    return [batch for batch in out if batch]


class cluster:
    """Context manager for a build: with engine "dask" and no scheduler address, start one
    LocalCluster of n_jobs() single-threaded worker processes for all the build's notebooks and
    give its address; otherwise give `scheduler` (or "") and start nothing.

    Example: with cluster("dask") as address: os.environ[SCHEDULER_ENV] = address
    """

    def __init__(self, name: str, scheduler: str | None = None, n_workers: int | None = None):
        if name not in ENGINES:
            raise ValueError(f"the engine must be one of {', '.join(ENGINES)}, not {name!r}")
        self.name, self.scheduler, self.n_workers = name, scheduler or "", n_workers
        self._cluster = None

    def __enter__(self) -> str:
        if self.name != "dask" or self.scheduler:
            return self.scheduler
        from distributed import LocalCluster

        self._cluster = LocalCluster(n_workers=self.n_workers or n_jobs(), threads_per_worker=1, processes=True,
                                     dashboard_address=None)
        return self._cluster.scheduler_address

    def __exit__(self, *exc) -> None:
        if self._cluster is not None:
            self._cluster.close()

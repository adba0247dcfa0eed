"""The Dask engine gives the same report as the local one (a LocalCluster of two workers).

dask and distributed are in the ``test`` extra, so this runs in CI; where they are missing
(an install without the extra) it is skipped with the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consistency.api import CheckOptions, check

distributed = pytest.importorskip("distributed", reason="dask engine: pip install '.[dask]' (or '.[test]')")

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      silence_logs=40) as c:
        yield c


def test_dask_engine_equals_local_engine(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ARTICLES, corpus)
    local = check([corpus], CheckOptions(jobs=1)).to_json()
    on_dask = check([corpus], CheckOptions(engine="dask", scheduler=cluster.scheduler_address))
    assert on_dask.to_json() == local


def test_dask_engine_with_the_cache(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ARTICLES / "deployment", corpus)
    local = check([corpus], CheckOptions(jobs=1)).to_json()
    options = CheckOptions(engine="dask", scheduler=cluster.scheduler_address, cache=tmp_path / "cache")
    assert check([corpus], options).to_json() == local
    warm = check([corpus], options)
    assert warm.to_json() == local
    assert any("0 extracted" in n for n in warm.run_notes), warm.run_notes

"""The Dask engine writes the rows the local engine writes, and survives a worker killed mid-run."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from extract.pipeline import ingest
from tests.conftest import SEEDS, SHARED
from tests.warehouse_rows import all_rows, assert_same_rows

distributed = pytest.importorskip("distributed")

# The shared corpus: every seed pack and every PDF (Ofsted reports, ModernGov packs, the HTML page saved as .pdf).
CORPUS = [SEEDS, SHARED / "corpus"]


@pytest.fixture(scope="module")
def local_warehouse(tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "warehouse.duckdb"
    report = ingest(CORPUS, db)
    assert report.pages > 500 and any(f.status == "failed" for f in report.files)  # the HTML page is recorded
    return db, sorted((f.path, f.status) for f in report.files)


def test_dask_on_a_local_cluster_writes_every_row_the_local_engine_writes(tmp_path, local_warehouse):
    local_db, local_statuses = local_warehouse
    db = tmp_path / "warehouse.duckdb"
    report = ingest(CORPUS, db, engine="dask", workers=2)
    assert sorted((f.path, f.status) for f in report.files) == local_statuses
    rows = all_rows(db)
    for table in ("sources", "documents", "ofsted_judgements", "minute_items", "scorecard_facts"):
        assert rows[table], f"{table} is empty: the comparison would prove nothing"
    assert_same_rows(local_db, db)


def test_a_worker_killed_mid_run_leaves_the_warehouse_of_a_clean_run(tmp_path, local_warehouse):
    from distributed import Client, LocalCluster

    db = tmp_path / "warehouse.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        outcome = {}
        run = threading.Thread(target=lambda: outcome.setdefault(
            "report", ingest(CORPUS, db, engine="dask", scheduler=cluster.scheduler_address)))
        run.start()
        victim = _busy_worker(client, deadline=time.monotonic() + 60)
        pid = client.run(os.getpid, workers=[victim])[victim]
        os.kill(pid, signal.SIGKILL)
        run.join(timeout=240)
        assert not run.is_alive()
    report = outcome["report"]
    assert not [f for f in report.files if "worker failed" in (f.error or "")]
    assert_same_rows(local_warehouse[0], db)
    parts_root = tmp_path / "warehouse.parts"
    for source_folder in parts_root.iterdir():
        if not source_folder.name.startswith(".") and source_folder.is_dir():  # not .tmp, .empty
            assert len(list(source_folder.iterdir())) == 1, f"{source_folder.name}: more than one part"


def _busy_worker(client, deadline: float) -> str:
    """A worker holding a parse task right now."""
    while time.monotonic() < deadline:
        for worker, keys in client.processing().items():
            if any(str(k).startswith("parse-source-") for k in keys):
                return worker
        time.sleep(0.01)
    raise AssertionError("no worker ever held a parse task")

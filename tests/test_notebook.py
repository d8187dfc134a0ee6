"""notebooks/quickstart.ipynb runs headless against a warehouse built from the seeds, so it cannot rot."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyst_data import ingest_seeds

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"

# Appended before the notebook's last cell (which closes the connection): what each answer held.
COUNTS = """import json
print("COUNTS " + json.dumps({
    "rereferrals": len(rereferrals.fetchall()),
    "rereferral_targets": sum(1 for r in rereferrals.fetchall() if r[5] is not None),
    "at_risk": len(at_risk.fetchall()),
    "attendance": len(attendance.fetchall()),
    "declarations": len(declarations.fetchall()),
}))"""


def test_quickstart_notebook_answers_its_three_questions(tmp_path, monkeypatch):
    db = ingest_seeds(tmp_path / "seeds.duckdb")
    monkeypatch.setenv("EXTRACT_DB", str(db))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.insert(len(nb.cells) - 1, nbformat.v4.new_code_cell(COUNTS))
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()  # raises on any failing cell

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart was not drawn"
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    counts = json.loads(printed.split("COUNTS ", 1)[1].splitlines()[0])
    assert counts["rereferrals"] >= 2 and counts["rereferral_targets"] >= 1
    assert counts["at_risk"] >= 1
    assert counts["attendance"] >= 5 and counts["declarations"] >= 1

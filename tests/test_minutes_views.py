"""The member_attendance_rate view (issue 15): each member's meetings attended over meetings listed, per
committee, one printing of each set of minutes, on made-up rows whose answer is known."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analyst_data import write_document
from extract.warehouse import Warehouse
from extract.warehouse.views import create_views
from schemas.meetings import Attendance, Meeting


@pytest.fixture
def wh(db: Path):
    with Warehouse(db) as wh:
        create_views(wh.con)
        yield wh


def _person(name: str, present: bool = True, **more) -> Attendance:
    return Attendance(document_id="-", name=name, title="Cllr", present=present,
                      member_key=name.lower(), **more)


def test_attendance_rate_counts_each_meeting_once_and_leaves_out_officers_substitutes_and_bodies(wh):
    may = Meeting(document_id="-", committee="Corporate Parenting Panel", meeting_date=date(2024, 5, 3))
    july = may.model_copy(update={"meeting_date": date(2024, 7, 5)})
    october = may.model_copy(update={"meeting_date": date(2024, 10, 29)})
    for name in ("draft", "approved"):  # the May minutes printed twice
        write_document(wh, f"may-{name}", "minutes", [may, _person("a lee"), _person("b tan", present=False)],
                       local_authority="Kent")
    write_document(wh, "july", "minutes", [july, _person("a lee", mode="virtual"), _person("b tan"),
                                           _person("c day", role="substitute", substitute_for="b tan"),
                                           Attendance(document_id="-", name="Kent Police", kind="organisation")],
                   local_authority="Kent")
    write_document(wh, "october", "minutes", [october, _person("a lee", present=False),
                                              _person("d ray", role="officer")], local_authority="Kent")
    rows = wh.con.execute(
        "SELECT member_key, meetings_listed, meetings_attended, meetings_attended_virtually, attendance_rate "
        "FROM member_attendance_rate ORDER BY member_key").fetchall()
    assert rows == [("a lee", 3, 2, 1, 0.667), ("b tan", 2, 1, 0, 0.5)]

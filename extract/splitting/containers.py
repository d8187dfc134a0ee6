"""The container rule: inside a document that holds items, a heading is an item.

Minutes hold items, and an item's heading often names another document ("Quarterly Performance
Report, Q2 2024-2025 (Item 6)"). Once minutes have started, a start inside them cuts only with
evidence that a new document begins, whatever its type:
  - its cue's own evidence is structural (`StartCue.structural`: an inspection report's title
    block with its dates, an Ofsted letter, a new meeting's opening and attendance);
  - the page is bookmarked in a ModernGov outline, or stamped "Agenda Item N";
  - the start names another authority than the container does.
In a ModernGov pack (a PDF with an outline) an item's report holds headings too: there the outline
marks every document, so a heading inside a report needs the same evidence.
"""
from __future__ import annotations

from extract.splitting.metadata import named_in_heading
from extract.splitting.starts import Start
from schemas.document import Line

CONTAINER_TYPES = {"minutes"}
OUTLINED_CONTAINER_TYPES = {"report"}  # containers only where the source has an outline
# Types whose documents a weak cue (an agenda or report heading) may not cut.
# (Tables such as dashboards and grids are not strong: a report heading after them starts a report.)
STRONG_TYPES = {"ofsted_inspection", "monitoring_letter", "minutes"}
WEAK_TYPES = {"agenda", "report"}


def is_container(start: Start, outlined: bool) -> bool:
    return start.doc_type in CONTAINER_TYPES or (outlined and start.doc_type in OUTLINED_CONTAINER_TYPES)


def continues(current: Start | None, new: Start, current_lines: list[Line], new_lines: list[Line],
              outlined: bool) -> bool:
    """Does the document begun at `current` go on through `new` (a running header, a weak cue inside
    a strong document, an item heading inside a container)?"""
    if current is None:
        return False
    if new.cue is not None and new.cue.repeats_as_header and new.doc_type == current.doc_type:
        return True
    if new.cue is not None and new.cue.soft and new.doc_type == current.doc_type:
        return True
    if new.typed_by_page and new.doc_type == current.doc_type:
        return True
    if is_container(current, outlined):
        return not new_document_evidence(current, new, current_lines, new_lines)
    # A weak cue, or an outline entry, does not cut a strong document.
    return (new.doc_type in WEAK_TYPES or new.cue is None) and current.doc_type in STRONG_TYPES


def new_document_evidence(current: Start, new: Start, current_lines: list[Line], new_lines: list[Line]) -> list[str]:
    """Why `new` begins a document of its own inside the container begun at `current` (empty: it does not)."""
    found = sorted(new.evidence)
    if new.cue is not None and new.cue.structural:
        found.append(f"{new.cue.doc_type} opening")
    if not found:
        theirs, ours = named_in_heading(new_lines), named_in_heading(current_lines)
        if theirs and ours and theirs != ours:
            found.append("another authority")
    return found

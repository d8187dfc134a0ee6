"""Find the documents inside a source and say what each is.

One mechanism for PDFs and text alike: walk the source's lines, open a document where a start cue
fires (`starts.py`, from the table in `cues.py`), close it where an end cue fires (`ends.py`) or the
next document opens (`segments.py`; inside minutes only with evidence of a new document:
`containers.py`), and type what is left between documents from its own first lines
(`classify.py`). Every typing keeps its evidence and a confidence (`confidence.py`). PDFs add two
structural hints that text extractions have lost: documents in a pack start at the top of a page,
and ModernGov packs carry an outline naming each item's first page.
"""
from __future__ import annotations

from extract.splitting.confidence import type_segment
from extract.splitting.cues import BLANK_PAGE
from extract.splitting.document import make_document
from extract.splitting.ends import find_ends
from extract.splitting.metadata import first_date, main_authority, named_in_heading, title_of
from extract.splitting.segments import attach_action_logs, segments
from extract.splitting.starts import find_starts
from schemas.document import Document, Source

# Bump when the same file would now be read, cut or typed differently (this
# covers the reading layer too): ingest then re-splits sources the warehouse
# holds from an older version.
VERSION = "4"  # 4: status-colour fills read with PDF pages; outline entries typed by their page (card reports);
#                a recogniser confirms a cue from the cue's own page
#                3: negative evidence in the cues, the container rule in minutes, typing confidence,
#                report/letter/agenda fallback
#                2: more minutes headings, performance-report titles, inside-cover copyright, JTAI letters,
#                table headings kept at page tops


def split_source(source: Source) -> list[Document]:
    lines = source.lines
    if not lines:
        return []
    nonempty = [i for i, l in enumerate(lines) if l.text.strip()]
    starts = find_starts(source, lines, nonempty)
    ends = find_ends(lines, nonempty)
    blank = {i for i in nonempty if BLANK_PAGE.match(lines[i].text)}
    segs = attach_action_logs(segments(lines, starts, ends, blank, outlined=bool(source.outline)))
    pack_authority: list[str | None] = []  # read only when a document names no authority itself: it is slow
    documents = []
    for n, (seg_lines, start) in enumerate(segs):
        typing = type_segment(seg_lines, start)
        title = start.title or title_of(seg_lines)
        next_page = segs[n + 1][0][0].page if n + 1 < len(segs) else len(source.pages) + 1
        doc = make_document(source, seg_lines, typing.doc_type, title,
                            page_end=_through_empty_pages(source, seg_lines[-1].page, next_page))
        doc.document_date = first_date(seg_lines)
        doc.local_authority = named_in_heading(seg_lines)
        if doc.local_authority is None:
            if not pack_authority:
                pack_authority.append(main_authority(lines))
            doc.local_authority = pack_authority[0]
        doc.typing_cues, doc.typing_score, doc.typing_confidence = typing.cues, typing.score, typing.confidence
        documents.append(doc)
    return documents


def _through_empty_pages(source: Source, last_page: int, next_page: int) -> int:
    """The last page of a document whose final pages have no text at all (image-only scans)."""
    page = last_page
    while page + 1 < next_page and page + 1 <= len(source.pages) and not source.pages[page].lines:
        page += 1
    return page

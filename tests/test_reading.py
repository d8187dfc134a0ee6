"""The reading layer: pages, lines, words, and page furniture removed."""
from __future__ import annotations

from extract.reading import read_source
from extract.reading.furniture import join_rotated_letters
from tests.conftest import MODERNGOV, OFSTED, seed


def test_text_pages_come_from_printed_stamps_and_stamps_are_dropped():
    source = read_source(seed(2))
    labels = [p.label for p in source.pages]
    assert labels[:3] == ["15", "29", "32"]  # 'Page 15' at line 706, 'Page 29' at 1448, 'P'/'age 32' at 1706-1707
    texts = [l.text for l in source.lines]
    assert "Page 15" not in texts and "age 32" not in texts and "P" not in [t.strip() for t in texts]
    # Line numbers are the file's own, so a fact can cite them.
    assert next(l for l in source.lines if l.number == 669).text.startswith("Dear Mr Spencer")


def test_furniture_is_normalised_away():
    text = "\n".join(l.text for l in read_source(seed(0)).lines)
    assert "\u00a0" not in text  # seed 000 has 773 non-breaking spaces
    assert "javascript:" not in text  # lines 2786-2815 are javascript: link lines
    assert "age 52" not in text


def test_glued_vertical_stamp_keeps_the_content_before_it():
    lines = {l.number: l.text for l in read_source(seed(4)).lines}
    # seed 004 line 1435: 'SR 7.2 ... Medium 9 P' then 'age 54'
    assert lines[1435].rstrip().endswith("Medium 9")
    assert 1436 not in lines


def test_rotated_agenda_item_stamp_is_rejoined():
    assert [t for t in join_rotated_letters(["A", "genda Item", "", " 8"]) if t] == ["Agenda Item 8"]
    assert [t for t in join_rotated_letters(["T", "his page is intentionally left blank"]) if t] == [
        "This page is intentionally left blank"
    ]
    # A lone capital followed by an ordinary capitalised line is left alone.
    assert join_rotated_letters(["A", "Board meeting"]) == ["A", "Board meeting"]


def test_pdf_words_have_positions_and_pages():
    source = read_source(OFSTED / "bedford-2022-01-14.pdf")
    assert source.kind == "pdf" and len(source.pages) == 12
    first = source.pages[0]
    assert first.width and first.height
    line = next(l for l in first.lines if l.text.startswith("Inspection dates"))
    assert line.words and all(w.x1 > w.x0 for w in line.words)
    assert line.page == 1


def test_same_bytes_same_source_id(tmp_path):
    data = seed(3).read_bytes()
    copy = tmp_path / "copy.txt"
    copy.write_bytes(data)
    assert read_source(copy).source_id == read_source(seed(3)).source_id


def test_running_headers_go_but_a_tables_repeated_column_headings_stay(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "table.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    for page in range(5):
        c.setFont("Helvetica", 8)
        c.drawString(30, 575, "Children's Services Committee - 12 March 2024")  # a running header
        for x, heading in ((30, "Indicator"), (300, "Target"), (400, "Actual"), (500, "England")):
            c.drawString(x, 550, heading)  # the table's headings, repeated on every page
        c.drawString(30, 530, f"Indicator number {page}")
        c.drawString(300, 530, "50%")
        c.showPage()
    c.save()
    pages = read_source(path).pages
    for page in pages:
        texts = [l.text for l in page.lines]
        assert "Children's Services Committee - 12 March 2024" not in texts
        assert {"Indicator", "Target", "Actual", "England"} <= set(texts), (page.number, texts)


def test_a_two_page_pdf_loses_a_header_printed_on_both_pages(tmp_path):
    from tests.pdf_factory import text_pdf

    header = "Cabinet - 12 March 2024"
    path = text_pdf(tmp_path / "minutes.pdf", [f"{header}\n\nMINUTES of a meeting of the Cabinet\nPRESENT: Cllr A Smith",
                                                f"{header}\n\n5. Budget\nRESOLVED that the budget be agreed."])
    pages = read_source(path).pages
    assert all(header not in [l.text for l in p.lines] for p in pages)
    assert "5. Budget" in [l.text for l in pages[1].lines]


def test_a_page_cleaned_whole_equals_each_word_cleaned_alone():
    """The reader cleans a page's words joined (one pass per rule); it must give what `clean_text` gives
    word by word, and a word that holds the joining character itself is cleaned alone."""
    from extract.reading.furniture import clean_text
    from extract.reading.pdf import _columns

    texts = ["Children\u2019s", "a\u00a0b", "trailing\u00a0", "\uf0b7", "tab\t", "soft\u00adhyphen", "\u00ad",
             "plain", "odd\x00word", "end\u2009"]
    raw = [(10.0 * k, 5.0, 10.0 * k + 8, 9.0, t, 0, k // 4, k % 4) for k, t in enumerate(texts)]
    no_white_space = [w for w in raw if w[4] in ("Children\u2019s", "\uf0b7", "plain")]  # cleaned, none trailing
    for words in (no_white_space, raw, [w for w in raw if "\x00" not in w[4]]):
        columns, cleaned, printed = _columns(words)
        expected = tuple(clean_text(w[4]) for w in words)
        assert tuple(cleaned) == expected
        assert tuple(columns.texts()) == expected
        assert printed == " ".join(w[4] for w in words)
    assert "" in expected and "•" in expected  # the soft hyphen alone cleans to nothing; the glyph to a bullet


def test_lines_begin_where_mupdf_numbers_a_word_0_which_is_where_its_block_or_line_changes():
    """The reader cuts a page's words into lines where MuPDF numbers a word 0 (one test per word), standing
    for where the word's (block, line) changes: the two must agree on every page of the shared PDFs."""
    import pymupdf

    from extract.reading.pdf import _line_starts

    pages = 0
    for path in sorted(MODERNGOV.glob("*.pdf"))[:6] + sorted(OFSTED.glob("*.pdf"))[:6]:
        with pymupdf.open(path) as doc:
            for page in doc:
                words = page.get_text("words", sort=False)
                if not words:
                    continue
                keys = [(w[5], w[6]) for w in words]
                by_key = [0] + [k for k in range(1, len(keys)) if keys[k] != keys[k - 1]] + [len(keys)]
                assert _line_starts(tuple(w[7] for w in words)) == by_key, (path.name, page.number)
                pages += len(by_key) > 2
    assert pages > 50  # pages of several lines were compared, not only one-line pages


def test_reading_a_pdf_does_not_import_pymupdfs_unused_layout_analyser_or_markdown_export():
    """pymupdf 2.0 imports them whenever installed (onnxruntime, 80 MB between them); `extract` turns
    them away unless EXTRACT_PYMUPDF_LAYOUT=1. Run in a fresh interpreter: this one has imported pymupdf."""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom extract.reading import read_source\n"
            f"read_source({str(next(OFSTED.glob('*.pdf')))!r})\n"
            "print(sorted(m for m in ('onnxruntime', 'pymupdf4llm', 'pymupdf.layout') if sys.modules.get(m)))")
    env = {k: v for k, v in os.environ.items() if k != "EXTRACT_PYMUPDF_LAYOUT"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip().splitlines()[-1] == "[]"

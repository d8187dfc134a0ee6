"""Build small PDFs for tests: text pages, encrypted, image-only, broken."""
from __future__ import annotations

from pathlib import Path

import pymupdf


def text_pdf(path: Path, pages: list[str], fontsize: float = 10) -> Path:
    """One page a text. A text that does not fit its page is left off by pymupdf: pass a smaller
    `fontsize` for full pages of a real document."""
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=fontsize)
    doc.save(path)
    return path


def encrypted_pdf(path: Path, user_password: str) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Inspection of Anytown local authority children's services")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=user_password, owner_pw="owner-secret")
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: one picture, no text layer."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 200), False)
    pix.clear_with(200)
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, pixmap=pix)
    doc.save(path)
    return path


def bomb_pdf(path: Path, inflated_mb: int) -> Path:
    """One readable page, then a page whose content stream inflates from a few kB to `inflated_mb` MB."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Inspection of Anytown local authority children's services")
    blank = doc.new_page()
    blank.insert_text((72, 72), " ")
    xref = blank.get_contents()[0]
    doc.update_stream(xref, b"%" + b" " * (inflated_mb * 1024 * 1024) + b"\n", compress=True)
    doc.save(path, deflate=True)
    return path

"""The exceptions the reading layer raises: a reason a person can act on, and the status it leaves."""


class UnreadableSource(Exception):
    """The file cannot be read as a paper. `str(exc)` is a one-line reason."""

    status = "failed"  # the `sources.status` it is recorded with


class NeedsOcr(UnreadableSource):
    """Every page is an image (or unreadable glyphs) and no OCR engine is available to read them."""

    status = "needs_ocr"

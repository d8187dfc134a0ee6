"""OCR results kept on disk, keyed by the hash of the page image and the engine.

OCR costs seconds a page; the same page image (a re-ingest, a parser change,
the same scan in two packs) is never OCR'd twice. One small JSON file per
page image under EXTRACT_OCR_CACHE (default `outputs/ocr-cache`), written
atomically so parallel workers can share the folder. A cache that cannot be
read or written costs time, never a result.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from extract.reading.ocr_engine import TextBox

CACHE_ENV = "EXTRACT_OCR_CACHE"
DEFAULT_CACHE = Path("outputs/ocr-cache")


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE)


def image_key(pixels: bytes, width: int, height: int, engine: str, version: str) -> str:
    digest = hashlib.sha256(f"{engine} {version} {width}x{height}\n".encode())
    digest.update(pixels)
    return digest.hexdigest()


def load(key: str) -> list[TextBox] | None:
    path = _path(key)
    try:
        rows = json.loads(path.read_text())
        return [TextBox(*row) for row in rows]
    except (OSError, ValueError, TypeError):
        return None


def store(key: str, boxes: list[TextBox]) -> None:
    path = _path(key)
    rows = [[b.x0, b.top, b.x1, b.bottom, b.text, b.confidence] for b in boxes]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w") as out:
            json.dump(rows, out)
        os.replace(tmp, path)
    except OSError:
        pass


def _path(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key}.json"

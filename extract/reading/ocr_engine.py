"""The OCR engine behind a scanned page: text boxes with confidences from an image.

`rapidocr` (PaddleOCR's PP-OCRv6 small models, run by onnxruntime) is the
default: its models ship inside the wheel, it runs on CPU with nothing
downloaded at run time, and it installs with the project. The older
`rapidocr-onnxruntime` (PP-OCRv4 mobile models, also in its wheel) can be
chosen with EXTRACT_OCR_ENGINE=rapidocr-onnxruntime, if installed; the README
says how the two compare on `make bench-ocr`.

The angle classifier is off: papers are printed upright, and on real report
pages it turned some right-way-up lines over (character similarity 0.96 with
it, 0.998 without, on the same page). An engine is loaded once per process (a worker loads its own) and told to use
one thread: the worker pool, not onnxruntime, spreads the work over the cores.
"""
from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from importlib import metadata
from typing import Callable

import numpy as np

DEFAULT_ENGINE = "rapidocr"
ENGINE_ENV = "EXTRACT_OCR_ENGINE"  # an engine name, or "off" to never OCR


@dataclass(frozen=True)
class TextBox:
    """One run of text the engine found: its box in image pixels, text and confidence (0-1)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float


@dataclass
class OcrEngine:
    name: str
    version: str  # package version: part of the cache key, so a new model never reuses old results
    read: Callable[[np.ndarray], list[TextBox]]  # a grayscale image (H x W, uint8) -> boxes


def _rapidocr() -> OcrEngine:
    from rapidocr import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    engine = RapidOCR(params={
        "Global.log_level": "warning",
        "Global.use_cls": False,
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })

    def read(gray: np.ndarray) -> list[TextBox]:
        out = engine(_bgr(gray))
        if out.boxes is None:
            return []
        return [_box(quad, text, score) for quad, text, score in zip(out.boxes.tolist(), out.txts, out.scores)]

    return OcrEngine("rapidocr", metadata.version("rapidocr"), read)


def _rapidocr_onnxruntime() -> OcrEngine:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, use_cls=False)

    def read(gray: np.ndarray) -> list[TextBox]:
        result, _ = engine(_bgr(gray))
        return [_box(quad, text, score) for quad, text, score in (result or [])]

    return OcrEngine("rapidocr-onnxruntime", metadata.version("rapidocr-onnxruntime"), read)


ENGINES: dict[str, Callable[[], OcrEngine]] = {
    "rapidocr": _rapidocr,
    "rapidocr-onnxruntime": _rapidocr_onnxruntime,
}

_MODULES = {"rapidocr": "rapidocr", "rapidocr-onnxruntime": "rapidocr_onnxruntime"}

_loaded: dict[str, OcrEngine | None] = {}


def engine_name() -> str:
    return os.environ.get(ENGINE_ENV, DEFAULT_ENGINE).strip() or DEFAULT_ENGINE


def engine_installed() -> bool:
    """Whether the configured engine's package is there, without loading it (a parent about to fork workers)."""
    from importlib.util import find_spec

    module = _MODULES.get(engine_name())
    return module is not None and find_spec(module) is not None and find_spec("onnxruntime") is not None


def load_engine() -> OcrEngine | None:
    """The configured engine, loaded once per process; None (with one warning) when it cannot be."""
    name = engine_name()
    if name not in _loaded:
        _loaded[name] = _load(name)
    return _loaded[name]


def _load(name: str) -> OcrEngine | None:
    if name == "off":
        warnings.warn(f"OCR is off ({ENGINE_ENV}=off): image-only pages are marked needs_ocr", stacklevel=2)
        return None
    factory = ENGINES.get(name)
    if factory is None:
        warnings.warn(f"unknown OCR engine {name!r} in {ENGINE_ENV} (known: {', '.join(ENGINES)}): "
                      "image-only pages are marked needs_ocr", stacklevel=2)
        return None
    try:
        return factory()
    except ImportError as exc:
        warnings.warn(f"OCR engine {name!r} is not installed ({exc.name or exc}): image-only pages are marked "
                      f"needs_ocr; `pip install -e .` installs it", stacklevel=2)
        return None


def _bgr(gray: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.stack([gray, gray, gray], axis=-1))


def _box(quad: list[list[float]], text: str, score: float) -> TextBox:
    xs = [p[0] for p in quad]
    ys = [p[1] for p in quad]
    return TextBox(min(xs), min(ys), max(xs), max(ys), str(text), float(score))

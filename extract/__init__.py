"""extract: PDF papers of English councils' children's services into a DuckDB warehouse.

Layers, each a sub-package:
  reading    file -> Source (pages of positioned lines), page furniture removed
  splitting  Source -> Documents (page/line ranges), each classified
  ../parsers Document -> records (pure functions, one per document type)
  warehouse  records -> DuckDB, with provenance; dedupe of reprinted scorecards
  golden     the regression harness against hand-checked expected records
"""

__version__ = "0.1.0"

import os as _os
import sys as _sys

# pymupdf 2.0 imports its optional layout analyser (ONNX models, numpy) and pymupdf4llm (its Markdown
# export, which brings onnxruntime again) whenever they are installed, and uses neither unless asked.
# We never ask: the layout analyser cost 0.34 s of start-up and 55 MB of every process (each ingest
# worker, the big-pack peak), pymupdf4llm another 23 MB. pymupdf catches the ImportError this gives.
# Set EXTRACT_PYMUPDF_LAYOUT=1 to leave both alone (e.g. in a notebook that wants pymupdf.layout too).
if "pymupdf" not in _sys.modules and _os.environ.get("EXTRACT_PYMUPDF_LAYOUT") != "1":
    _sys.modules.setdefault("pymupdf.layout", None)
    _sys.modules.setdefault("pymupdf4llm", None)

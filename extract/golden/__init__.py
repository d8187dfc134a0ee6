"""The golden regression harness (format: corpus/golden/README.md)."""
from extract.golden.run import check_baseline, evaluate, golden_files, run_golden

__all__ = ["evaluate", "run_golden", "check_baseline", "golden_files"]

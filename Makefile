# The project's commands. `make demo` and `make test` are the two a newcomer runs.
PYTHON ?= python3
CORPUS ?= ../shared/seeds ../shared/corpus corpus/fixtures/scorecard
DB ?= outputs/warehouse.duckdb

.PHONY: install demo ingest test golden golden-baseline bench bench-ocr clean

install:
	$(PYTHON) -m pip install -q -e '.[test]'

# Install, then ingest the bundled corpus into outputs/warehouse.duckdb.
# Exit status 1 from ingest means "some inputs failed and were recorded" (the
# corpus ships one real bad input, an HTML page saved as .pdf): that is expected here.
demo: install ingest

ingest:
	extract ingest $(CORPUS) --db $(DB) || [ $$? -eq 1 ]
	extract stats --db $(DB)

test: install
	$(PYTHON) -m pytest

# The golden regression check: fails if any field matched fewer values than the baseline.
golden:
	extract golden

golden-baseline:
	extract golden --update-baseline

bench:
	$(PYTHON) -m extract.bench

# OCR measured against the text layer on image-only copies of real pages (a few minutes: it OCRs ~70 pages).
bench-ocr:
	$(PYTHON) -m extract.bench_ocr

clean:
	rm -rf outputs/*.duckdb outputs/export .pytest_cache

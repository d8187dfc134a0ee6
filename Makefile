# The project's commands. `make demo` and `make test` are the two a newcomer runs.
# With no virtual environment active they create and use .venv (a stock Debian or
# Ubuntu Python refuses `pip install` outside one: PEP 668); inside one they use it.
ifdef VIRTUAL_ENV
PYTHON ?= python
BIN :=
else
PYTHON := .venv/bin/python
BIN := .venv/bin/
endif
CORPUS ?= ../shared/seeds ../shared/corpus corpus/fixtures/scorecard
DB ?= outputs/warehouse.duckdb
FUZZ_COUNT ?= 2000

.PHONY: install demo ingest test golden golden-baseline bench bench-ocr fuzz clean

.venv/bin/python:
	python3 -m venv .venv

install: $(if $(VIRTUAL_ENV),,.venv/bin/python)
	$(PYTHON) -m pip install -q -e '.[test]'

# Install, then ingest the bundled corpus into outputs/warehouse.duckdb.
# Exit status 1 from ingest means "some inputs failed and were recorded" (the
# corpus ships one real bad input, an HTML page saved as .pdf): that is expected here.
demo: install ingest

ingest:
	$(BIN)extract ingest $(CORPUS) --db $(DB) || [ $$? -eq 1 ]
	$(BIN)extract stats --db $(DB)

test: install
	$(PYTHON) -m pytest

# The golden regression check: fails if any field matched fewer values than the baseline.
golden:
	$(BIN)extract golden

golden-baseline:
	$(BIN)extract golden --update-baseline

bench:
	$(PYTHON) -m extract.bench

# Break the shared PDFs FUZZ_COUNT ways from a fixed seed, ingest them, count ok / failed / crashed.
fuzz:
	$(PYTHON) -m extract.reliability.fuzz --count $(FUZZ_COUNT) --seed 17 --out outputs/fuzz

# OCR measured against the text layer on image-only copies of real pages (a few minutes: it OCRs ~70 pages).
bench-ocr:
	$(PYTHON) -m extract.bench_ocr

clean:
	rm -rf outputs/*.duckdb outputs/*.parts outputs/export outputs/fuzz .pytest_cache

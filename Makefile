# gazette — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-stamp
STAMP  := $(VENV)/.dev-stamp

.PHONY: setup run test lint schema bench fixtures clean help

help:
	@echo "make run    set up .venv (runtime dependencies only) if needed, convert corpus/ into outputs/ and print a summary"
	@echo "make test   set up .venv with the dev extras if needed and run the test suite"
	@echo "make setup .venv with the dev extras (tests, lint, bench)"
	@echo "make lint   ruff + mypy"
	@echo "make schema regenerate schemas/document.schema.json from the models"
	@echo "make bench  time the pipeline stages on the corpus"
	@echo "make fixtures regenerate the PDF/DOCX/HTML test fixtures (needs Debian libreoffice, fonts, qpdf)"

# two stamps: `make run` needs the runtime dependencies only; tests, lint and bench add the dev extras
$(RUNTIME): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(RUNTIME)
	$(PY) -m pipeline batch corpus -o outputs --report

test: setup
	$(PY) -m pytest -n 2 --dist loadfile

lint: setup
	$(PY) -m ruff check pipeline tests
	$(PY) -m mypy

schema: $(RUNTIME)
	$(PY) -m pipeline schema -o schemas

bench: setup
	$(PY) -m tests.bench

fixtures: setup
	$(PY) tests/fixtures/formats/make_fixtures.py
	$(PY) tests/fixtures/formats/make_docs.py
	$(PY) tests/fixtures/formats/make_portal.py
	$(PY) tests/fixtures/formats/make_gbt_pdfs.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

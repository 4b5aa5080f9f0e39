# One command to run, one to test (README). Everything installs into .venv from constraints.txt.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsweave.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint eval eval-full fuzz-long fuzz-atheris load ner-model clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

## run: set up, ingest the sample corpus into $(DB) and serve the web app on $(HOST):$(PORT)
run: setup
	$(BIN)/newsweave ingest examples/corpus --db $(DB)
	$(BIN)/newsweave serve --db $(DB) --host $(HOST) --port $(PORT)

## test: set up and run the whole test suite
test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

## fuzz-long: every parser fuzzed with FUZZ_EXAMPLES inputs each (CI runs a small fixed budget)
FUZZ_EXAMPLES ?= 2000
fuzz-long: setup
	NEWSWEAVE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider \
		--hypothesis-show-statistics

## fuzz-atheris: coverage-guided fuzzing (atheris) of the byte parsers, FUZZ_SECONDS each; crashes in $(FUZZ_OUT)
FUZZ_SECONDS ?= 60
FUZZ_OUT ?= artifacts/fuzz
FUZZ_TARGETS := decode html feed warc jsonl text
fuzz-atheris: setup
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[fuzz]'
	@mkdir -p $(FUZZ_OUT)
	@for t in $(FUZZ_TARGETS); do \
		$(BIN)/python benchmarks/fuzz_atheris.py $$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=$(FUZZ_OUT)/$$t- > $(FUZZ_OUT)/$$t.log 2>&1 \
			|| { tail -n 60 $(FUZZ_OUT)/$$t.log; echo "atheris $$t: FAILED (log and input in $(FUZZ_OUT))"; exit 1; }; \
		echo "atheris $$t: $$(grep -E '^Done [0-9]+ runs' $(FUZZ_OUT)/$$t.log), 0 crashes"; \
	done

## load: 100,000-article store (built once, reused), 50 clients for 60 s; prints requests/s and p50/p95/p99 per kind
LOAD_DB ?= /tmp/newsweave-load.db
load: setup
	$(BIN)/python benchmarks/bench_load.py --db $(LOAD_DB) --articles 100000 --clients 50 --seconds 60

## ner-model: retrain the CRF name tagger from ../shared/dev/ner (permissive sets only; never SlavicNER)
ner-model: setup
	$(BIN)/python scripts/train_ner.py

EVALS := lang time ner merge facts pairs cluster search

## eval: print every accuracy table on its CI sample of ../shared/dev (each under about a minute)
eval: setup
	@for e in $(EVALS); do echo "== newsweave eval $$e"; $(BIN)/newsweave eval $$e || exit 1; done

## eval-full: the same tables on the whole dev sets (tens of minutes)
eval-full: setup
	@for e in $(EVALS); do echo "== newsweave eval $$e --full"; $(BIN)/newsweave eval $$e --full || exit 1; done

lint: setup
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache

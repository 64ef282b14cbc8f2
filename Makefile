# `make demo` sets everything up and runs the service end to end; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo run test test-fast lint train-lines train-blocks bench bench-body bench-metadata bench-feeds bench-load bench-dedup bench-memory bench-growth bench-queue-path bench-warc clean

# Recipes that `make demo` runs print on stderr only: `make demo | jq` reads nothing but events.
$(BIN)/newsworker: pyproject.toml
	@echo "$(PYTHON) -m venv $(VENV) && pip install -e .[test]" >&2
	@$(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/pip install --quiet --upgrade pip >&2
	@$(BIN)/pip install --quiet -e ".[test]" >&2
	@touch $@

install: $(BIN)/newsworker

demo: install  ## start Redis (embedded if none), a worker, submit the bundled samples, print their events
	@$(BIN)/newsworker demo

run: install  ## worker + beat, until Ctrl-C
	$(BIN)/newsworker run

test: install  ## every test, against the real Redis (or an embedded one) and real Celery workers
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check worker tests bench .ci
	$(BIN)/ruff format --check worker tests bench .ci

$(BIN)/trafilatura: pyproject.toml $(BIN)/newsworker
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $@

bench: bench-body bench-metadata bench-feeds  ## needs ../shared/bench (or NEWSWORKER_BENCH_DATA); skips without it

bench-body: $(BIN)/trafilatura  ## every body set, tuned and held out; e.g. BODY_ARGS="--sets dragnet --sample 300 --extractors newsworker,trafilatura --forms html"
	$(BIN)/python -m bench.body $(BODY_ARGS)

$(BIN)/sklearn-installed: pyproject.toml $(BIN)/newsworker
	$(BIN)/pip install --quiet -e ".[test,train]"
	touch $@

train-blocks: $(BIN)/sklearn-installed  ## retrain worker/models/blocks.json from the licensed training sets
	$(BIN)/python -m bench.train_blocks $(TRAIN_ARGS)

bench-metadata: $(BIN)/trafilatura
	$(BIN)/python -m bench.metadata

train-lines: install  ## retrain the shipped text line labeller (worker/models/) from the permitted sets
	$(BIN)/python -m bench.train_lines

train-titles: install  ## retrain the shipped text headline re-ranker (worker/models/text_titles.json)
	$(BIN)/python -m bench.train_titles

bench-feeds: install
	$(BIN)/python -m bench.feeds

bench-load: install
	$(BIN)/python -m bench.load

bench-dedup: install
	$(BIN)/python -m bench.dedup

bench-memory: install  ## Redis memory per article (keys, TTLs, stream entry vs text)
	$(BIN)/python -m bench.memory

bench-queue-path: install  ## pages/s extract-only vs through the queue (real workers, embedded Redis)
	$(BIN)/python -m bench.queue_path

bench-warc: install  ## a 10,000-record WARC through `newsworker submit` and 1, then 2 workers (records/s)
	$(BIN)/python -m bench.warc

bench-growth: install  ## extraction time as page size doubles, per page shape (no data needed)
	$(BIN)/python -m bench.growth --rss

clean:
	rm -rf $(VENV) bench/out .pytest_cache .ruff_cache *.egg-info

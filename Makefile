# Two commands for a newcomer: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
TEST_ENV := DJANGO_SETTINGS_MODULE=lms.settings.test
# Parallel test workers, one per CPU by default (`make test TEST_WORKERS=0` runs in one process).
TEST_WORKERS ?= auto

.PHONY: run test install check lint format messages worker beat browser-test bench bench-data bench-install clean search-eval cluster lighthouse

## install: Python packages into .venv and front-end packages into node_modules
install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## run: migrate, create demo data and serve on http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_platform
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

## test: every check and test (lint, Django checks, migrations, pytest incl. browser and worker
##       tests); finds or starts PostgreSQL and Redis (scripts/test-services)
test: install check
	@mkdir -p var
	scripts/test-services > var/test-services.env
	env $$(cat var/test-services.env) $(TEST_ENV) $(BIN)/pytest -n $(TEST_WORKERS) --dist load --durations=15

## check: lint and Django's own checks, no tests
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(PY) manage.py check --fail-level WARNING
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_translations.py
	$(BIN)/lint-imports --no-cache
	$(PY) scripts/architecture_diagram.py --check

## browser-test: only the headless-Chromium tests
browser-test: install
	scripts/ensure-chromium
	$(TEST_ENV) $(BIN)/pytest -m browser

## lighthouse: Lighthouse (mobile, slow 4G) on the home, course, lesson and quiz pages of a
##             production-like site with the demo data; prints the scores, fails under the
##             targets; reports in test-artifacts/lighthouse/
lighthouse: install
	scripts/ensure-chromium
	$(PY) scripts/lighthouse.py

## search-eval: recall and precision in the first five results for the villagers' query set
search-eval: install
	$(TEST_ENV) $(BIN)/pytest tests/curricula/test_search_quality.py -q -s -p no:cacheprovider

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the Thai and English catalogues after changing strings
messages: install
	$(PY) manage.py makemessages -l th -l en --ignore=.venv --ignore=node_modules --ignore=var --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

## worker / beat: a Celery worker and scheduler (set CELERY_BROKER_URL first)
worker: install
	$(BIN)/celery -A lms worker --loglevel=INFO --concurrency=2

beat: install
	$(BIN)/celery -A lms beat --loglevel=INFO

## bench-data: synthetic data for the benchmarks in PostgreSQL (SCALE=small|national)
SCALE ?= small
bench-data: bench-install
	$(PY) -m bench.data --scale $(SCALE)

## bench: the quick benchmark set on the small data set (under ten minutes), a Markdown table
## at the end; `make bench BENCH_ARGS=--national` adds the national data set's pages and reports
bench: bench-install
	@test -f var/bench/data-small.json || $(PY) -m bench.data --scale small
	$(PY) -m bench.run $(BENCH_ARGS)

## cluster: two web nodes and two workers behind HAProxy, one of each killed mid-run; prints
##          the counts (as root: network namespaces; its own database, migrated first)
CLUSTER_DATABASE ?= lms_cluster
PG_SOCKET_URL := postgres://postgres@%2Fvar%2Frun%2Fpostgresql
cluster: install
	psql "$(PG_SOCKET_URL)/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$(CLUSTER_DATABASE)'" | grep -q 1 || \
		psql "$(PG_SOCKET_URL)/postgres" -qc "CREATE DATABASE $(CLUSTER_DATABASE)"
	DATABASE_URL=$(PG_SOCKET_URL)/$(CLUSTER_DATABASE) $(TEST_ENV) $(PY) manage.py migrate --noinput -v0
	$(PY) scripts/cluster --database-url '$(PG_SOCKET_URL)/$(CLUSTER_DATABASE)' $(CLUSTER_ARGS)

bench-install: $(VENV)/.bench-installed

$(VENV)/.bench-installed: $(VENV)/.installed node_modules/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	touch $@

clean:
	rm -rf var staticfiles test-artifacts

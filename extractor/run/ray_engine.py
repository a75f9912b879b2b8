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
import re
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from .batch import BatchConfig, extract_batch, lock_output, output_files, prepare
from .workers import LoadError, load_extractor
from .results import Outcome, Summary, sigterm_as_interrupt, warn_unmatched, write_results
from ..io.readers import InputDoc, ReadError, iter_files, read_data, read_path
from ..io.outputs import check_outputs
from ..io.sinks import ErrorLog, FileSink, resume_key

# Reading and parsing are light: they reserve no CPU, so they run beside actors that hold every core.
READ_CPUS = 0
FILES_PER_BLOCK = 32  # local files per read task: few tasks (each a worker process), yet streaming
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


def _read_file(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One local file into article rows, read on a Ray worker with the local engine's reader: a file that
    vanished, is a dangling link or does not decode is an error row, never a failed task."""
    return [_doc_row(i) for i in read_path(Path(row["path"]))]


def _parquet_problem(path: str) -> str | None:
    """Why a local Parquet input cannot be read (Ray would abort the whole run on it), or None."""
    try:
        import pyarrow.parquet as pq

        names = pq.read_schema(path).names
    except Exception as exc:  # noqa: BLE001 - missing, unreadable, not Parquet: this input only
        return f"cannot read as a Parquet table: {getattr(exc, 'strerror', None) or exc}"
    return None if "text" in names else "Parquet table has no 'text' column"


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


def read_inputs(inputs: list[str], errors: list[ReadError] | None = None, exclude: list[str] | None = None):
    """A Ray Dataset of article rows (DOC_FIELDS) from local paths or URIs (s3://, gs://, ...).

    Local folders are listed here (hidden files, symlink loops and unreadable entries handled as by
    the local engine; listing errors and unreadable Parquet tables go to `errors`) and each file is
    read on a worker by the local engine's reader, so a bad file is an error row, not an aborted
    run; URIs are handed to Ray as they are. `exclude`: paths not to read (our own outputs).
    """
    import ray.data

    parquet, remote, local = [], [], []
    for item in inputs:
        if "://" in item:
            (parquet if item.rstrip("/").endswith(".parquet") else remote).append(item)
            continue
        for f in iter_files([item], exclude=exclude or ()):
            if str(f) == "-":
                raise ValueError("the ray engine reads files, not stdin")
            if not isinstance(f, ReadError) and f.suffix.lower() == ".parquet":
                problem = _parquet_problem(str(f))
                f = ReadError(str(f), problem) if problem else f
                if problem is None:
                    parquet.append(str(f))
                    continue
            if isinstance(f, ReadError):
                if errors is not None:
                    errors.append(f)
            else:
                local.append({"path": str(f)})
    parts = []
    if local:  # blocks of FILES_PER_BLOCK files, read by at most one task per CPU (they reserve none: see READ_CPUS)
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        blocks = min(len(local), -(-len(local) // FILES_PER_BLOCK))
        parts.append(ray.data.from_items(local, override_num_blocks=blocks)
                     .flat_map(_read_file, num_cpus=READ_CPUS, concurrency=min(cpus, blocks)))
    if remote:
        parts.append(ray.data.read_binary_files(remote, include_paths=True, num_cpus=READ_CPUS)
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
        self.extractor = load_extractor({"model": None, **load_kwargs})  # a LoadError says why it cannot
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


class _RayFolder:
    """--output-dir on Ray: Ray writes the whole folder once every row is in, so an article counts as
    done only then (`whole_files`); an interrupted run writes nothing and counts nothing."""

    whole_files = True
    done: frozenset = frozenset()

    def __init__(self, dataset, folder: str, fmt: str):
        self.dataset, self.folder, self.fmt = dataset, folder, fmt

    def begin(self, unit: str | None, rel: str | None) -> None:
        """Nothing to open: Ray writes the folder at the end."""

    def end(self) -> None:
        """Nothing to close per input."""

    def write(self, row: dict[str, Any] | None) -> None:
        """The record is in the dataset already."""

    def output_of(self, rel: str | None) -> str | None:
        return None

    def close(self, complete: bool) -> None:
        if not complete:
            return
        ok = self.dataset.filter(lambda r: r["line"] is not None)
        if self.fmt == "jsonl":
            ok.map(lambda r: json.loads(r["line"])).write_json(self.folder)
        else:
            table = ok.map_batches(_award_table, batch_format="numpy")
            (table.write_parquet if self.fmt == "parquet" else table.write_csv)(self.folder)


def _outcome(r: dict[str, Any], folder: bool = False) -> Outcome:
    """One row of `extract_dataset` as an outcome (the record parsed back only where it is written here)."""
    unit = None if folder else r["source"]  # Ray's folder is one whole unit: see _RayFolder
    if r["error"] is not None:
        return Outcome(r["source"], reason=r["error"], unit=unit)
    row = json.loads(r["line"]) if "line" in r else None
    return Outcome(r["source"], row, notes=json.loads(r["notes"]), unit=unit)


@contextmanager
def _load_errors() -> Iterator[None]:
    """A Ray error from an actor that could not load the extractor becomes that reason, one line (LoadError)."""
    import ray

    try:
        yield
    except ray.exceptions.RayError as exc:
        reason = re.search(r"LoadError: (cannot load the extractor: [^\n]*)", str(exc))
        if reason is None:
            raise
        raise LoadError(reason.group(1)) from None


def run_ray(cfg: BatchConfig, address: str | None = None, num_gpus: float = 0, log=None) -> Summary:
    """`anugerah extract --engine ray`: `--output-dir` is written by Ray (sharded files); `-o` by this process.

    The same checks as the local engine come first (options, outputs that would overwrite an input,
    the output's lock); Ctrl-C and SIGTERM end the run cleanly; results go through the shared loop.
    """
    import ray
    import ray.data  # Ray Data sets up its loggers when imported: their level is set after this

    log = log or sys.stderr
    cfg = prepare(cfg)
    if cfg.output_dir and cfg.resume:
        raise ValueError("--resume with --engine ray works with -o FILE, not --output-dir")
    remote_dir = bool(cfg.output_dir and "://" in cfg.output_dir)
    local_dir = Path(cfg.output_dir) if cfg.output_dir and not remote_dir else None
    check_outputs(cfg.inputs, [] if remote_dir else output_files(cfg), local_dir)
    logging.getLogger("ray.data").setLevel(logging.ERROR if cfg.quiet else logging.WARNING)
    with ExitStack() as stack:
        stack.enter_context(sigterm_as_interrupt())
        if not remote_dir:
            lock_output(cfg, stack, log)
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        ray.data.DataContext.get_current().enable_progress_bars = cfg.progress
        summary = Summary()
        read_errors: list[ReadError] = []
        exclude = [str(p) for p in output_files(cfg)] + ([str(local_dir)] if local_dir else [])
        docs = read_inputs(cfg.inputs, read_errors, exclude)
        sink: FileSink | _RayFolder | None = None
        target = None if cfg.output in (None, "-") else Path(cfg.output)
        if not cfg.output_dir and cfg.resume:  # opened to append: the records already there are kept
            sink = FileSink(target, cfg.fmt, cfg.resume)
            if sink.done:
                done = sink.done
                before = docs.count()
                docs = docs.filter(lambda r: resume_key(r["source"], r["doc_id"]) not in done)
                summary.skipped = before - docs.count()
        out = extract_dataset(docs, model=cfg.model, rules_only=cfg.rules_only, device=cfg.device,
                              quantize=cfg.quantize, threads=cfg.threads or 1, spans=cfg.spans,
                              batch_size=cfg.batch_size, concurrency=max(1, cfg.parallel), num_gpus=num_gpus,
                              backend=cfg.backend)
        with _load_errors():  # the actors load the extractor when the first rows are asked for
            if cfg.output_dir:  # run once, keep the result for the counts, then Ray writes the folder (on close)
                out = out.materialize()
                sink = _RayFolder(out, cfg.output_dir, cfg.fmt)
                rows = iter(out.select_columns(["source", "error", "notes"]).iter_rows())
            else:  # records stream back and are written as they come, so --resume can pick up after a crash
                rows = iter(out.iter_rows())
            first = list(itertools.islice(rows, 1))
        if sink is None:  # only now that the extractor runs: a run that cannot start leaves the output as it was
            sink = FileSink(target, cfg.fmt, cfg.resume)
        err_path = cfg.errors_path()
        summary.errors_file = str(err_path) if err_path else None
        errors = ErrorLog(err_path, resume=cfg.resume)
        folder = isinstance(sink, _RayFolder)
        outcomes = itertools.chain((Outcome(e.path, reason=e.reason) for e in read_errors),
                                   (_outcome(r, folder) for r in itertools.chain(first, rows)))
        with _load_errors():
            write_results(outcomes, sink, errors, summary, log)
        warn_unmatched(summary, len(sink.done), cfg.output, log)
        return summary

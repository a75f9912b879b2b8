"""Batch runs: output folder, CSV/Parquet tables, resume after a crash or Ctrl-C, parallel workers, memory."""
from __future__ import annotations

import csv
import json
import os
import tracemalloc

import pytest

from extractor.run import batch as batch_mod
from extractor.run.batch import BatchConfig, iter_tasks, run_batch
from extractor.cli import main
from extractor.core.record import Record
from extractor.io.sinks import cut_partial_line

ARTICLES = [
    "Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024).",
    "Kota Tegal meraih Juara I Innovative Government Award 2024 dari Kementerian Dalam Negeri, Kamis (5/12/2024).",
    "Warga berkumpul di alun-alun untuk senam pagi bersama pada hari Minggu.",
    "Pemkot Bekasi meraih penghargaan Kota Terinovatif peringkat ke-3 di Jakarta, Jumat (6/12/2024).",
]


@pytest.fixture()
def archive(tmp_path):
    """A small tree: 8 text files in two folders, a JSONL file of 5 articles, and one bad file."""
    src = tmp_path / "in"
    (src / "sub" / "deep").mkdir(parents=True)
    for i in range(4):
        (src / f"a{i}.txt").write_text(ARTICLES[i], encoding="utf-8")
        (src / "sub" / "deep" / f"b{i}.txt").write_text(ARTICLES[-1 - i], encoding="utf-8")
    lines = [json.dumps({"text": ARTICLES[i % 4], "doc_id": f"j{i}"}) for i in range(5)]
    (src / "sub" / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"")
    return src


def extract(capsys, *args) -> tuple[int, str]:
    code = main(["extract", *args, "--rules-only", "-q"])
    return code, capsys.readouterr().err


def keys(path):
    return [(r["source"], r["doc_id"]) for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def test_output_dir_mirrors_the_tree(archive, tmp_path, capsys):
    out = tmp_path / "out"
    code, err = extract(capsys, str(archive), "--output-dir", str(out))
    assert code == 1 and "13 done" in err and "1 failed" in err
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == ["a0.jsonl", "a1.jsonl", "a2.jsonl", "a3.jsonl", "errors.jsonl", "sub/batch.jsonl",
                     "sub/deep/b0.jsonl", "sub/deep/b1.jsonl", "sub/deep/b2.jsonl", "sub/deep/b3.jsonl"]
    assert len((out / "sub" / "batch.jsonl").read_text().splitlines()) == 5
    err_rows = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["path"].endswith("bad.txt") and "empty" in e["reason"] for e in err_rows] == [True]


def test_csv_table_has_one_row_per_award(archive, tmp_path, capsys):
    out = tmp_path / "awards.csv"
    extract(capsys, str(archive), "-o", str(out), "--format", "csv")
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:3] == ["doc_id", "source", "title"] and "recipient" in rows[0] and "rank" in rows[0]
    assert {r["doc_id"] for r in rows} >= {"a0", "a1", "a2", "j0", "b0"}
    tegal = [r for r in rows if r["doc_id"] == "a1"]
    assert tegal and tegal[0]["event_date"] == "2024-12-05" and tegal[0]["award"]
    assert [r["award"] for r in rows if r["doc_id"] == "a2"] == [""]  # no award: one row, award columns empty


def test_parquet_table(archive, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "awards.parquet"
    extract(capsys, str(archive), "-o", str(out), "--format", "parquet")
    table = pq.read_table(out)
    assert table.schema.field("rank").type == "int64" and table.schema.field("award").type == "string"
    assert {"a0", "j4"} <= set(table.column("doc_id").to_pylist())
    assert not (tmp_path / "awards.parquet.staging.jsonl").exists()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_output_dir_tables(archive, tmp_path, capsys, fmt):
    if fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    code, err = extract(capsys, str(archive), "--output-dir", str(out), "--format", fmt)
    assert code == 1 and "13 done" in err
    batch = out / "sub" / f"batch.{fmt}"
    if fmt == "parquet":
        ids = pq.read_table(batch).column("doc_id").to_pylist()
    else:
        ids = [r["doc_id"] for r in csv.DictReader(batch.open(encoding="utf-8"))]
    assert {"j0", "j1", "j2", "j3", "j4"} <= set(ids) and (out / f"a0.{fmt}").exists()
    assert not [p for p in out.rglob(".*") if p.is_file()]


def test_resume_after_a_crash_writes_each_record_once(archive, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    extract(capsys, str(archive), "-o", str(out))
    full = keys(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:6]) + lines[6][:40], encoding="utf-8")  # killed in the middle of line 7
    code, err = extract(capsys, str(archive), "-o", str(out), "--resume")
    assert code == 1 and "6 skipped" in err and "7 done" in err and "1 failed" in err
    assert sorted(keys(out)) == sorted(full) and len(keys(out)) == len(set(keys(out)))
    errors = (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()
    assert len(errors) == 1  # the failure is retried and listed again, not twice


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_resume_tables(archive, tmp_path, capsys, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    extract(capsys, str(archive), "-o", str(out), "--format", fmt)
    code, err = extract(capsys, str(archive), "-o", str(out), "--format", fmt, "--resume")
    assert "13 skipped" in err and "0 done" in err
    if fmt == "csv":
        n = len(list(csv.DictReader(out.open(encoding="utf-8"))))
        with out.open("a", encoding="utf-8") as fh:
            fh.write("partial,row,without,newline")
        extract(capsys, str(archive), "-o", str(out), "--format", fmt, "--resume")
        assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == n


def test_resume_output_dir_redoes_only_missing_files(archive, tmp_path, capsys):
    out = tmp_path / "out"
    extract(capsys, str(archive), "--output-dir", str(out))
    (out / "sub" / "deep" / "b2.jsonl").unlink()
    code, err = extract(capsys, str(archive), "--output-dir", str(out), "--resume")
    assert "1 done" in err and "12 skipped" in err and "1 failed" in err
    assert (out / "sub" / "deep" / "b2.jsonl").exists()
    assert len((out / "errors.jsonl").read_text().splitlines()) == 1


def test_ctrl_c_then_resume(archive, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.jsonl"
    real, calls = batch_mod.extract_batch, []

    def interrupted(ex, docs, spans=True):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(ex, docs, spans)

    monkeypatch.setattr(batch_mod, "extract_batch", interrupted)
    code, err = extract(capsys, str(archive), "-o", str(out), "--batch-size", "2")
    assert code == 130 and "interrupted" in err and "--resume" in err
    written = keys(out)
    assert 0 < len(written) < 13 and out.read_text().endswith("\n")
    monkeypatch.setattr(batch_mod, "extract_batch", real)
    code, err = extract(capsys, str(archive), "-o", str(out), "--resume")
    assert code == 1 and f"{len(written)} skipped" in err
    assert len(keys(out)) == 13 == len(set(keys(out)))


@pytest.mark.parametrize("at", [5, 7])  # the first article of batch.jsonl (5 articles), or its third
def test_output_dir_interrupted_leaves_no_partial_file(archive, tmp_path, capsys, monkeypatch, at):
    out = tmp_path / "out"
    real, calls = batch_mod.extract_batch, []

    def interrupted(ex, docs, spans=True):
        calls.append(1)
        if len(calls) == at:  # inside batch.jsonl (5 articles, one per batch)
            raise KeyboardInterrupt
        return real(ex, docs, spans)

    monkeypatch.setattr(batch_mod, "extract_batch", interrupted)
    code, err = extract(capsys, str(archive), "--output-dir", str(out), "--batch-size", "1")
    assert code == 130
    assert not (out / "sub" / "batch.jsonl").exists()
    assert not [p for p in out.rglob(".*") if p.is_file()], "temporary files are cleaned up"
    written = sum(len(p.read_text().splitlines()) for p in out.rglob("*.jsonl") if p.name != "errors.jsonl")
    assert err.strip().splitlines()[-1].startswith(f"{written} done,"), "articles of the dropped file are not done"


def test_cut_partial_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c": ')
    assert cut_partial_line(p) == 6 and p.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    p.write_bytes(b'{"c": ')
    cut_partial_line(p)
    assert p.read_bytes() == b""


def test_parallel_matches_sequential(archive, tmp_path, capsys):
    seq, par = tmp_path / "seq.jsonl", tmp_path / "par.jsonl"
    extract(capsys, str(archive), "-o", str(seq))
    code, err = extract(capsys, str(archive), "-o", str(par), "--parallel", "2", "--batch-size", "3")
    assert code == 1 and "13 done" in err
    assert par.read_text(encoding="utf-8") == seq.read_text(encoding="utf-8")  # same records, same order


def test_resume_and_stdout_is_a_usage_error(archive, capsys):
    code, err = extract(capsys, str(archive), "--resume")
    assert code == 2 and "--resume needs an output" in err


def test_inputs_are_read_lazily(archive, monkeypatch):
    reads = []
    real = batch_mod.read_path
    monkeypatch.setattr(batch_mod, "read_path", lambda p: (reads.append(p), real(p))[1])
    tasks = iter_tasks(BatchConfig(inputs=[str(archive)]), set(), batch_mod.Summary())
    next(tasks)
    assert len(reads) == 1


class _Stub:
    """An extractor that does no work: what is left to measure is the batch machinery."""

    @staticmethod
    def document(text, **kw):
        from extractor.core.document import Document

        return Document(text, **kw)

    @staticmethod
    def extract_docs(docs):
        return [Record(doc_id=d.doc_id) for d in docs]


def _peak(tmp_path, n: int) -> int:
    src = tmp_path / f"in{n}.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"text": ARTICLES[i % 4] * 5, "doc_id": f"d{i}"}) + "\n")
    tracemalloc.start()
    summary = run_batch(BatchConfig(inputs=[str(src)], output=str(tmp_path / f"out{n}.jsonl"), spans=False))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert summary.done == n
    return peak


def test_memory_does_not_grow_with_the_number_of_inputs(tmp_path, monkeypatch):
    from extractor import pipeline

    monkeypatch.setattr(pipeline.Extractor, "load", classmethod(lambda cls, *a, **k: _Stub()))
    _peak(tmp_path, 10)  # first use: imports and caches
    small, large = _peak(tmp_path, 1_000), _peak(tmp_path, 20_000)
    assert large < small * 1.5 + 200_000, (small, large)


@pytest.mark.parametrize("spelling", ["./in", "in/", "link"])
def test_resume_does_not_depend_on_how_the_input_path_is_spelled(archive, tmp_path, capsys, monkeypatch, spelling):
    out = tmp_path / "out.jsonl"
    extract(capsys, str(archive.resolve()), "-o", str(out))
    full = keys(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:7]), encoding="utf-8")  # killed after 7 records (text files and JSONL lines)
    (tmp_path / "link").symlink_to(archive)
    monkeypatch.chdir(tmp_path)
    code, err = extract(capsys, spelling, "-o", "out.jsonl", "--resume")
    assert code == 1 and "6 done, 7 skipped" in err and "matched" not in err
    names = [(os.path.basename(s), d) for s, d in keys(out)]  # a0.txt, batch.jsonl:3, ...: one each
    assert len(names) == 13 == len(set(names)) == len(full)


def test_a_resume_that_matches_nothing_says_so(archive, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(ARTICLES[0], encoding="utf-8")
    extract(capsys, str(other), "-o", str(out))
    code, err = extract(capsys, str(archive), "-o", str(out), "--resume")
    assert "warning: --resume: none of the 1 records already in" in err and "13 done, 0 skipped" in err
    assert len(keys(out)) == 14

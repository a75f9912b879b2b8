"""Where a run writes: never onto an input, one run per output, the format from the name, options checked first."""
from __future__ import annotations

import csv
import json
import os

import pytest

from extractor.cli import main
from extractor.io.outputs import OutputLock

ARTICLE = "Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024)."


def extract(capsys, *args) -> tuple[int, str]:
    code = main(["extract", *args, "--rules-only", "-q"])
    return code, capsys.readouterr().err


@pytest.fixture()
def src(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    return folder


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("target", ["a.txt", "b.txt"])
def test_an_input_is_never_the_output(src, capsys, target):
    before = _snapshot(src)
    code, err = extract(capsys, str(src / "a.txt"), "-o", str(src / "a.txt")) if target == "a.txt" else \
        extract(capsys, str(src), "-o", str(src / target))
    assert code == 2 and err.startswith("error: output ") and target in err and "input" in err
    assert len(err.strip().splitlines()) == 1
    assert _snapshot(src) == before, "the inputs are untouched"


def test_errors_file_and_output_dir_never_land_on_inputs(src, tmp_path, capsys):
    before = _snapshot(src)
    code, err = extract(capsys, str(src), "-o", str(tmp_path / "out.jsonl"), "--errors", str(src / "b.txt"))
    assert code == 2 and "b.txt" in err
    for out_dir in (src, src / "out", tmp_path):
        code, err = extract(capsys, str(src), "--output-dir", str(out_dir))
        assert code == 2 and "--output-dir" in err, out_dir
    assert _snapshot(src) == before and not (tmp_path / "out.jsonl").exists()


def test_our_own_output_inside_the_input_folder_is_kept_apart(src, capsys):
    out = src / "records.jsonl"
    code, err = extract(capsys, str(src), "-o", str(out))
    assert code == 0 and "2 done" in err
    code, err = extract(capsys, str(src), "-o", str(out), "--resume")  # its records are not read as inputs
    assert code == 0 and "0 done, 2 skipped" in err
    assert sorted(json.loads(x)["doc_id"] for x in out.read_text().splitlines()) == ["a", "b"]


def test_a_second_run_on_the_same_output_is_refused(src, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")
    with OutputLock(out):  # another run holds it
        code, err = extract(capsys, str(src), "-o", str(out), "--resume")
        assert code == 2 and "out.jsonl is being written by another run" in err and f"pid {os.getpid()}" in err
        code, err = extract(capsys, str(src), "--output-dir", str(tmp_path / "dir"))
        assert code == 0  # another output: no conflict
    code, err = extract(capsys, str(src), "-o", str(out), "--resume")
    assert code == 0 and "2 done" in err
    assert not list(tmp_path.glob(".*.lock")), "the lock file goes with the run"


def test_a_killed_runs_lock_is_taken_over(src, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    (tmp_path / ".out.jsonl.lock").write_text("999999\n", encoding="utf-8")  # written, never released: a kill
    code, err = extract(capsys, str(src), "-o", str(out))
    assert code == 0 and "pid 999999" in err and "taken over" in err
    assert len(out.read_text().splitlines()) == 2


def test_a_corrupt_parquet_staging_line_does_not_block_resume(src, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "awards.parquet"
    staging = tmp_path / "awards.parquet.staging.jsonl"
    staging.write_text('{"doc_id": "x"}{"doc_id": "y", "source": "z"}\n', encoding="utf-8")  # two runs interleaved
    code, err = extract(capsys, str(src), "-o", str(out), "--format", "parquet", "--resume")
    assert code == 0 and "2 done" in err and "not whole records" in err
    assert sorted(pq.read_table(out).column("doc_id").to_pylist()) == ["a", "b"]


@pytest.mark.parametrize("name,fmt", [("awards.csv", "csv"), ("awards.parquet", "parquet"), ("r.jsonl", "jsonl")])
def test_the_format_comes_from_the_output_name(src, tmp_path, capsys, name, fmt):
    out = tmp_path / name
    code, _ = extract(capsys, str(src), "-o", str(out))
    assert code == 0
    if fmt == "csv":
        assert {r["doc_id"] for r in csv.DictReader(out.open(encoding="utf-8"))} == {"a", "b"}
    elif fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        assert set(pq.read_table(out).column("doc_id").to_pylist()) == {"a", "b"}
    else:
        assert len(out.read_text().splitlines()) == 2


def test_a_format_that_contradicts_the_name_is_refused(src, tmp_path, capsys):
    code, err = extract(capsys, str(src), "-o", str(tmp_path / "awards.csv"), "--format", "jsonl")
    assert code == 2 and "awards.csv names a csv file but the format is jsonl" in err
    assert not (tmp_path / "awards.csv").exists()


@pytest.mark.parametrize("args,message", [
    (["--parallel", "0"], "--parallel must be"),
    (["--parallel", "-1"], "--parallel must be"),
    (["--batch-size", "0"], "--batch-size must be"),
    (["--threads", "0"], "--threads must be"),
])
def test_bad_numbers_are_usage_errors(src, tmp_path, capsys, args, message):
    code, err = extract(capsys, str(src), "-o", str(tmp_path / "out.jsonl"), *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_output_that_is_a_folder_is_a_one_line_error(src, tmp_path, capsys):
    (tmp_path / "dir").mkdir()
    code, err = extract(capsys, str(src), "-o", str(tmp_path / "dir"))
    assert code == 2 and "is a folder" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unwritable_output_is_a_one_line_error(src, tmp_path, capsys):
    (tmp_path / "afile").write_text("", encoding="utf-8")
    code, err = extract(capsys, str(src), "-o", str(tmp_path / "afile" / "out.jsonl"))
    assert code == 2 and err.startswith("error:") and "afile" in err and len(err.strip().splitlines()) == 1


def _shipped_model():
    from extractor.core.resources import default_model_dir

    if default_model_dir() is None:
        pytest.skip("no shipped model")


@pytest.mark.parametrize("device,message", [("gpu", "use cpu or cuda"), ("cuda", "sees no CUDA GPU")])
def test_device_errors_are_one_line_usage_errors(src, tmp_path, capsys, device, message):
    _shipped_model()
    if device == "cuda":
        torch = pytest.importorskip("torch")
        if torch.cuda.is_available():
            pytest.skip("this torch sees a GPU")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier records\n", encoding="utf-8")
    code = main(["extract", str(src), "-o", str(out), "--device", device, "-q"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: cannot load the extractor: --device") and message in err
    assert len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "earlier records\n", "refused before the output was opened"


def test_workers_that_cannot_load_stop_the_run_with_the_reason(src, tmp_path, capsys):
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    (model / "meta.json").write_text("{broken", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier records\n", encoding="utf-8")
    code = main(["extract", str(src), "-o", str(out), "--model", str(model), "--parallel", "2", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: cannot load the extractor: Expecting property name")
    assert len(err.strip().splitlines()) == 1 and "worker process died" not in err
    assert out.read_text(encoding="utf-8") == "earlier records\n"

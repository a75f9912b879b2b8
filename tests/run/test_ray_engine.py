"""The Ray Data engine on a local Ray instance (skipped where the `cluster` extra is not installed)."""
from __future__ import annotations

import json

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from extractor.cli import main  # noqa: E402

ARTICLES = [
    "Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024).",
    "Kota Tegal meraih Juara I Innovative Government Award 2024 dari Kementerian Dalam Negeri, Kamis (5/12/2024).",
    "Pemkot Bekasi meraih penghargaan Kota Terinovatif peringkat ke-3 di Jakarta, Jumat (6/12/2024).",
]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture()
def inputs(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i, text in enumerate(ARTICLES):
        (src / f"a{i}.txt").write_text(text, encoding="utf-8")
    (src / "sub" / "batch.jsonl").write_text(json.dumps({"text": ARTICLES[1], "doc_id": "j1"}) + "\n{broken\n",
                                             encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    table = tmp_path / "table.parquet"
    pq.write_table(pa.table({"doc_id": ["p1", "p2"], "text": [ARTICLES[2], None]}), table)
    return src, table


def test_ray_engine_matches_the_local_engine(local_ray, inputs, tmp_path, capsys):
    src, table = inputs
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    assert main(["extract", str(src), "-o", str(local), "--rules-only", "-q"]) == 1
    capsys.readouterr()
    code = main(["extract", str(src), str(table), "-o", str(remote), "--rules-only", "-q", "--engine", "ray",
                 "--parallel", "2"])
    err = capsys.readouterr().err
    assert code == 1 and "5 done" in err and "3 failed" in err
    assert "batch.jsonl:2" in err and "empty.txt" in err and "no 'text'" in err
    by_id = {r["doc_id"]: r for r in map(json.loads, remote.read_text().splitlines())}
    for row in map(json.loads, local.read_text().splitlines()):
        assert by_id[row["doc_id"]] == row
    assert by_id["p1"]["event_date"] == "2024-12-06"
    assert len((tmp_path / "ray.jsonl.errors.jsonl").read_text().splitlines()) == 3


def test_ray_engine_writes_a_parquet_folder(local_ray, inputs, tmp_path, capsys):
    import pyarrow.parquet as pq

    src, _ = inputs
    out = tmp_path / "out"
    code = main(["extract", str(src), "--output-dir", str(out), "--format", "parquet", "--rules-only", "-q",
                 "--engine", "ray"])
    assert code == 1 and "4 done" in capsys.readouterr().err
    import pyarrow as pa

    table = pa.concat_tables([pq.read_table(p) for p in sorted(out.glob("*.parquet"))])
    assert {"a0", "a1", "a2", "j1"} == set(table.column("doc_id").to_pylist())
    assert (out / "errors.jsonl").exists()

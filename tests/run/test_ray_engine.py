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
    (src / "cut16.txt").write_bytes(b"\xff\xfe" + ARTICLES[0].encode("utf-16-le")[:-1])  # a UTF-16 file cut short
    (src / "dangling.txt").symlink_to(tmp_path / "gone.txt")
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
    assert code == 1 and "5 done" in err and "5 failed" in err
    assert "batch.jsonl:2" in err and "empty.txt" in err and "no 'text'" in err
    assert "cut16.txt: not valid UTF-16" in err and "dangling.txt: cannot read: No such file" in err
    assert not [line for line in err.splitlines() if " INFO " in line or " WARNING " in line], "-q: no Ray chatter"
    by_id = {r["doc_id"]: r for r in map(json.loads, remote.read_text().splitlines())}
    for row in map(json.loads, local.read_text().splitlines()):
        assert by_id[row["doc_id"]] == row
    assert by_id["p1"]["event_date"] == "2024-12-06"
    assert len((tmp_path / "ray.jsonl.errors.jsonl").read_text().splitlines()) == 5


def test_ray_engine_writes_a_parquet_folder(local_ray, inputs, tmp_path, capsys):
    import pyarrow.parquet as pq

    src, _ = inputs
    out = tmp_path / "out"
    code = main(["extract", str(src), "--output-dir", str(out), "--format", "parquet", "--rules-only", "-q",
                 "--engine", "ray"])
    assert code == 1 and "4 done" in capsys.readouterr().err and not list(out.glob(".*"))
    import pyarrow as pa

    table = pa.concat_tables([pq.read_table(p) for p in sorted(out.glob("*.parquet"))])
    assert {"a0", "a1", "a2", "j1"} == set(table.column("doc_id").to_pylist())
    assert (out / "errors.jsonl").exists()


def test_ray_engine_keeps_to_the_same_output_rules(inputs, tmp_path, capsys):
    from extractor.io.outputs import OutputLock

    src, _ = inputs
    before = (src / "a0.txt").read_bytes()
    assert main(["extract", str(src / "a0.txt"), "-o", str(src / "a0.txt"), "--engine", "ray", "--rules-only"]) == 2
    assert "is the input" in capsys.readouterr().err and (src / "a0.txt").read_bytes() == before
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        assert main(["extract", str(src), "-o", str(out), "--engine", "ray", "--rules-only", "-q"]) == 2
    assert "being written by another run" in capsys.readouterr().err


def test_ray_actors_that_cannot_load_stop_the_run_with_the_reason(local_ray, inputs, tmp_path, capsys):
    from extractor.core.resources import default_model_dir

    if default_model_dir() is None:
        pytest.skip("no shipped model")
    src, _ = inputs
    out = tmp_path / "out.jsonl"
    out.write_text("earlier records\n", encoding="utf-8")
    code = main(["extract", str(src), "-o", str(out), "--engine", "ray", "--device", "gpu", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and err.strip().splitlines()[-1] == "error: cannot load the extractor: --device gpu: use cpu or cuda (cuda:N)"
    assert out.read_text(encoding="utf-8") == "earlier records\n"

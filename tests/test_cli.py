"""The batch CLI on a temporary folder with good and bad files."""
from __future__ import annotations

import json

import pytest

from extractor.cli import main

ARTICLE = "Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024)."


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.md").write_text("# Judul\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "legacy.txt").write_bytes("Caf\u00e9 \u201cKota Tegal\u201d meraih Adipura.".encode("cp1252"))
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"text": ARTICLE, "doc_id": "j1", "published": "2024-12-11"}) + "\n{broken\n"
        + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    return tmp_path


def run(args, capsys):
    code = main(args)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_batch_reports_bad_files_and_goes_on(folder, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(folder), "-o", str(out), "--rules-only", "-q"], capsys)
    assert code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = sorted(r["doc_id"] for r in rows)
    assert ids == ["good", "j1", "legacy", "page"]
    for name, reason in [("empty.txt", "empty"), ("blank.txt", "whitespace"), ("binary.txt", "binary"),
                         ("scan.txt", "PDF"), ("batch.jsonl:2", "malformed JSON"), ("batch.jsonl:3", "no 'text'")]:
        assert any(name in line and reason in line for line in err.splitlines()), (name, err)
    legacy = next(r for r in rows if r["doc_id"] == "legacy")
    assert any("cp1252" in w for w in legacy["warnings"])
    assert next(r for r in rows if r["doc_id"] == "j1")["published"] == "2024-12-11"
    assert all(r["source"] for r in rows)


def test_clean_batch_exits_zero_and_writes_stdout(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "a.txt"), "--rules-only", "-q", "--no-spans"], capsys)
    assert code == 0
    row = json.loads(out)
    assert row["doc_id"] == "a" and "spans" not in row
    assert row["event_date"] == "2024-12-10"


def test_missing_input_fails(tmp_path, capsys):
    code, _, err = run(["extract", str(tmp_path / "nope.txt"), "--rules-only", "-q"], capsys)
    assert code == 1 and "no such file" in err


def test_html_input(tmp_path, capsys):
    html = ("<html><head><title>Kota Tegal Raih Adipura</title></head><body><nav>Beranda | Berita</nav>"
            "<article><h1>Kota Tegal Raih Adipura</h1><p>" + ARTICLE + " " + ARTICLE + "</p></article></body></html>")
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "p.html"), "--rules-only", "-q"], capsys)
    assert code == 0
    row = json.loads(out)
    assert "Sleman" in json.dumps(row["agencies"]) and "Beranda" not in json.dumps(row)

"""Every kind of bad input an archive holds: a clear message naming the file, the batch goes on, exit 1 on failure."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.io.readers import iter_files, read_path

ARTICLE = ("Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024). "
           "Penghargaan diserahkan di Jakarta kepada Bupati Sleman Kustini Sri Purnomo.")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256))
ENGLISH = ("The regency government of Sleman has won the Adipura award for the cleanliness of its towns, the ministry "
           "said on Tuesday. The award was handed to the regent in Jakarta at a ceremony that was attended by many of "
           "the mayors and regents from across the country, and the ministry said that the city of Tegal was also "
           "among the winners this year. It is the third time that the regency has won the award for its work.")
HTML = ("<html><head><title>Kabupaten Sleman Raih Adipura</title><script>var menu = function(){ return 'Beranda'; };"
        "window.ads = [1,2,3];</script><style>.nav{color:red}</style></head><body><nav><ul><li>Beranda</li>"
        "<li>Berita</li><li>Olahraga</li></ul></nav><script>document.write('<div>iklan</div>');</script>"
        "<article><h1>Kabupaten Sleman Raih Adipura</h1><p>" + ARTICLE + "</p></article>"
        "<footer>Hak cipta 2024 | Kontak | Pedoman Media Siber</footer><script>trackPageView();</script></body></html>")


def run(args, capsys):
    code = main(args)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def batch(tmp_path, capsys, name: str, data: bytes, *extra: str):
    """A folder with one good article and the bad input; returns (exit code, stderr, rows by doc_id)."""
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(src), "-o", str(out), "--rules-only", "-q", *extra], capsys)
    rows = {r["doc_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "good" in rows, "the batch must go on past a bad input"
    return code, err, rows


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n  ", "whitespace only"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("photo.txt", PNG, "PNG image"),
    ("notext.jsonl", json.dumps({"title": "no text", "doc_id": "x"}).encode() + b"\n", "no 'text'"),
    ("broken.jsonl", b'{"text": "Pemkab Sleman", \n', "malformed JSON"),
    ("broken.json", b'{"text": ', "malformed JSON"),
    ("cut16.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le") + b"\x0a", "not valid UTF-16: truncated data"),
    ("control.json", b'{"text": "Pemkab\x01Sleman"}', "Invalid control character at (line 1, column 17)"),
    ("control.jsonl", b'{"text": "Pemkab\x01Sleman"}\n', "Invalid control character at (column 17)"),
    ("nested.json", b"[" * 100_000, "nested too deeply"),
    ("table.csv", b"doc_id,text\n1,Pemkab Sleman meraih Adipura\n", "not an article: a .csv file"),
    ("garbage.txt", bytes((i * 37) % 96 + 160 for i in range(3000)), "undecodable"),
    ("deep.html", ("<html><body>" + "<div>" * 3000 + "<p>" + ARTICLE + "</p>" + "</div>" * 3000 + "</body></html>").encode(),
     "nested too deeply"),
])
def test_bad_input_is_an_error_naming_the_file(tmp_path, capsys, name, data, reason):
    code, err, rows = batch(tmp_path, capsys, name, data)
    assert code == 1
    assert any(name in line and reason in line and line.startswith("error:") for line in err.splitlines()), err
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and name in errors[0]["path"] and reason in errors[0]["reason"]
    assert "1 done" in err and "1 failed" in err


@pytest.mark.parametrize("name,data,text", [
    ("legacy.txt", ("Caf\u00e9 \u201cKota Tegal\u201d meraih Adipura \u2013 " + ARTICLE).encode("cp1252"), "\u201cKota Tegal\u201d"),
    ("latin.txt", ("S\u00e3o Jos\u00e9 \u00b7 " + ARTICLE + " \u00a9 2024").encode("latin-1"), "S\u00e3o Jos\u00e9"),
    ("latin-c1.txt", ("Jos\u00e9 " + ARTICLE).encode("latin-1") + b"\x81", "Jos\u00e9"),
])
def test_legacy_encodings_decode_with_a_warning(tmp_path, capsys, name, data, text):
    doc = next(read_path(_write(tmp_path / name, data)))
    assert text in doc.text and "Sleman" in doc.text
    assert any("not valid UTF-8" in w for w in doc.warnings)
    code, err, rows = batch(tmp_path, capsys, name, data)
    assert code == 0
    assert any(name in line and "not valid UTF-8" in line for line in err.splitlines())
    assert any("not valid UTF-8" in w for w in rows[Path(name).stem]["warnings"])


@pytest.mark.parametrize("data,label", [
    ("\ufeff".encode("utf-16-le") + ("Bupati \u00e9 " + ARTICLE).encode("utf-16-le"), "UTF-16 (byte-order mark)"),
    ("\ufeff".encode("utf-16-be") + ("Bupati \u00e9 " + ARTICLE).encode("utf-16-be"), "UTF-16 (byte-order mark)"),
    (("Bupati \u00e9 " + ARTICLE).encode("utf-16-le"), "UTF-16-LE (no byte-order mark)"),
    (("Bupati \u00e9 " + ARTICLE).encode("utf-16-be"), "UTF-16-BE (no byte-order mark)"),
])
def test_utf16_is_read_with_a_warning(tmp_path, capsys, data, label):
    doc = next(read_path(_write(tmp_path / "u16.txt", data)))
    assert doc.text.startswith("Bupati \u00e9 Pemkab Sleman")
    assert doc.warnings == [f"decoded as {label}, not UTF-8"]
    code, err, rows = batch(tmp_path, capsys, "u16.txt", data)
    assert code == 0 and rows["u16"]["event_date"] == "2024-12-10"
    assert any("u16.txt" in line and label in line for line in err.splitlines())


def test_broken_utf16_does_not_stop_the_batch_or_its_resume(tmp_path, capsys):
    """A UTF-16 file cut at an odd byte: the file is named with the reason, the rest is written, --resume finishes."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "c.txt", "d.txt"):
        (src / name).write_text(ARTICLE, encoding="utf-8")
    (src / "b.txt").write_bytes(b"\xff\xfe" + ARTICLE.encode("utf-16-le")[:-1])
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(src), "-o", str(out), "--rules-only", "-q"], capsys)
    assert code == 1 and "3 done" in err and "1 failed" in err
    assert any(line.startswith("error: ") and "b.txt: not valid UTF-16" in line for line in err.splitlines()), err
    code, _, err = run(["extract", str(src), "-o", str(out), "--rules-only", "-q", "--resume"], capsys)
    assert code == 1 and "0 done, 3 skipped" in err and "1 failed" in err
    assert sorted(json.loads(x)["doc_id"] for x in out.read_text().splitlines()) == ["a", "c", "d"]


def test_html_nested_past_256_levels_is_read(tmp_path, capsys):
    page = "<html><body>" + "<div>" * 400 + "<p>" + ARTICLE + "</p>" + "</div>" * 400 + "</body></html>"
    code, _, rows = batch(tmp_path, capsys, "deep.html", page.encode())
    assert code == 0 and rows["deep"]["event_date"] == "2024-12-10"


def test_jsonl_in_utf16_and_cp1252(tmp_path):
    line = json.dumps({"text": "Caf\u00e9 " + ARTICLE, "doc_id": "x"}, ensure_ascii=False) + "\n"
    (tmp_path / "u16.jsonl").write_bytes(b"\xff\xfe" + (line * 2).encode("utf-16-le"))
    (tmp_path / "old.jsonl").write_bytes((line * 2).encode("cp1252"))
    docs = list(read_path(tmp_path / "u16.jsonl")) + list(read_path(tmp_path / "old.jsonl"))
    assert [d.text.startswith("Caf\u00e9 Pemkab") for d in docs] == [True] * 4
    assert [bool(d.warnings) for d in docs] == [True, True, True, True]
    (tmp_path / "le.jsonl").write_bytes((line * 2).encode("utf-16-le"))  # no BOM: read whole, not line by line
    docs = list(read_path(tmp_path / "le.jsonl"))
    assert [d.doc_id for d in docs] == ["x", "x"] and all("UTF-16-LE" in d.warnings[0] for d in docs)


def test_20_mb_text_is_capped_with_a_warning(tmp_path, capsys):
    data = ((ARTICLE + "\n") * (20_000_000 // (len(ARTICLE) + 1))).encode()
    assert len(data) > 19_000_000
    t = time.perf_counter()
    code, err, rows = batch(tmp_path, capsys, "huge.txt", data)
    assert time.perf_counter() - t < 90
    assert code == 0
    assert any("only the first 100000" in w for w in rows["huge"]["warnings"])
    assert any("huge.txt" in line and "only the first" in line for line in err.splitlines())
    assert all(s["end"] <= 100_000 for s in rows["huge"]["spans"])


def test_html_full_of_scripts_and_menus(tmp_path, capsys):
    code, _, rows = batch(tmp_path, capsys, "page.html", HTML.encode())
    assert code == 0
    row = rows["page"]
    assert row["title"] == "Kabupaten Sleman Raih Adipura" and row["event_date"] == "2024-12-10"
    dump = json.dumps(row)
    assert "Sleman" in json.dumps(row["agencies"])
    assert not any(x in dump for x in ("function", "trackPageView", "iklan", "color:red"))


def test_english_article_gets_a_warning(tmp_path, capsys):
    code, err, rows = batch(tmp_path, capsys, "english.txt", ENGLISH.encode())
    assert code == 0
    assert any("looks English" in w for w in rows["english"]["warnings"])
    assert any("english.txt" in line and "looks English" in line for line in err.splitlines())


def test_file_that_vanishes_during_the_run(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for n in "abc":
        (src / f"{n}.txt").write_text(ARTICLE, encoding="utf-8")
    from extractor.run import batch as batch_mod

    real = batch_mod.extract_batch

    def extract_and_delete(ex, docs, spans=True):  # while a.txt is extracted, b.txt disappears
        (src / "b.txt").unlink(missing_ok=True)
        return real(ex, docs, spans)

    monkeypatch.setattr(batch_mod, "extract_batch", extract_and_delete)
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(src), "-o", str(out), "--rules-only", "-q", "--batch-size", "1"], capsys)
    assert code == 1
    assert any("b.txt" in line and "cannot read" in line for line in err.splitlines()), err
    assert sorted(json.loads(x)["doc_id"] for x in out.read_text().splitlines()) == ["a", "c"]


def test_file_that_becomes_unreadable(tmp_path, capsys, monkeypatch):
    (tmp_path / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, err, _ = batch(tmp_path, capsys, "other.txt", ARTICLE.encode())
    assert code == 0  # locked.txt is outside the batch folder
    code, _, err = run(["extract", str(tmp_path / "locked.txt"), "--rules-only", "-q"], capsys)
    assert code == 1 and "locked.txt" in err and "Permission denied" in err


def test_symlink_loops_do_not_hang(tmp_path, capsys):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "sub" / "more.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(src, src / "sub" / "back")  # a folder link to its own ancestor
    os.symlink(src / "b.txt", src / "a.txt")  # file links pointing at each other
    os.symlink(src / "a.txt", src / "b.txt")
    found = list(iter_files([str(src)]))
    assert len(found) < 10
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(src), "-o", str(out), "--rules-only", "-q"], capsys)
    assert code == 1
    assert any("back" in line and "symlink loop" in line for line in err.splitlines()), err
    assert any("a.txt" in line and "cannot read" in line for line in err.splitlines()), err
    assert sorted(json.loads(x)["doc_id"] for x in out.read_text().splitlines()) == ["good", "more"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_json_lines_names_each_line_that_is_no_record(tmp_path):
    from extractor.io.readers import json_lines  # the reader of our own record files (staging, resume, report)

    p = tmp_path / "records.jsonl"
    p.write_text('{"doc_id": "a"}\n\n{"doc_id": \n[1, 2]\n{"doc_id": "b"}\n', encoding="utf-8")
    got = list(json_lines(p))
    assert [(n, obj) for n, obj, _ in got] == [(1, {"doc_id": "a"}), (3, None), (4, None), (5, {"doc_id": "b"})]
    assert got[1][2].startswith("malformed JSON") and got[2][2] == "JSON value is not an object"

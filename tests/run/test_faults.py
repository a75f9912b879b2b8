"""Faults of a real run: the CLI spawned as a process, killed or stopped by its pid, then resumed."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main

REPO = Path(__file__).resolve().parents[2]
ARTICLE = ("Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024). "
           "Bupati Sleman Kustini menerima penghargaan itu di Jakarta.")


def articles(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"text": f"{ARTICLE} {i}", "doc_id": f"d{i}"}) + "\n" for i in range(n)),
                    encoding="utf-8")
    return path


def spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extractor.cli", "extract", *args, "--rules-only", "-q"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(cond, proc: subprocess.Popen, limit: float = 60) -> None:
    """Poll until `cond()` holds (the run is under way); fail if the process ends first."""
    end = time.monotonic() + limit
    while not cond():
        assert proc.poll() is None, f"the run ended before it could be stopped: {proc.communicate()}"
        assert time.monotonic() < end, "the run never got under way"
        time.sleep(0.01)


def lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (its workers, the resource tracker), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(tmp_path, sig):
    out = tmp_path / "out.jsonl"
    proc = spawn(str(articles(tmp_path / "in.jsonl", 3000)), "-o", str(out), "--parallel", "2", "--batch-size", "2")
    wait_for(lambda: lines(out) > 0 and len(descendants(proc.pid)) >= 2, proc)
    below = descendants(proc.pid)
    os.kill(proc.pid, sig)
    proc.communicate(timeout=10)  # returns: no worker holds the pipes any more
    end = time.monotonic() + 5
    while any(alive(p) for p in below) and time.monotonic() < end:
        time.sleep(0.05)
    assert not [p for p in below if alive(p)], "every worker and the resource tracker end with the run"


def test_sigterm_is_handled_like_ctrl_c(tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    src, out = articles(tmp_path / "in.jsonl", 600), tmp_path / "awards.parquet"
    staging = tmp_path / "awards.parquet.staging.jsonl"
    proc = spawn(str(src), "-o", str(out), "--batch-size", "1")
    wait_for(lambda: lines(staging) > 0, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert "interrupted: rerun with --resume to finish" in err
    done = int(err.strip().splitlines()[-1].split()[0])
    assert 0 < done < 600 and len(set(pq.read_table(out).column("doc_id").to_pylist())) == done
    assert main(["extract", str(src), "-o", str(out), "--rules-only", "-q", "--resume"]) == 0
    assert f"{600 - done} done, {done} skipped" in capsys.readouterr().err
    ids = pq.read_table(out).column("doc_id").to_pylist()
    assert len(ids) == 600 == len(set(ids)) and not staging.exists()


def test_sigterm_in_output_dir_mode_leaves_no_part_file(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    articles(src / "b.jsonl", 600)
    proc = spawn(str(src), "--output-dir", str(out), "--batch-size", "1")
    wait_for(lambda: (out / "a.jsonl").exists() and any(out.glob(".b.jsonl.part-*")), proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert err.strip().splitlines()[-1].startswith("1 done,"), "the article of b.jsonl in the dropped file is not done"
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]


def test_a_worker_killed_mid_run_is_replaced_and_said(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = spawn(str(articles(tmp_path / "in.jsonl", 1500)), "-o", str(out), "--parallel", "2", "--batch-size", "2")

    def workers() -> list[int]:
        return [p for p in descendants(proc.pid) if b"resource_tracker" not in _cmdline(p)]

    wait_for(lambda: lines(out) > 0 and len(workers()) == 2, proc)
    os.kill(workers()[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert "warning: a worker process died" in err
    ids = [json.loads(x)["doc_id"] for x in out.read_text().splitlines()]
    assert proc.returncode == 0 and len(ids) == 1500 == len(set(ids)), err


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_stale_part_files_are_removed_by_the_next_run(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (out / ".a.jsonl.part-4242").write_text('{"half": ', encoding="utf-8")  # a run killed with SIGKILL
    (out / "sub" / ".b.parquet.tmp-4242").write_bytes(b"PAR1")
    assert main(["extract", str(src), "--output-dir", str(out), "--rules-only", "-q", "--resume"]) == 0
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == ["a.jsonl"]
    capsys.readouterr()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_second_run_on_a_busy_output_is_refused_and_a_killed_ones_resumed(tmp_path, capsys, fmt):
    src, out = articles(tmp_path / "in.jsonl", 600), tmp_path / f"out.{fmt}"
    proc = spawn(str(src), "-o", str(out), "--resume", "--batch-size", "1")
    wait_for(lambda: lines(out) > 1, proc)
    assert main(["extract", str(src), "-o", str(out), "--rules-only", "-q", "--resume"]) == 2
    assert f"is being written by another run (pid {proc.pid}" in capsys.readouterr().err
    proc.kill()  # SIGKILL: the kernel drops its lock
    proc.communicate(timeout=10)
    assert main(["extract", str(src), "-o", str(out), "--rules-only", "-q", "--resume"]) == 0
    if fmt == "csv":
        import csv

        ids = [r["doc_id"] for r in csv.DictReader(out.open(encoding="utf-8"))]
    else:
        ids = [json.loads(x)["doc_id"] for x in out.read_text().splitlines()]
    assert len(ids) == 600 == len(set(ids)), "nothing lost, nothing doubled"

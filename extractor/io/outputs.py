"""Where a run may write: never onto its inputs, and one run per output at a time.

Both checks run before any output is opened. `check_outputs` refuses an
output that is one of the inputs (named on the command line, or a file an
input folder holds that is not an earlier output of ours) and an output
folder that overlaps an input. `OutputLock` holds an exclusive `flock` on a
hidden file beside the output for the whole run: a second run on the same
output is refused with the first one's pid; the kernel drops the lock of a
run that was killed, so its lock file is simply taken over. `remove_stale`
deletes the temporary files a killed run leaves behind.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from . import tables


def _inside(path: str, folder: str) -> bool:
    """`path` is `folder` or lies below it (both real paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _read_as_input(real: str, folder: str) -> bool:
    """The walk of `folder` would read `real` (no hidden part in between: those are skipped)."""
    rel = os.path.relpath(real, folder)
    return not any(part.startswith(".") for part in rel.split(os.sep))


def is_our_output(path: Path) -> bool:
    """An earlier output of this tool (records, an awards table, an errors file), or an empty file."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    if not head.strip():
        return True
    if head.startswith(b"PAR1"):
        try:
            import pyarrow.parquet as pq

            return {"doc_id", "source"} <= set(pq.read_schema(path).names)
        except Exception:  # noqa: BLE001 - no pyarrow, or not a table of ours
            return False
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="replace").strip()
    if first == ",".join(tables.COLUMNS):
        return True
    try:
        row = json.loads(first)
    except ValueError:
        return False
    return isinstance(row, dict) and ({"source", "doc_id"} <= row.keys() or {"path", "reason"} <= row.keys())


def check_outputs(inputs: Iterable[str], files: Iterable[Path], folder: Path | None = None) -> None:
    """Refuse (ValueError) outputs that would overwrite or be read as an input; nothing is opened.

    `files` are output files (the output, its staging and errors files): one that is an input named on
    the command line is refused; one inside an input folder only when it exists and is not ours.
    `folder` (--output-dir) must neither hold an input nor lie inside an input folder.
    """
    roots = [(item, os.path.realpath(item)) for item in inputs if item != "-" and "://" not in item]
    for out in files:
        real = os.path.realpath(out)
        for item, root in roots:
            if real == root or (os.path.exists(real) and os.path.exists(root) and os.path.samefile(real, root)):
                raise ValueError(f"output {out} is the input {item}: refusing to overwrite an input")
            if os.path.isdir(root) and _inside(real, root) and _read_as_input(real, root) and os.path.isfile(real) \
                    and not is_our_output(Path(real)):
                raise ValueError(f"output {out} is one of the inputs (a file in the input folder {item}): "
                                 "refusing to overwrite it; write the output elsewhere")
    if folder is not None:
        real = os.path.realpath(folder)
        for item, root in roots:
            if _inside(root, real):
                raise ValueError(f"--output-dir {folder} holds the input {item}: its files could be overwritten; "
                                 "give a folder outside the inputs")
            if os.path.isdir(root) and _inside(real, root):
                raise ValueError(f"--output-dir {folder} is inside the input folder {item}: give a folder "
                                 "outside the inputs")


class OutputBusy(ValueError):
    """Another run holds the output's lock."""


class OutputLock:
    """An exclusive lock on one output for the length of a run (`flock` on a hidden file beside it).

    The lock file holds the pid of its holder. The kernel releases a flock when its process dies, so
    a lock file left by a killed run is found unlocked and taken over; `stale` then names that run.
    """

    def __init__(self, output: Path, folder: bool = False):
        self.output = output
        self.path = output / ".anugerah.lock" if folder else output.with_name(f".{output.name}.lock")
        self.fd: int | None = None
        self.stale: str | None = None  # the pid recorded by a run that ended without releasing its lock

    def acquire(self) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
                os.close(fd)
                raise OutputBusy(f"{self.output} is being written by another run (pid {holder}; lock file "
                                 f"{self.path}): wait for it to finish, or write elsewhere") from None
            try:  # the last holder may have removed the file between our open and our lock: lock the new one
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        self.stale = os.read(fd, 64).decode(errors="replace").strip() or None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # while still held, so no other run locks a file about to vanish
        finally:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


_TEMPORARY = r"\.(?:part|tmp)-\d+"  # DirSink's `.a.jsonl.part-PID`, write_parquet's `.x.parquet.tmp-PID`


def remove_stale(folder: Path, names: Iterable[str] | None = None) -> int:
    """Delete the temporary files that killed runs left: those of the outputs `names` in `folder`, or
    (None) every one below `folder`. Call it holding the output's lock, so no live run's file goes."""
    if not folder.is_dir():
        return 0
    if names is None:
        pattern, walk = re.compile(r"^\..+" + _TEMPORARY + "$"), os.walk(folder)
    else:
        pattern = re.compile("^\\.(?:" + "|".join(re.escape(n) for n in names) + ")" + _TEMPORARY + "$")
        walk = [(str(folder), [], os.listdir(folder))]
    n = 0
    for dirpath, _, files in walk:
        for name in files:
            if pattern.match(name):
                Path(dirpath, name).unlink(missing_ok=True)
                n += 1
    return n

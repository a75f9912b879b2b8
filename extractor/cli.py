"""`anugerah` command line: a thin shell over the API.

    anugerah extract INPUT... -o OUT.jsonl     records, one JSON line per article
    anugerah evaluate --gold GOLD --pred PRED  the official score report
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import score as scoring


def _progress(total: int | None, disable: bool):
    from tqdm import tqdm  # progress bar on stderr

    return tqdm(total=total, unit="doc", file=sys.stderr, disable=disable, dynamic_ncols=True)


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import Extractor
    from .readers import ReadError, iter_files, read_path

    extractor = Extractor.load(args.model, rules_only=args.rules_only)
    files = list(iter_files(args.inputs))
    out = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")
    failed = done = 0
    bar = _progress(len(files), args.quiet or not sys.stderr.isatty() and not args.progress)
    try:
        for f in files:
            items = [f] if isinstance(f, ReadError) else read_path(f)
            for item in items:
                if isinstance(item, ReadError):
                    failed += 1
                    print(f"error: {item.path}: {item.reason}", file=sys.stderr)
                    continue
                try:
                    rec = extractor.extract(item.text, doc_id=item.doc_id, published=item.published, title=item.title)
                except Exception as exc:  # one bad article must not end the batch
                    failed += 1
                    print(f"error: {item.source}: extraction failed: {exc!r}", file=sys.stderr)
                    continue
                rec.warnings[:0] = item.warnings
                row = rec.to_dict(spans=not args.no_spans)
                row["source"] = item.source
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
                done += 1
            bar.update(1)
    finally:
        bar.close()
        if out is not sys.stdout:
            out.close()
    print(f"{done} records written, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    rep = scoring.score(scoring.load(Path(args.gold)), scoring.load(Path(args.pred)), per_doc=args.per_doc)
    if args.json:
        print(json.dumps(rep, indent=2, ensure_ascii=False))
        return 0
    argv = [str(args.gold), str(args.pred)] + (["--per-doc"] if args.per_doc else [])
    return scoring.main(argv)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="anugerah", description="Award records from Indonesian news.")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract records from files and folders")
    ex.add_argument("inputs", nargs="+", help="files, folders (recursive) or - for stdin")
    ex.add_argument("-o", "--output", help="output JSONL (default: stdout)")
    ex.add_argument("--model", help="model folder (default: the shipped model)")
    ex.add_argument("--rules-only", action="store_true", help="no model: rules alone")
    ex.add_argument("--no-spans", action="store_true", help="leave the spans out of each record")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")
    ex.set_defaults(func=cmd_extract)
    ev = sub.add_parser("evaluate", help="score predictions against gold records (same as score.py)")
    ev.add_argument("--gold", required=True)
    ev.add_argument("--pred", required=True)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--per-doc", action="store_true")
    ev.set_defaults(func=cmd_evaluate)
    _plugin_commands(sub)
    return ap


def _plugin_commands(sub) -> None:
    """Subcommands registered by other packages (`anugerah train` comes from the training extra).

    They register under the entry-point group `anugerah.commands`, so this package never imports them.
    """
    from importlib.metadata import entry_points

    for ep in entry_points(group="anugerah.commands"):
        try:
            ep.load()(sub)
        except ImportError as exc:  # the extra is not installed: say how to get it
            p = sub.add_parser(ep.name, help=f"unavailable: {exc}")
            p.set_defaults(func=lambda _a, _e=exc, _n=ep.name: _missing(_n, _e))


def _missing(name: str, exc: Exception) -> int:
    print(f"error: `anugerah {name}` needs the training extra (pip install 'anugerah[train]'): {exc}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

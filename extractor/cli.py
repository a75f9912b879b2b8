"""`anugerah` command line: a thin shell over the API.

    anugerah extract INPUT... -o OUT.jsonl     records, one JSON line per article
    anugerah evaluate --gold GOLD --pred PRED  the official score report
    anugerah report INPUT... -o report.html    a review page (one self-contained HTML file)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .evaluation import score as scoring
from .model.backends import available as available_backends


def cmd_extract(args: argparse.Namespace) -> int:
    from .run.batch import BatchConfig, run_batch

    cfg = BatchConfig(inputs=args.inputs, output=args.output, output_dir=args.output_dir, fmt=args.format,
                      spans=not args.no_spans, resume=args.resume, parallel=args.parallel,
                      batch_size=args.batch_size, model=args.model, rules_only=args.rules_only, device=args.device,
                      threads=args.threads, quantize=args.quantize, backend=args.backend, errors=args.errors,
                      progress=not args.quiet and (sys.stderr.isatty() or args.progress), quiet=args.quiet)
    try:
        if args.engine == "ray":
            from .run.ray_engine import run_ray

            summary = run_ray(cfg, address=args.ray_address, num_gpus=args.num_gpus)
        else:
            summary = run_batch(cfg)
    except (ValueError, FileNotFoundError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:  # before the first article, or a second Ctrl-C while closing
        from .run.results import Terminated

        print("interrupted", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    except OSError as exc:  # an output that cannot be created or written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    return summary.exit_code


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation.entries import entry_f1

    gold, pred = scoring.load(Path(args.gold)), scoring.load(Path(args.pred))
    rep = scoring.score(gold, pred, per_doc=args.per_doc)
    strict = entry_f1(gold, pred)
    if args.json:
        rep["entries"] = {"f1": round(strict.f1, 4), "tp": strict.tp, "fp": strict.fp, "fn": strict.fn}
        print(json.dumps(rep, indent=2, ensure_ascii=False))
        return 0
    argv = [str(args.gold), str(args.pred)] + (["--per-doc"] if args.per_doc else [])
    code = scoring.main(argv)
    print(strict.line(articles=len(gold)) + "   (strict: winner, award, category and rank all right)")
    return code


def cmd_report(args: argparse.Namespace) -> int:
    from functools import partial

    from .pipeline import Extractor
    from .report import write_report

    if args.model and not args.rules_only and not (Path(args.model) / "config.json").is_file():
        print(f"error: model folder {args.model} has no config.json", file=sys.stderr)
        return 2
    factory = partial(Extractor.load, args.model, rules_only=args.rules_only, device=args.device)
    summary = write_report(args.inputs, args.output, extractor_factory=factory, batch_size=args.batch_size,
                           title=args.title)
    print(f"{summary.articles} articles, {summary.awards} awards, {len(summary.failed)} failed -> {args.output}",
          file=sys.stderr)
    return 1 if summary.failed else 0


BUILTIN_COMMANDS = ("extract", "evaluate", "report")


def build_parser(plugins: bool = True) -> argparse.ArgumentParser:
    """The `anugerah` parser; `plugins=False` leaves out the commands of other packages (they import slowly)."""
    ap = argparse.ArgumentParser(prog="anugerah", description="Award records from Indonesian news.")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract records from files and folders")
    ex.add_argument("inputs", nargs="+", help="files, folders (recursive) or - for stdin")
    ex.add_argument("-o", "--output", help="output file (default: stdout)")
    ex.add_argument("--output-dir", help="one output file per input, mirroring the input tree")
    ex.add_argument("--format", choices=("jsonl", "csv", "parquet"),
                    help="jsonl: one record per line; csv/parquet: a flat awards table (one row per award); "
                    "default: from the -o name (.csv, .parquet), else jsonl")
    ex.add_argument("--resume", action="store_true", help="skip articles already in the output, finish the rest")
    ex.add_argument("--errors", help="errors file (default: OUT.errors.jsonl or DIR/errors.jsonl)")
    ex.add_argument("--model", help="model folder (default: the shipped model)")
    ex.add_argument("--rules-only", action="store_true", help="no model: rules alone")
    ex.add_argument("--no-spans", action="store_true", help="leave the spans out of each record")
    ex.add_argument("--parallel", type=int, default=1, metavar="N", help="worker processes (default 1)")
    ex.add_argument("--batch-size", type=int, default=16, help="articles per model batch (default 16)")
    ex.add_argument("--device", default="cpu", help="cpu or cuda (default cpu)")
    ex.add_argument("--threads", type=int, help="torch threads per process (default: cores / --parallel)")
    ex.add_argument("--quantize", action="store_true", help="int8 dynamic quantization of the model (CPU; faster, "
                    "may change a few spans; with --backend onnx: the folder's model.int8.onnx)")
    ex.add_argument("--backend", choices=available_backends(), default="torch",
                    help="run the model with torch, or its model.onnx with ONNX Runtime (fast start; the onnx extra)")
    ex.add_argument("--engine", choices=("local", "ray"), default="local",
                    help="local processes, or Ray Data (the cluster extra) for a cluster")
    ex.add_argument("--ray-address", help="Ray cluster address (default: start or join a local Ray)")
    ex.add_argument("--num-gpus", type=float, default=0, help="GPUs per Ray worker (default 0)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")
    ex.set_defaults(func=cmd_extract)
    ev = sub.add_parser("evaluate", help="score predictions against gold records (same as score.py)")
    ev.add_argument("--gold", required=True)
    ev.add_argument("--pred", required=True)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--per-doc", action="store_true")
    ev.set_defaults(func=cmd_evaluate)
    rp = sub.add_parser("report", help="a review page: spans, their sources and the records, as one HTML file")
    rp.add_argument("inputs", nargs="+", help="articles (files, folders, - for stdin) or records JSONL from extract")
    rp.add_argument("-o", "--output", default="report.html", help="the HTML file (default: report.html)")
    rp.add_argument("--title", help="the page's title (default: Anugerah review)")
    rp.add_argument("--model", help="model folder for articles (default: the shipped model)")
    rp.add_argument("--rules-only", action="store_true", help="no model: rules alone")
    rp.add_argument("--batch-size", type=int, default=16, help="articles per model batch (default 16)")
    rp.add_argument("--device", default="cpu", help="cpu or cuda (default cpu)")
    rp.set_defaults(func=cmd_report)
    if plugins:
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
    argv = sys.argv[1:] if argv is None else argv
    # `anugerah extract` starts without importing the training extra (seconds of transformers imports)
    args = build_parser(plugins=not argv or argv[0] not in BUILTIN_COMMANDS).parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

"""Subcommands that the training extra adds to `anugerah` (through the `anugerah.commands` entry points)."""
from __future__ import annotations


def register(sub) -> None:
    """Add `train`, the annotation loop (`import-annotations`, `export-annotations`, `annotate`, `rank`) and `compare`."""
    from .loop import active
    from .corpus import annotations
    from .loop import compare
    from .loop import preannotate
    from .model import train

    p = sub.add_parser("train", help="fine-tune a token classifier and write a model folder")
    train.build_parser(p)
    p.set_defaults(func=train.run)
    p = sub.add_parser("import-annotations", help="Label Studio / doccano export -> checked corpus JSONL")
    annotations.build_import_parser(p).set_defaults(func=annotations.cmd_import)
    p = sub.add_parser("export-annotations", help="corpus JSONL -> Label Studio export or doccano JSONL")
    annotations.build_export_parser(p).set_defaults(func=annotations.cmd_export)
    p = sub.add_parser("annotate", help="pre-annotate articles: model predictions as Label Studio tasks or doccano JSONL")
    preannotate.build_parser(p).set_defaults(func=preannotate.run)
    p = sub.add_parser("rank", help="list the articles the model is least sure about (what to label next)")
    active.build_parser(p).set_defaults(func=active.run)
    p = sub.add_parser("compare", help="per-label span F1 and record scores of several models on one gold set")
    compare.build_parser(p).set_defaults(func=compare.run)

"""Subcommands that the training extra adds to `anugerah` (through the `anugerah.commands` entry points)."""
from __future__ import annotations


def register(sub) -> None:
    """Add `anugerah train` to the CLI's subparsers."""
    from . import train

    p = sub.add_parser("train", help="fine-tune a token classifier and write a model folder")
    train.build_parser(p)
    p.set_defaults(func=train.run)

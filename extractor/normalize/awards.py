"""Known awards (lexicon `awards.known`): which of them a text writes, by name or alias, however it is cased.

One matcher for the rule tagger (the `known` attribute of its AWARD spans) and for the linker (two spans name one
award; a category that only repeats the award)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons


@lru_cache(maxsize=1)
def known_patterns() -> list[tuple[str, re.Pattern]]:
    """(canonical name, pattern of its name and aliases as whole words), in lexicon order."""
    return [(e["name"], re.compile(rf"(?<![\w-]){lexicons.alternation([e['name'], *e['aliases']])}(?![\w-])", re.I))
            for e in lexicons.load("awards")["known"]]


@lru_cache(maxsize=4096)
def known_in(text: str) -> frozenset[str]:
    """The known awards a name writes: `Proper Hijau` and `Program Penilaian Peringkat Kinerja Perusahaan` both write
    PROPER."""
    return frozenset(name for name, pattern in known_patterns() if pattern.search(text))


def first_known(text: str) -> str | None:
    """The canonical name of the first known award (in lexicon order) that `text` writes, or None."""
    return next((name for name, pattern in known_patterns() if pattern.search(text)), None)

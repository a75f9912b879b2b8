"""Rule taggers: each module finds one kind of span with lexicons and patterns.

Every tagger registers itself here by its versioned name (`rules.dates.v1`);
the pipeline builds one of each from `REGISTRY`. A tagger has `tag(doc)`;
one that needs the spans of the others (agencies stop where a name starts)
also has `tag_with(doc, spans)` and runs after them.
"""
from __future__ import annotations

REGISTRY: dict[str, type] = {}


def register(cls: type) -> type:
    """Class decorator: add a rule tagger to the registry under its `name`."""
    if cls.name in REGISTRY:
        raise ValueError(f"rule tagger {cls.name!r} registered twice")
    REGISTRY[cls.name] = cls
    return cls


# the taggers, in the order the pipeline runs them
from . import dates, ranks, regions, officials, venues, awards, programs, agencies, lists  # noqa: E402,F401

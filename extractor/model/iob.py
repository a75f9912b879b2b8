"""IOB2 tags and spans, both ways: one decoder for the tagger, the training data and the public NER sets."""
from __future__ import annotations

from collections.abc import Sequence


def iob_to_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(label, first, last + 1) over positions of a tag sequence; an I- without its B- starts a new entity.

    The strict IOB2 reading of seqeval: an entity is B-X followed by I-X; a stray I-X opens one too,
    so nothing the model tagged is lost.
    """
    out: list[tuple[str, int, int]] = []
    cur: list = []
    for k, tag in enumerate(tags):
        if tag == "O" or not tag:
            if cur:
                out.append(tuple(cur))
            cur = []
            continue
        prefix, label = tag.split("-", 1) if "-" in tag else ("B", tag)
        if prefix == "I" and cur and cur[0] == label:
            cur[2] = k + 1
            continue
        if cur:
            out.append(tuple(cur))
        cur = [label, k, k + 1]
    if cur:
        out.append(tuple(cur))
    return out


def spans_to_iob(units: Sequence[tuple[int, int]], text: str, spans: Sequence[dict]) -> list[str]:
    """IOB2 tags for units (tokens or words) given by character offsets; units outside every span are O.

    A unit is inside a span when its first non-space character and its end lie within the span.
    Units with no extent (special tokens: (0, 0)) stay O.
    """
    tags = ["O"] * len(units)
    for s in spans:
        first = True
        for k, (a, b) in enumerate(units):
            if b <= a:
                continue
            while a < b and text[a].isspace():
                a += 1
            if a >= s["start"] and b <= s["end"] and a < b:
                tags[k] = ("B-" if first else "I-") + s["label"]
                first = False
    return tags

"""Training examples: the team's annotated corpus and the public Indonesian NER sets.

Every example is `{"id", "text", "spans": [{"start", "end", "label"}], "source"}`.
Public sets are read from ../shared/data at training time (never copied into
the repo), mapped onto our labels (PER/ORG/LOC), de-duplicated across sets
(the same Kompas-2014 sentences sit in several of them), and given weak TITLE
and DATE spans from the rule layer so that they do not teach the model that
titles and dates are outside every entity.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

LABELS = ("PER", "TITLE", "ORG", "LOC", "VENUE", "AWARD", "CAT", "RANK", "PROG", "DATE")
PUBLIC_MAP = {"PER": "PER", "PERSON": "PER", "PPL": "PER", "ORG": "ORG", "ORGANIZATION": "ORG",
              "ORGANISATION": "ORG", "IND": "ORG", "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC"}
# (folder, file pattern, reader) for the public sets we train on; NER-UGM and the
# yusufsyaifudin set hold the same Kompas sentences as idner-news-2k and are skipped,
# NERP is lower-cased and would teach the cased model the wrong cues.
PUBLIC_SETS = {
    "idner-news-2k": ("idner-news-2k", "train.txt"),
    "nerui": ("indolem-nerui", "train.01.tsv"),
    "nergrit": ("indonlu-nergrit", "train_preprocess.txt"),
}


class CorpusError(ValueError):
    """A corpus file holds misaligned, overlapping or unknown spans."""


def validate(doc: dict) -> list[str]:
    """Problems with one annotated document (empty list when it is fine)."""
    problems: list[str] = []
    text = doc.get("text")
    if not isinstance(text, str):
        return [f"{doc.get('id')}: no text"]
    last_end = -1
    for s in sorted(doc.get("spans", []), key=lambda s: (s["start"], s["end"])):
        where = f"{doc.get('id')} {s.get('start')}:{s.get('end')} {s.get('label')}"
        if s.get("label") not in LABELS:
            problems.append(f"{where}: unknown label")
        if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int) and 0 <= s["start"] < s["end"] <= len(text)):
            problems.append(f"{where}: offsets outside the text")
            continue
        surface = text[s["start"]:s["end"]]
        if "text" in s and s["text"] != surface:
            problems.append(f"{where}: span text {s['text']!r} != {surface!r}")
        if surface != surface.strip():
            problems.append(f"{where}: span {surface!r} has surrounding spaces")
        if s["start"] < last_end:
            problems.append(f"{where}: overlaps the span before it")
        last_end = max(last_end, s["end"])
    return problems


def read_corpus(paths: Iterable[Path]) -> list[dict]:
    """Read and validate corpus JSONL files; raise CorpusError listing every bad span."""
    docs: list[dict] = []
    problems: list[str] = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            doc.setdefault("id", f"{Path(path).stem}-{n}")
            problems.extend(f"{path}:{n}: {p}" for p in validate(doc))
            doc["source"] = doc.get("meta", {}).get("source", "team")
            docs.append(doc)
    if problems:
        raise CorpusError("misaligned spans:\n" + "\n".join(problems))
    return docs


def _read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                yield sent
            sent = []
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        yield sent


def _tokens_to_example(tokens: list[tuple[str, str]], ident: str) -> dict:
    text_parts: list[str] = []
    spans: list[dict] = []
    pos = 0
    current: dict | None = None
    for word, tag in tokens:
        start = pos
        text_parts.append(word)
        pos += len(word) + 1
        kind = tag.split("-", 1)[-1] if tag != "O" else None
        label = PUBLIC_MAP.get(kind or "")
        if label and (tag.startswith("B-") or current is None or current["label"] != label):
            current = {"start": start, "end": start + len(word), "label": label}
            spans.append(current)
        elif label and current is not None:
            current["end"] = start + len(word)
        else:
            current = None
    return {"id": ident, "text": " ".join(text_parts), "spans": spans, "source": "public"}


def _weak_labels(example: dict) -> dict:
    """Add rule-made TITLE and DATE spans where the public labels leave the text outside any entity."""
    from extractor.dates import find_dates
    from extractor.rules.officials import find_officials

    text = example["text"]
    taken = [(s["start"], s["end"]) for s in example["spans"]]
    extra = [s for s in find_officials(text) if s.label == "TITLE"] + find_dates(text)
    for s in extra:
        if not any(s.start < e and b < s.end for b, e in taken):
            example["spans"].append({"start": s.start, "end": s.end, "label": s.label})
            taken.append((s.start, s.end))
    example["spans"].sort(key=lambda s: s["start"])
    return example


def read_public(shared_data: Path, sets: Iterable[str] = tuple(PUBLIC_SETS), *, weak: bool = True) -> list[dict]:
    """Public NER sentences mapped onto our labels, de-duplicated across sets."""
    seen: set[str] = set()
    out: list[dict] = []
    for name in sets:
        folder, file = PUBLIC_SETS[name]
        path = Path(shared_data) / folder / file
        if not path.is_file():
            raise FileNotFoundError(f"public set {name!r} not found at {path}")
        for k, tokens in enumerate(_read_conll(path)):
            ex = _tokens_to_example(tokens, f"{name}-{k}")
            key = re.sub(r"\W+", "", ex["text"].lower())
            if len(key) < 20 or key in seen:
                continue
            seen.add(key)
            out.append(_weak_labels(ex) if weak else ex)
    return out


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]

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
from extractor.core.spans import LABELS  # the one label list

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
    """A corpus file holds misaligned, overlapping, word-breaking or unknown spans."""


def span_problems(doc: dict) -> list[tuple[int, str]]:
    """(index into doc["spans"], problem) for every bad span, so importers can drop exactly the bad ones."""
    text = doc.get("text")
    if not isinstance(text, str):
        return [(-1, f"{doc.get('id')}: no text")]
    spans = doc.get("spans", [])
    out: list[tuple[int, str]] = []
    last_end, last = -1, None
    order = sorted(range(len(spans)), key=lambda k: (_int(spans[k].get("start")), _int(spans[k].get("end"))))
    for k in order:
        s = spans[k]
        start, end = s.get("start"), s.get("end")
        ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        where = f"{doc.get('id')} {start}:{end} {s.get('label')} {text[start:end] if ok else s.get('text')!r}"
        if s.get("label") not in LABELS:
            out.append((k, f"{where}: unknown label"))
        if not ok:
            out.append((k, f"{where}: offsets outside the text"))
            continue
        surface = text[start:end]
        if "text" in s and s["text"] != surface:
            out.append((k, f"{where}: misaligned: span text {s['text']!r} != {surface!r}"))
        if surface != surface.strip():
            out.append((k, f"{where}: span {surface!r} has surrounding spaces"))
        if (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or \
                (end < len(text) and text[end - 1].isalnum() and text[end].isalnum()):
            out.append((k, f"{where}: breaks a word ({_context(text, start, end)})"))
        if start < last_end:
            out.append((k, f"{where}: overlaps the span before it ({last})"))
        if end > last_end:
            last_end, last = end, f"{start}:{end} {s.get('label')} {surface!r}"
    return out


def validate(doc: dict) -> list[str]:
    """Problems with one annotated document (empty list when it is fine)."""
    return [p for _, p in span_problems(doc)]


def _int(v: object) -> int:
    return v if isinstance(v, int) else -1


def _context(text: str, start: int, end: int) -> str:
    """The span in brackets with a few characters around it, to show where a word was cut."""
    return repr(text[max(0, start - 8):start] + "[" + text[start:end] + "]" + text[end:end + 8])


def read_corpus(paths: Iterable[Path], texts: Path | None = None) -> list[dict]:
    """Read and validate corpus JSONL files; raise CorpusError listing every bad span.

    Lines without text (standoff annotations of third-party pages, data/real/) are joined to
    their pages in `texts` (default ../shared/data/award-pages) by id, checked by hash.
    """
    from .standoff import PAGES, is_standoff, join, load_pages

    docs: list[dict] = []
    problems: list[str] = []
    pages: dict | None = None
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            if is_standoff(doc):
                pages = pages if pages is not None else load_pages(texts or PAGES)
                doc = join([doc], pages, where=f"{path}:{n}: ")[0]
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
    """A CoNLL sentence (word, tag) as a corpus example: words joined by spaces, entities mapped to our labels."""
    from extractor.model.iob import iob_to_spans

    words = [w for w, _ in tokens]
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    tags = []
    for _, tag in tokens:
        kind = tag.split("-", 1)[-1] if tag != "O" else None
        label = PUBLIC_MAP.get(kind or "")
        tags.append(f"{'B-' if tag.startswith('B-') else 'I-'}{label}" if label else "O")  # a bare tag continues
    spans = [{"start": starts[a], "end": starts[b - 1] + len(words[b - 1]), "label": label} for label, a, b in iob_to_spans(tags)]
    return {"id": ident, "text": " ".join(words), "spans": spans, "source": "public"}


def _weak_labels(example: dict) -> dict:
    """Add rule-made TITLE and DATE spans where the public labels leave the text outside any entity."""
    from extractor.normalize.dates import find_dates
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

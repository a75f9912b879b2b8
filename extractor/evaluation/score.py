#!/usr/bin/env python3
"""Score predicted award records against gold records (see RECORD.md).

A verbatim copy of the official ../shared/spec/score.py (standard library only),
so `anugerah evaluate` reports exactly what the official scorer reports;
tests/test_score.py checks the copy against the original when it is present.

    score.py GOLD PRED [--json] [--per-doc]

GOLD and PRED are each a JSONL file of records, or a folder of *.json files
(one record each, or {"gold": record} / {"record": record}). Records pair up
by `doc_id`. A gold record with no prediction counts as an empty prediction.
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

HONORIFICS = {
    "dr", "drs", "dra", "ir", "h", "hj", "prof", "kh", "st", "s", "sh", "se",
    "si", "sos", "sip", "msi", "mm", "mh", "mt", "mpd", "spd", "skm", "mkes",
    "ak", "phd", "mba", "msc", "ma", "mag", "me", "mkn", "ssos", "ssi", "skom",
    "sstp", "map", "mpa", "ipu", "asean", "eng", "bsc", "spog", "sked", "mars",
    "kom", "ikom", "tp", "pt", "hum", "dr", "mr", "ms", "bapak", "ibu", "pak",
    "bu", "sdr", "tn", "ny", "gus", "kyai", "kiai", "habib", "raden",
    "pd", "ked", "ip", "mp", "mi", "ag", "hi", "psi", "stp", "apt", "mmr",
    "sp", "mtp", "mba", "lc", "th", "mag", "ipm", "cpa", "gelar",
}
STOP = {"dan", "di", "ke", "dari", "yang", "the", "of", "untuk", "pada", "ri", "republik", "indonesia"}
# Abbreviations that Indonesian writing uses for the same organisation.
EXPAND = {
    "pemkab": ("pemerintah", "kabupaten"), "pemkot": ("pemerintah", "kota"),
    "pemprov": ("pemerintah", "provinsi"), "pemda": ("pemerintah", "daerah"),
    "kab": ("kabupaten",), "prov": ("provinsi",), "propinsi": ("provinsi",),
    "walikota": ("wali", "kota"), "wakil walikota": ("wakil", "wali", "kota"),
}
# Words that name a kind of thing, not which one: a match needs more than these.
GENERIC = {
    "pemerintah", "kabupaten", "kota", "provinsi", "daerah", "kementerian", "dinas",
    "badan", "kantor", "bagian", "biro", "sekretariat", "dewan", "lembaga", "pt",
    "tbk", "persero", "kepala", "wakil", "menteri", "penghargaan", "anugerah",
    "award", "awards", "tahun", "piala", "predikat", "kategori", "program", "inovasi",
    "nasional", "tingkat", "terbaik", "juara", "peringkat", "ke", "se", "desa", "kelurahan",
}
# Words that say nothing about an award's name or a category.
AWARD_FILLER = {"penghargaan", "anugerah", "award", "awards", "tahun", "piala", "predikat", "kategori", "ajang", "tingkat", "nasional"}
DEGREE_RE = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,5}\.){1,4}(?:\s*[A-Z][A-Za-z]{0,5}\.)*")


def fold(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


def words(text: str | None, *, person: bool = False) -> tuple[str, ...]:
    if not text:
        return ()
    if person:
        text = DEGREE_RE.sub(" ", str(text))
    toks = []
    for t in re.findall(r"[0-9a-z]+", fold(text)):
        toks.extend(EXPAND.get(t, (t,)))
    if person:
        toks = [t for t in toks if t not in HONORIFICS]
    else:
        toks = [t for t in toks if t not in STOP]
    return tuple(toks)


def contains(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when the words of one side all stand in the other, and the
    shorter side says more than a kind ("Kota", "Kementerian")."""
    if not a or not b:
        return False
    sa, sb = set(a), set(b)
    small = sa if len(sa) <= len(sb) else sb
    if not small - GENERIC:
        return sa == sb
    return sa <= sb or sb <= sa


def similar(a: str | None, b: str | None) -> bool:
    """Loose match for award names, categories and titles: containment, or at
    least half of the shorter side's distinctive words shared."""
    wa, wb = words(a), words(b)
    if contains(wa, wb):
        return True
    sa = {t for t in wa if t not in AWARD_FILLER and not t.isdigit()}
    sb = {t for t in wb if t not in AWARD_FILLER and not t.isdigit()}
    if not sa or not sb:
        return False
    shared = sa & sb
    return bool(shared - GENERIC) and len(shared) / min(len(sa), len(sb)) >= 0.5


def names_match(pred: str | None, gold_names: list[str], *, person: bool = False) -> bool:
    p = words(pred, person=person)
    return any(contains(p, words(g, person=person)) for g in gold_names if g)


class Counter:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def f1(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class Accuracy:
    def __init__(self) -> None:
        self.right = self.total = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    def value(self) -> dict:
        return {"accuracy": round(self.right / self.total, 4) if self.total else None,
                "n": self.total}


def match_sets(gold_items, pred_items, gold_keys, pred_key, counter, *, person=False):
    """Greedy one-to-one matching. Returns [(gold, pred)] pairs.

    A prediction that matches only gold items already taken is a duplicate,
    not a false positive."""
    taken: set[int] = set()
    pairs = []
    for pred in pred_items:
        pk = pred_key(pred)
        if not words(pk, person=person):
            continue
        hit = None
        dup = False
        for i, gold in enumerate(gold_items):
            if names_match(pk, gold_keys(gold), person=person):
                if i in taken:
                    dup = True
                    continue
                hit = i
                break
        if hit is not None:
            taken.add(hit)
            pairs.append((gold_items[hit], pred))
            counter.tp += 1
        elif not dup:
            counter.fp += 1
    counter.fn += len(gold_items) - len(taken)
    return pairs


def as_list(v):
    return v if isinstance(v, list) else []


def agency_names(a) -> list[str]:
    if isinstance(a, str):
        return [a]
    if isinstance(a, dict):
        return [a.get("name") or ""] + [x for x in as_list(a.get("aliases")) if isinstance(x, str)]
    return []


def get(d, k):
    return d.get(k) if isinstance(d, dict) else None


def text_eq(a, b) -> bool:
    return bool(words(a)) and words(a) == words(b)


def score(gold_docs: dict, pred_docs: dict, per_doc: bool = False) -> dict:
    c = {k: Counter() for k in ("officials", "agencies", "programs", "awards")}
    acc = {k: Accuracy() for k in (
        "official_title", "award_rank", "award_name", "award_category",
        "program_agency", "event_date", "published", "venue", "venue_city")}
    docs = []
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id) or {}
        before = {k: (v.tp, v.fp, v.fn) for k, v in c.items()}

        pairs = match_sets(as_list(gold.get("officials")), as_list(pred.get("officials")),
                           lambda g: [get(g, "name") or ""] + as_list(get(g, "aliases")),
                           lambda p: get(p, "name"), c["officials"], person=True)
        for g, p in pairs:
            if get(g, "title"):
                acc["official_title"].add(similar(get(g, "title"), get(p, "title")))

        match_sets(as_list(gold.get("agencies")), [agency_names(a) for a in as_list(pred.get("agencies"))],
                   agency_names, lambda names: names[0] if names else "", c["agencies"])

        pairs = match_sets(as_list(gold.get("programs")), as_list(pred.get("programs")),
                           lambda g: [get(g, "name") or ""] + as_list(get(g, "aliases")),
                           lambda p: get(p, "name"), c["programs"])
        for g, p in pairs:
            if get(g, "agency"):
                acc["program_agency"].add(names_match(get(p, "agency"), [get(g, "agency")]))

        pairs = match_sets(as_list(gold.get("awards")), as_list(pred.get("awards")),
                           lambda g: [get(g, "recipient") or ""] + as_list(get(g, "recipient_aliases")),
                           lambda p: get(p, "recipient"), c["awards"])
        for g, p in pairs:
            if get(g, "rank") is not None:
                acc["award_rank"].add(get(p, "rank") == get(g, "rank"))
            if get(g, "award"):
                acc["award_name"].add(similar(get(p, "award"), get(g, "award")))
            if get(g, "category"):
                acc["award_category"].add(similar(get(p, "category"), get(g, "category")))

        for k in ("event_date", "published"):
            if gold.get(k):
                acc[k].add(pred.get(k) == gold.get(k))
        if gold.get("venue"):
            acc["venue"].add(contains(words(gold.get("venue")), words(pred.get("venue"))))
        if gold.get("venue_city"):
            acc["venue_city"].add(text_eq(gold.get("venue_city"), pred.get("venue_city")))

        if per_doc:
            docs.append({"doc_id": doc_id, **{
                k: {"tp": v.tp - before[k][0], "fp": v.fp - before[k][1], "fn": v.fn - before[k][2]}
                for k, v in c.items()}})

    fields = {k: v.f1() for k, v in c.items()}
    accs = {k: v.value() for k, v in acc.items()}
    parts = [v["f1"] for v in fields.values()] + [v["accuracy"] for v in accs.values() if v["accuracy"] is not None]
    out = {"documents": len(gold_docs), "predicted": sum(1 for d in gold_docs if d in pred_docs),
           "overall": round(sum(parts) / len(parts), 4) if parts else 0.0,
           "fields": fields, "accuracy": accs}
    if per_doc:
        out["per_doc"] = docs
    return out


def load(path: Path) -> dict:
    recs = []
    if path.is_dir():
        for f in sorted(path.glob("*.json")):
            obj = json.loads(f.read_text(encoding="utf-8"))
            rec = obj.get("gold") or obj.get("record") or obj
            rec.setdefault("doc_id", obj.get("id") or f.stem)
            recs.append(rec)
    else:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                recs.append(obj.get("record") or obj)
    return {str(r.get("doc_id")): r for r in recs}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    ap.add_argument("--per-doc", action="store_true")
    a = ap.parse_args(argv)
    rep = score(load(a.gold), load(a.pred), per_doc=a.per_doc)
    if a.json:
        print(json.dumps(rep, indent=2, ensure_ascii=False))
        return 0
    print(f"documents {rep['documents']}  predicted {rep['predicted']}")
    for k, v in rep["fields"].items():
        print(f"{k:16s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    for k, v in rep["accuracy"].items():
        if v["accuracy"] is not None:
            print(f"{k:16s} acc {v['accuracy']:.3f}  (n={v['n']})")
    print(f"overall {rep['overall']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

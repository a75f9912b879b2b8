"""Strict award-entry F1: an entry counts only when winner, award, category and rank all agree with a gold entry.

The same check as ../shared/spec/entries.py (a test keeps them in step), on
score.py's loose text matching: an empty gold category or rank must be empty
in the prediction too. `anugerah evaluate` prints it beside score.py's report.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import score as S


def entry_ok(gold: dict, pred: dict) -> bool:
    """True when one predicted entry states the same winner, award, category and rank as the gold one."""
    if not S.names_match(pred.get("recipient"), [gold.get("recipient") or ""] + S.as_list(gold.get("recipient_aliases"))):
        return False
    if gold.get("award") and not S.similar(pred.get("award"), gold.get("award")):
        return False
    if bool(gold.get("category")) != bool(pred.get("category")):
        return False
    if gold.get("category") and not S.similar(pred.get("category"), gold.get("category")):
        return False
    return gold.get("rank") == pred.get("rank")


@dataclass
class EntryScore:
    f1: float
    tp: int
    fp: int
    fn: int

    def line(self, name: str = "all", articles: int | None = None) -> str:
        n = f"  articles {articles:3}" if articles is not None else ""
        return f"entries {name:16}{n}  F1 {self.f1:.3f}  tp {self.tp} fp {self.fp} fn {self.fn}"


def entry_f1(gold: dict[str, dict], pred: dict[str, dict], ids=None) -> EntryScore:
    """Strict entry F1 over the documents `ids` (default: every gold document); greedy one-to-one matching."""
    tp = fp = fn = 0
    for d in (gold if ids is None else ids):
        gs = S.as_list(gold[d].get("awards"))
        ps = S.as_list((pred.get(d) or {}).get("awards"))
        taken: set[int] = set()
        for p in ps:
            hit = next((i for i, g in enumerate(gs) if i not in taken and entry_ok(g, p)), None)
            if hit is None:
                fp += 1
            else:
                taken.add(hit)
                tp += 1
        fn += len(gs) - len(taken)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return EntryScore(2 * p * r / (p + r) if p + r else 0.0, tp, fp, fn)

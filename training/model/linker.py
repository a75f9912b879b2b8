"""Train the learned award linker (extractor/link/learned.py) from annotated records and write `linker.json`.

    python -m training.model.linker --data data/real/train.jsonl data/corpus/*.jsonl \
        --dev-data data/real/dev.jsonl --oof-data data/real/train.jsonl --model models/NAME

For every training article the candidates are built twice: from the spans the
extractor finds with `--spans-model` (rules and model, as at run time) and from
the gold spans, so the decisions learn from both clean and noisy spans. Labels
come from the gold record through score.py's own matching: a mention is a
winner when it names a gold recipient (and of the mentions of one gold
recipient, only the one a first winner model scores highest stays a positive:
`best_mentions`); a category, rank or award candidate belongs to a winner when
it matches that winner's gold entry. One logistic
regression per decision (scikit-learn), exported as plain weights; the
category and award decisions are conditional logits over each winner
mention's candidates and `none` (`fit_choice`, `--choice`). The
thresholds are then chosen for the best award score (winner F1, the entry
accuracies and strict entries) with the extractor's own spans, on the dev
articles pooled with the `--oof-data` articles, each linked out of fold.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from extractor.core.document import Document
from extractor.core.spans import Span
from extractor.evaluation import score as S
from extractor.link import _normalise
from extractor.link import features as F
from extractor.link.common import span_category
from extractor.link.learned import (COMPONENTS, AwardLinker, LinearModel, award_rows, candidates, category_rows,
                                    organizer_rows, winner_rows)
from extractor.link.rank_rows import rank_rows
from extractor.normalize.places import name_key

from ..corpus.data import file_hash, read_corpus
from ..corpus.split import ceremony
from ..corpus.standoff import sha256

DEFAULT_THRESHOLDS = {"document": 0.5, "winner": 0.5, "category": 0.5, "rank": 0.5, "award": 0.5, "organizer": 0.5,
                      "peers": 0.9, "split": 0.0, "group": 0.4}
# `peers` is set, not tuned: 71 dev articles could not tell its values apart (0.8618 overall at 0, 0.8598 at 0.9),
# while the linker out-of-fold on the 355 real train articles (5 folds) preferred 0.9 to 0 (awards F1 0.742 -> 0.752)
# `group` is set, not tuned: a list with one name at the winner threshold and a mean of 0.4 wins whole. Out of fold
# on the real train split (cross-fitted spans, seeds 0/1) awards F1 0.785/0.779 -> 0.801/0.799, strict entries
# 0.5261/0.5260 -> 0.5266/0.5273; with the mean alone (no sure name) 0.794/0.792 and 0.5229/0.5247. With the sure
# name found anywhere in the article (the inference of the nineteenth read), 0.4 and 0.35 scored alike (overall
# 0.8122/0.8112 and 0.8122/0.8113)
# the smallest gain of award_score that moves a threshold off its default: smaller ones are one or two articles
# (document 0.5 -> 0.2 gained 0.0002 on the 426 pooled articles; out of fold on the train split it gave entries
# to 20 instead of 17 of the 77 pages without winners)
MIN_GAIN = 0.002
C_DEFAULT = 0.5  # inverse regularisation strength of the regressions (`--c`)
# rounds of multiple-instance labels for the winner model (`best_mentions`): out of fold on the real train split
# (folds by ceremony) one round took awards F1 0.792 -> 0.824, a second 0.824 -> 0.827
WINNER_ROUNDS = 2
# the rows of one decision (a winner mention's candidates) for a choice model are kept under `<component>/choice`
CHOICE_SUFFIX = "/choice"
CHOOSABLE = ("category", "rank", "award")
# decisions learnt as choice models. Out of fold on the real train split (two fold seeds, in-sample / cross-fitted
# spans), against one logistic model per candidate: award 1.4848 -> 1.5411 / 1.2146 -> 1.2398 and 1.5020 -> 1.5455 /
# 1.2248 -> 1.2414 award score (award name 0.886 -> 0.936); category +0.008 / -0.0025 and +0.019 / -0.0024 (category
# 0.853 -> 0.866, strict entries lower with cross-fitted spans); rank no steadier (0.851 -> 0.845, 0.857 -> 0.871)
CHOICE_MODELS = ("category", "award")
GRID = {"document": (0.2, 0.35, 0.5, 0.65), "winner": (0.3, 0.4, 0.5, 0.6, 0.7), "category": (0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
        "rank": (0.3, 0.5, 0.7), "award": (0.2, 0.35, 0.5, 0.65, 0.8), "organizer": (0.3, 0.5, 0.7),
        "split": (0.0, 0.6, 0.75, 0.9)}
# `split` (0: the category threshold) is how sure the category model must be of a winner mention's own category
# before that category opens a second entry for the winner (a university that wins three categories)


def gold_spans(doc: dict) -> list[Span]:
    return [Span(s["start"], s["end"], doc["text"][s["start"]:s["end"]], s["label"], "gold") for s in doc["spans"]]


def extractor_spans(docs: list[dict], model: str | None, cache: Path | None, log, policy=None,
                    given: dict[str, list] | None = None) -> dict[str, list[Span]]:
    """The extractor's spans (rules and the model of `model`) per document id, merged by `policy` (default: the
    model card's); the raw spans of every tagger are cached as JSON by text hash. `given`: raw spans by text hash
    that take the place of `model`'s (the cross-fitted spans of `training/model/crossfit.py`)."""
    from extractor.core.spans import MergePolicy, resolve
    from extractor.model import ModelFolder

    if policy is None:
        folder = ModelFolder.resolve(model) if model != "rules" else None
        policy = MergePolicy.from_card(folder.meta if folder else None)
    from extractor import Extractor

    stored: dict = {}
    if cache and cache.is_file():
        stored = json.loads(cache.read_text(encoding="utf-8"))
    out, todo = {}, []
    given = given or {}
    for d in docs:
        key = sha256(d["text"])
        raw = given.get(key, stored.get(key))
        if raw is not None:
            out[d["id"]] = resolve([Span(a, b, d["text"][a:b], lab, src, sc, _attrs(attrs))
                                    for a, b, lab, src, sc, attrs in raw], policy)
        else:
            todo.append(d)
    if todo:
        ex = Extractor.load(model, rules_only=model == "rules")
        log(f"spans: running the extractor ({ex.model_name}) on {len(todo)} documents")
        for d in todo:
            spans = ex.raw_spans(Document(d["text"], doc_id=d["id"]))
            out[d["id"]] = resolve(spans, policy)
            stored[sha256(d["text"])] = [stored_span(s) for s in spans]
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps(stored), encoding="utf-8")
    return out


def stored_span(s: Span) -> list:
    """A raw span as the spans cache stores it (JSON)."""
    return [s.start, s.end, s.label, s.source, s.score, _plain(s.attrs)]


def _plain(attrs: dict) -> dict:
    out = {}
    for k, v in attrs.items():
        if hasattr(v, "__dataclass_fields__"):
            out[k] = {"__parts__": [v.day, v.month, v.year, v.weekday]}
        elif isinstance(v, (str, int, float, bool)) or v is None:
            out[k] = v
    return out


def _attrs(d: dict) -> dict:
    from extractor.normalize.dates import DateParts

    return {k: DateParts(*v["__parts__"]) if isinstance(v, dict) and "__parts__" in v else v for k, v in d.items()}


def _entries_of(record: dict, text: str) -> list[dict]:
    return [e for e in record.get("awards") or [] if e.get("recipient")]


def _names(e: dict) -> list[str]:
    return [e.get("recipient") or ""] + S.as_list(e.get("recipient_aliases"))


def rows(doc: dict, spans: list[Span]) -> dict[str, list[tuple]]:
    """Labelled feature rows of one article for every decision. A winner row also names the entity its mention
    belongs to (its mention group in this article), for `best_mentions`."""
    d = Document(doc["text"], doc_id=doc["id"])
    live = [s for s in _normalise(d.text, spans) if not d.in_noise(s.start, s.end)]
    c = candidates(d, live)
    entries = _entries_of(doc["record"], doc["text"])
    out: dict[str, list[tuple[dict, int]]] = defaultdict(list)
    winners = []
    for k, f in winner_rows(c):
        m = c.mentions[k]
        text = m.text
        matched = [e for e in entries if S.names_match(text, _names(e))]
        out["winner"].append((f, int(bool(matched)), c.entity_of[k]))
        if not matched:
            continue
        winners.append(m)
        decisions = {
            "category": [(g, int(any(e.get("category") and S.similar(span_category(d.text, cat), e["category"])
                                     for e in matched))) for cat, g in category_rows(c, m)],  # as the record writes it
            "rank": [(g, int(any(e.get("rank") == value for e in matched))) for value, _text, g in rank_rows(c, m)],
            "award": [(g, int(any(e.get("award") and S.similar(aw.text, e["award"]) for e in matched)))
                      for aw, g in award_rows(c, m)],
        }
        for comp, rs in decisions.items():
            out[comp].extend(rs)
            # one decision: the candidates of this mention, or none; labelled by whether a candidate is right
            out[comp + CHOICE_SUFFIX].append((rs, int(any(y for _g, y in rs))))
    organizers = [e["organizer"] for e in entries if e.get("organizer")]
    for o, g in organizer_rows(c, [name_key(w.text) for w in winners]):
        out["organizer"].append((g, int(S.names_match(o.text, organizers)) if organizers else 0))
    return out


def best_mentions(view: list[tuple[dict, int, int]], model: LinearModel) -> list[tuple[dict, int, float]]:
    """Winner rows of one article with multiple-instance labels: of the mentions of one gold winner only the one
    `model` finds most telling stays a positive, weighted by the number of its winner's mentions; the others are
    left out. Negatives stay, each of weight 1.

    A winner is named by its best mention at run time (the entity takes its mentions' highest probability), while
    every mention that names a gold winner is a positive by name: the region in `Gubernur NTB`, a dateline, a
    later `kata Bupati X`. Learnt as positives, such mentions teach that any region in a title or a dateline wins.
    The weight keeps what a winner weighs: without it, one positive against the many negative mentions of a
    well-covered loser teaches that a much-mentioned entity loses, and the subject of a one-winner article is lost."""
    best: dict[int, tuple[float, int]] = {}
    count: dict[int, int] = defaultdict(int)
    for i, (f, y, entity) in enumerate(view):
        if y:
            count[entity] += 1
            p = model.prob(f)
            if entity not in best or p > best[entity][0]:
                best[entity] = (p, i)
    keep = {i: entity for entity, (_p, i) in best.items()}
    return [(f, y, float(count[keep[i]]) if y else 1.0) for i, (f, y, _e) in enumerate(view) if not y or i in keep]


def document_rows(doc: dict, spans: list[Span], winner: LinearModel) -> tuple[dict, int]:
    """The article-level row: its evidence and the trained winner model's probabilities; label: gold has entries."""
    d = Document(doc["text"], doc_id=doc["id"])
    live = [s for s in _normalise(d.text, spans) if not d.in_noise(s.start, s.end)]
    c = candidates(d, live)
    probs = [winner.prob(f) for _, f in winner_rows(c)]
    return F.document_features(c.ctx, probs), int(bool(_entries_of(doc["record"], doc["text"])))


def fit(samples: list[tuple], c: float = 1.0) -> LinearModel:
    """A logistic regression on sparse named features, exported as weights; a sample is (features, label) or
    (features, label, weight)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [r[0] for r in samples]
    y = [r[1] for r in samples]
    weights = [r[2] if len(r) > 2 else 1.0 for r in samples]
    if len(set(y)) < 2:  # nothing to learn: a constant model
        return LinearModel({}, 4.0 if (y and y[0]) else -4.0)
    vec = DictVectorizer()
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(vec.fit_transform(X), y, sample_weight=weights)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-6}
    return LinearModel(weights, round(float(clf.intercept_[0]), 5))


def fit_choice(decisions: list[list[tuple[dict, int]]], c: float = 1.0) -> LinearModel:
    """A conditional logit: each decision picks one of its candidates (features, label) or none (score 0); the
    likelihood of a decision is the softmax mass of its positive candidates (of none, when it has no positive).
    L2-penalised like `fit` (strength 1/c); weights exported as a `choice` model."""
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.feature_extraction import DictVectorizer

    decisions = [d for d in decisions if d]
    if not decisions:
        return LinearModel({}, -4.0, "choice")
    vec = DictVectorizer()
    X = vec.fit_transform([f for d in decisions for f, _y in d]).tocsr()
    y = np.array([y for d in decisions for _f, y in d], dtype=float)
    sizes = np.array([len(d) for d in decisions])
    n = len(decisions)
    group = np.repeat(np.arange(n), sizes)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    has_pos = np.bincount(group, weights=y, minlength=n) > 0

    def loss(w):
        s = X @ w
        top = np.maximum(0.0, np.maximum.reduceat(s, starts))
        e = np.exp(s - top[group])
        z = np.exp(-top) + np.bincount(group, weights=e, minlength=n)
        num = np.where(has_pos, np.bincount(group, weights=e * y, minlength=n), np.exp(-top))
        value = -np.sum(np.log(num) - np.log(z)) + 0.5 / c * (w @ w)
        # gradient: expected features under the softmax minus expected features under the positives' share
        p_all = e / z[group]
        p_pos = np.where(has_pos[group], e * y / np.where(num > 0, num, 1.0)[group], 0.0)
        grad = X.T @ (p_all - p_pos) + w / c
        return value, grad

    res = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), res.x) if abs(w) > 1e-6}
    return LinearModel(weights, 0.0, "choice")


def score_docs(linker: AwardLinker, docs: list[dict], spans: dict[str, list[Span]]) -> dict:
    """score.py report (and strict entries) of the award entries the linker gives with these spans."""
    return score_parts([(linker, docs)], spans)


def score_parts(parts: list[tuple[AwardLinker, list[dict]]], spans: dict[str, list[Span]]) -> dict:
    """One score.py report (and strict entries) over several groups of articles, each linked by its own linker
    (the dev articles by the full linker, each held-out fold by the linker that did not see it)."""
    from extractor.evaluation.entries import entry_f1
    from extractor.link import link

    gold, pred = {}, {}
    for linker, docs in parts:
        for d in docs:
            doc = Document(d["text"], doc_id=d["id"])
            rec = link(doc, spans[d["id"]], linker)
            gold[d["id"]] = {**d["record"], "doc_id": d["id"]}
            pred[d["id"]] = rec.to_dict(spans=False)
    rep = S.score(gold, pred)
    rep["entries"] = entry_f1(gold, pred).f1
    return rep


def award_score(rep: dict) -> float:
    """The award part of score.py's overall: awards F1 and the award accuracies, plus strict entries."""
    acc = rep["accuracy"]
    parts = [rep["fields"]["awards"]["f1"]] + [acc[k]["accuracy"] for k in ("award_rank", "award_name", "award_category")
                                                if acc[k]["accuracy"] is not None]
    return sum(parts) / len(parts) + rep["entries"]


def tune(parts: list[tuple[AwardLinker, list[dict]]], spans: dict[str, list[Span]], log) -> dict:
    """Pick each threshold in turn (coordinate search over GRID) for the best pooled score of all parts; every
    part's linker gets the same thresholds. A threshold moves only for a gain of MIN_GAIN or more."""
    thresholds = dict(parts[0][0].thresholds)

    def score(th: dict) -> float:
        for linker, _docs in parts:
            linker.thresholds = dict(th)
        return award_score(score_parts(parts, spans))

    best = score(thresholds)
    for _round in range(2):
        for comp in GRID:
            for t in GRID[comp]:
                trial = {**thresholds, comp: t}
                s = score(trial)
                if s > best + MIN_GAIN:
                    best, thresholds = s, trial
                    log(f"  {comp} threshold {t}: {s:.4f}")
    for linker, _docs in parts:
        linker.thresholds = dict(thresholds)
    return thresholds


def train(docs: list[dict], spans: dict[str, list[Span]], c: float,
          cached: dict[str, list[dict]] | None = None, choice: tuple[str, ...] = CHOICE_MODELS) -> AwardLinker:
    """Fit every decision on `docs`, each seen through the extractor's spans and through its gold spans
    (`cached`: the rows of each article, built once when several linkers learn from overlapping articles;
    `choice`: the decisions whose candidates compete in one softmax (`fit_choice`), the others judge each alone)."""
    samples: dict[str, list] = defaultdict(list)
    winner_views = []
    for d in docs:
        for view_rows in (cached[d["id"]] if cached else _view_rows(d, spans[d["id"]])):
            for comp, rs in view_rows.items():
                samples[comp].extend(rs)
            winner_views.append(view_rows.get("winner", []))
    models = {k: fit_choice([g for g, _ in samples.get(k + CHOICE_SUFFIX, [])], c) if k in choice
              else fit(samples.get(k, []), c) for k in COMPONENTS if k not in ("document", "winner")}
    # the winner model learns from every mention that names a gold winner, then (WINNER_ROUNDS times) from the
    # best of them as the model before it sees them
    winner = fit([(f, y) for f, y, _e in samples.get("winner", [])], c)
    for _round in range(WINNER_ROUNDS):
        samples["winner"] = [r for view in winner_views for r in best_mentions(view, winner)]
        winner = fit(samples["winner"], c)
    models["winner"] = winner
    # the article gate learns from what the trained winner model says about each training article
    gate = [document_rows(d, view, models["winner"]) for d in docs for view in (spans[d["id"]], gold_spans(d))]
    models["document"] = fit(gate, c)
    linker = AwardLinker(models, dict(DEFAULT_THRESHOLDS))
    linker.meta["rows"] = {k: [len(v), sum(r[1] for r in v)] for k, v in [*samples.items(), ("document", gate)]}
    return linker


def _view_rows(doc: dict, spans: list[Span]) -> list[dict[str, list]]:
    return [rows(doc, spans), rows(doc, gold_spans(doc))]


def ceremony_folds(held: list[dict], folds: int, seed: int = 0) -> dict[str, int]:
    """The fold of each article: its ceremony's place in a shuffled list of the ceremonies, dealt round the folds (the
    pages of one ceremony stay in one fold, as in the train/dev/test split)."""
    group = {d["id"]: ceremony({**d["record"], "doc_id": d["id"]}) for d in held}
    groups = sorted(set(group.values()))
    random.Random(seed).shuffle(groups)
    fold_of = {g: k % folds for k, g in enumerate(groups)}
    return {i: fold_of[g] for i, g in group.items()}


def out_of_fold(docs: list[dict], held: list[dict], spans: dict[str, list[Span]], c: float, folds: int,
                log, cached: dict[str, list[dict]] | None = None,
                choice: tuple[str, ...] = CHOICE_MODELS) -> list[tuple[AwardLinker, list[dict]]]:
    """(linker, its held-out articles) for each of `folds` folds of `held`: each linker learns from `docs` minus its
    fold, so the thresholds can be chosen on articles the decisions did not see, many more than the dev split. The
    pages of one ceremony stay in one fold (as in the train/dev/test split): a linker that saw another report of the
    same ceremony would look better on its fold than on unseen articles
    (`cached`: the rows of `docs` when the caller has built them already)."""
    cached = cached or {d["id"]: _view_rows(d, spans[d["id"]]) for d in docs}
    fold_of = ceremony_folds(held, folds)
    parts = []
    for f in range(folds):
        out = {i for i, k in fold_of.items() if k == f}
        parts.append((train([d for d in docs if d["id"] not in out], spans, c, cached, choice),
                      [d for d in held if d["id"] in out]))
        log(f"fold {f + 1}/{folds}: {len(out)} held-out articles")
    return parts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.model.linker", description=__doc__.splitlines()[0])
    ap.add_argument("--data", nargs="+", type=Path, required=True, help="annotated corpus files with gold records")
    ap.add_argument("--dev-data", nargs="+", type=Path, required=True, help="dev articles: threshold choice and report")
    ap.add_argument("--model", type=Path, required=True, help="model folder to write linker.json into")
    ap.add_argument("--spans-model", help="model whose spans the training candidates come from (default: --model)")
    ap.add_argument("--cache", type=Path, default=Path("runs/spans-cache.json"), help="spans cache (JSON)")
    ap.add_argument("--train-spans", type=Path,
                    help="raw spans of training articles by text hash (`spans.json` of training/model/crossfit.py) "
                         "in place of the spans model's: spans of a tagger that did not learn from the article")
    ap.add_argument("--c", type=float, default=C_DEFAULT, help="inverse regularisation strength of the regressions")
    ap.add_argument("--choice", nargs="*", choices=CHOOSABLE, default=list(CHOICE_MODELS),
                    help="decisions whose candidates (of one winner mention) and `none` compete in one softmax; "
                         "the others judge each candidate alone (default: %(default)s)")
    ap.add_argument("--no-tune", action="store_true", help="keep the default thresholds")
    ap.add_argument("--oof-data", nargs="+", type=Path, default=[],
                    help="training files (also in --data) whose articles help choose the thresholds out of fold: "
                         "each fold is linked by a linker trained without it, pooled with the dev articles")
    ap.add_argument("--folds", type=int, default=5, help="folds for --oof-data")
    args = ap.parse_args(argv)
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    start = time.time()
    train_docs = [d for d in read_corpus(args.data) if d.get("record")]
    dev_docs = [d for d in read_corpus(args.dev_data) if d.get("record")]
    spans_model = args.spans_model or str(args.model)
    cache = args.cache.with_name(f"{args.cache.stem}-{Path(spans_model).name}{args.cache.suffix}") if args.cache else None
    given = json.loads(args.train_spans.read_text(encoding="utf-8")) if args.train_spans else None
    train_spans = extractor_spans(train_docs, spans_model, cache, log, given=given)
    covered = sum(sha256(d["text"]) in given for d in train_docs) if given else 0
    if given:
        log(f"training spans: {covered} of {len(train_docs)} articles "
            f"from {args.train_spans}")
    cached = {d["id"]: _view_rows(d, train_spans[d["id"]]) for d in train_docs}  # one build for every linker below
    linker = train(train_docs, train_spans, args.c, cached, tuple(args.choice))
    log("rows: " + ", ".join(f"{k} {n} ({pos} positive)" for k, (n, pos) in linker.meta["rows"].items()))
    dev_spans = extractor_spans(dev_docs, str(args.model), cache.with_name(cache.stem + "-dev" + cache.suffix) if cache else None, log)
    before = score_docs(linker, dev_docs, dev_spans)
    log(f"dev (default thresholds): overall {before['overall']:.4f} entries {before['entries']:.4f}")
    held = [d for d in read_corpus(args.oof_data) if d.get("record")] if args.oof_data else []
    held_ids = {d["id"] for d in held}
    if held_ids - {d["id"] for d in train_docs}:
        ap.error(f"--oof-data: {len(held_ids - {d['id'] for d in train_docs})} articles are not in --data; "
                 "out-of-fold articles must be training articles")
    held = [d for d in train_docs if d["id"] in held_ids]
    if not args.no_tune:
        parts = [(linker, dev_docs)]
        if held and args.folds > 1:
            parts += out_of_fold(train_docs, held, train_spans, args.c, args.folds, log, cached, tuple(args.choice))
        tune(parts, {**train_spans, **dev_spans}, log)
    after = score_docs(linker, dev_docs, dev_spans)
    log(f"dev (chosen thresholds {linker.thresholds}): overall {after['overall']:.4f} entries {after['entries']:.4f}")
    linker.meta = {
        "trained_on": [{"path": str(p), "sha256_16": file_hash(p)} for p in args.data],
        "dev": [{"path": str(p), "sha256_16": file_hash(p)} for p in args.dev_data],
        "train_documents": len(train_docs), "dev_documents": len(dev_docs), "spans_model": spans_model,
        "train_spans": {"path": str(args.train_spans), "sha256_16": file_hash(args.train_spans),
                        "articles": covered} if given else None,
        "rows": linker.meta["rows"], "C": args.c, "choice": list(args.choice),
        "thresholds_chosen_on": {"dev": len(dev_docs), "out_of_fold": len(held) if args.folds > 1 and not args.no_tune else 0,
                                 "folds": args.folds},
        "dev_overall": after["overall"], "dev_entries_f1": round(after["entries"], 4),
        "dev_awards_f1": after["fields"]["awards"]["f1"], "seconds": round(time.time() - start),
    }
    (args.model / "linker.json").write_text(json.dumps(linker.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    log(f"wrote {args.model / 'linker.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Choose what to label next: the articles the model is least sure about (uncertainty sampling).

Per token, the margin between the two most probable tags says how sure the
model is (1.0: certain; near 0: a coin toss between two tags). An article's
uncertainty is the mean of (1 - margin) over its `top_k` least sure tokens,
so a few hard passages count even in a long article, and articles the model
reads confidently end up at the bottom. The reason names the unsure words and
the tags the model hesitates between.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

UNSURE = 0.5  # a token whose top-two margin is below this counts as unsure


def _word(text: str, a: int, b: int) -> str:
    """The whole word around a token (tokens are often word pieces, some with the space before them)."""
    while a < b and text[a].isspace():
        a += 1
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return text[a:b].strip()


def uncertainty(text: str, offsets, probs, tags: list[str], top_k: int = 20) -> dict:
    """Score one article from its token probabilities; returns score, counts and the least sure words."""
    import numpy as np

    rows = []
    for (a, b), p in zip(offsets, probs):
        if p is None or b <= a:
            continue
        p = np.asarray(p, dtype=float)  # numpy rows from any backend (torch tensors work too)
        if len(p) < 2:
            continue
        i1, i2 = (int(i) for i in p.argsort()[::-1][:2])
        p1, p2 = float(p[i1]), float(p[i2])
        rows.append((p1 - p2, a, b, tags[i1], p1, tags[i2], p2))
    if not rows:
        return {"score": 0.0, "tokens": 0, "unsure": 0, "least_sure": [], "reason": "no tokens"}
    rows.sort(key=lambda r: r[0])
    worst = rows[:top_k]
    score = sum(1 - r[0] for r in worst) / len(worst)
    unsure = sum(1 for r in rows if r[0] < UNSURE)
    least, seen = [], set()
    for margin, a, b, t1, p1, t2, p2 in rows:
        w = _word(text, a, b)
        if w.lower() in seen:
            continue
        seen.add(w.lower())
        least.append({"word": w, "start": a, "tag": t1, "p": round(p1, 3), "runner_up": t2, "p2": round(p2, 3)})
        if len(least) == 3:
            break
    words = "; ".join(f"{x['word']!r} {x['tag']} {x['p']:.2f} vs {x['runner_up']} {x['p2']:.2f}" for x in least)
    reason = f"{unsure} of {len(rows)} tokens unsure (margin < {UNSURE}); least sure: {words}"
    return {"score": round(score, 4), "tokens": len(rows), "unsure": unsure, "least_sure": least, "reason": reason}


def token_probs(tagger, text: str) -> tuple[list[tuple[int, int]], list]:
    """Each token's offsets and tag probabilities, windowed as at inference (any backend)."""
    from extractor.model.tagger import MAX_MODEL_CHARS

    offsets, probs = tagger.token_probabilities([text[:MAX_MODEL_CHARS]])[0]
    return offsets, list(probs)


def _key(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().lower().encode("utf-8")).hexdigest()


def annotated_keys(paths: list[Path]) -> set[str]:
    """Text fingerprints of articles already in corpus files, so they are not proposed again."""
    keys = set()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                keys.add(_key(json.loads(line).get("text") or ""))
    return keys


def rank(items: list, model: str | None, n: int, *, exclude: set[str] | None = None, top_k: int = 20) -> list[dict]:
    """The `n` most uncertain articles, most uncertain first (each with doc_id, source, score and reason)."""
    from extractor.model import load_model_tagger

    tagger = load_model_tagger(model)
    if tagger is None:
        raise SystemExit("error: `anugerah rank` needs a model: --model PATH (no shipped default model is installed)")
    scored = []
    for item in items:
        if exclude and _key(item.text) in exclude:
            continue
        offsets, probs = token_probs(tagger, item.text)
        u = uncertainty(item.text, offsets, probs, tagger.tags, top_k)
        scored.append({"doc_id": item.doc_id, "source": item.source, **u})
    scored.sort(key=lambda r: (-r["score"], r["doc_id"]))
    return [{"rank": k, **r} for k, r in enumerate(scored[:n], 1)]


def build_parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("inputs", nargs="+", help="files and folders of unlabelled articles")
    p.add_argument("-n", type=int, default=50, help="how many articles to list (default 50)")
    p.add_argument("--model", help="model folder (default: the shipped model)")
    p.add_argument("--exclude", nargs="*", type=Path, default=[], help="corpus JSONL files whose articles are already labelled")
    p.add_argument("--top-k", type=int, default=20, help="least sure tokens that make an article's score (default 20)")
    p.add_argument("--json", action="store_true", help="one JSON line per article instead of the table")
    p.add_argument("--tasks", type=Path, help="also write the picked articles, pre-annotated, as tasks (.json Label Studio, .jsonl doccano)")
    return p


def run(args: argparse.Namespace) -> int:
    """`anugerah rank`: print the ranking (and write pre-annotated tasks for it with --tasks)."""
    from .preannotate import predict, read_articles, write_tasks

    items, errors = read_articles(args.inputs)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    exclude = annotated_keys(args.exclude) if args.exclude else None
    picked = rank(items, args.model, args.n, exclude=exclude, top_k=args.top_k)
    for r in picked:
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
        else:
            print(f"{r['rank']:4d}  {r['score']:.3f}  {r['doc_id']}  {r['source']}\n      {r['reason']}")
    known = sum(1 for i in items if _key(i.text) in exclude) if exclude else 0
    print(f"{len(picked)} of {len(items)} articles listed" + (f" ({known} already labelled, left out)" if known else ""),
          file=sys.stderr)
    if args.tasks:
        chosen = {(r["source"], r["doc_id"]) for r in picked}
        docs, version = predict([i for i in items if (i.source, i.doc_id) in chosen], args.model)
        order = {(r["source"], r["doc_id"]): r["rank"] for r in picked}
        docs.sort(key=lambda d: order[(d["meta"]["source_file"], d["id"])])
        fmt = write_tasks(docs, args.tasks, None, version)
        print(f"{len(docs)} pre-annotated tasks -> {args.tasks} ({fmt})", file=sys.stderr)
    return 1 if errors else 0

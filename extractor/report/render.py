"""HTML pieces of the review page: spans marked in the text, the record as tables, the summary and its chart.

Spans are drawn after displaCy's span style: a coloured bar under each word
of a span (stacked when spans overlap), the label on its first word, source
and score on hover; model spans have striped bars. Each record value links
to the spans that read like it, so a wrong field leads to the span, and the
span's rule or the model, in one click.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Any

from ..core.document import Document
from ..core.spans import LABELS
from .collect import Article

MAX_SLOTS = 6  # rows of bars the stylesheet places (.s0 ... .s5); deeper overlaps share the last row
# which span labels can explain which record value (the evidence links)
EVIDENCE: dict[str, tuple[str, ...]] = {
    "award": ("AWARD",), "category": ("CAT",), "rank_text": ("RANK",), "recipient": ("ORG", "LOC", "PER"),
    "organizer": ("ORG",), "name": ("PER",), "title": ("TITLE",), "agency": ("ORG",), "program": ("PROG",),
    "description": ("PROG", "ORG"), "venue": ("VENUE",), "venue_city": ("LOC", "VENUE"),
}
NOT_PLACED = "-"  # the region filter's value for winners that no region was found for
DOT = "\u00b7"


def esc(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _is_model(span: dict[str, Any]) -> bool:
    return str(span.get("source", "")).startswith("model")


def span_title(span: dict[str, Any]) -> str:
    """The hover text of a span: label, text, source (rule name or model), score."""
    return f"{span['label']} \u201c{span['text']}\u201d \u2014 {span.get('source', '?')}, score {float(span.get('score', 1)):.2f}"


def slots(spans: list[dict[str, Any]]) -> list[int]:
    """A row for each span so that overlapping spans never share one (greedy, in text order)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i]["start"], -spans[i]["end"]))
    out = [0] * len(spans)
    placed: list[int] = []
    for i in order:
        s = spans[i]
        used = {out[j] for j in placed if spans[j]["start"] < s["end"] and s["start"] < spans[j]["end"]}
        out[i] = next(k for k in range(len(spans) + 1) if k not in used)
        placed.append(i)
    return out


def marked_text(text: str, spans: list[dict[str, Any]], art_id: str) -> str:
    """The article text with every span marked; span j's label carries the anchor `{art_id}-s{j}`."""
    doc = Document(text)
    rows = slots(spans)
    depth = min(MAX_SLOTS, max(rows, default=-1) + 1)
    cuts = sorted({0, len(text)} | {s["start"] for s in spans} | {s["end"] for s in spans})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [j for j, s in enumerate(spans) if s["start"] <= a and b <= s["end"]]
        piece = text[a:b]
        if not cover:
            out.append(f'<span class="noise">{esc(piece)}</span>' if doc.in_noise(a, b) else esc(piece))
            continue
        title = "\n".join(span_title(spans[j]) for j in cover)
        if doc.in_noise(a, b):
            title += "\n(in a noise line: the linker ignores it)"
        pos = a
        for chunk in re.findall(r"\n+|[^\n]+", piece):
            if chunk.startswith("\n"):
                out.append(chunk)
            else:
                for word in re.findall(r"\S+\s*|\s+", chunk):
                    out.append(_chunk(word, pos, spans, cover, rows, art_id, title))
                    pos += len(word)
                continue
            pos += len(chunk)
    return f'<div class="text" style="--slots:{max(depth, 1)}">{"".join(out)}</div>'


def _chunk(word: str, pos: int, spans: list[dict[str, Any]], cover: list[int], rows: list[int], art_id: str,
           title: str) -> str:
    parts = [f'<span class="m" title="{esc(title)}">{esc(word)}']
    for j in cover:
        s, row = spans[j], min(rows[j], MAX_SLOTS - 1)
        parts.append(f'<i class="s{row} l-{esc(s["label"])}{" md" if _is_model(s) else ""}"></i>')
        if s["start"] == pos:
            parts.append(f'<b id="{art_id}-s{j}" class="s{row} l-{esc(s["label"])}">{esc(s["label"])}</b>')
    parts.append("</span>")
    return "".join(parts)


def evidence(value: Any, spans: list[dict[str, Any]], key: str, art_id: str, limit: int = 3) -> str:
    """Links to the spans (of the labels that can explain `key`) whose text reads like `value`."""
    if value is None or key not in EVIDENCE:
        return ""
    v = _norm(str(value))
    if not v:
        return ""
    exact, near = [], []
    for j, s in enumerate(spans):
        if s["label"] not in EVIDENCE[key]:
            continue
        t = _norm(s["text"])
        if t == v:
            exact.append(j)
        elif min(len(t), len(v)) >= 4 and (v in t or t in v):
            near.append(j)
    found = exact + near
    links = [f'<a class="ev l-{esc(spans[j]["label"])}" href="#{art_id}-s{j}" title="{esc(span_title(spans[j]))}">'
             f'{esc(spans[j]["label"])}{"~" if j in near else ""}</a>' for j in found[:limit]]
    if len(found) > limit:
        links.append(f'<span class="none">+{len(found) - limit}</span>')
    return "".join(links)


def region_cell(region: dict[str, Any] | None) -> str:
    if not region:
        return '<span class="none" title="not placed: not a region, or ambiguous in this article">\u2014</span>'
    parts = [region.get("code"), region.get("level"), region.get("province")]
    detail = f" {DOT} ".join(esc(p) for p in parts if p)
    return f'{esc(region.get("name") or "")} <span class="region">{detail}</span>'


def _cell(value: Any, spans: list[dict[str, Any]], key: str, art_id: str) -> str:
    if value is None or value == "":
        return '<span class="none">\u2014</span>'
    return esc(value) + evidence(value, spans, key, art_id)


def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    open_tag = f'<table class="{cls}">' if cls else "<table>"
    return f"{open_tag}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def awards_table(rec: dict[str, Any], art_id: str) -> str:
    """The award entries (the heart of the record), each value with links to the spans it came from."""
    spans = rec.get("spans") or []
    c = lambda v, k: _cell(v, spans, k, art_id)  # noqa: E731
    awards = rec.get("awards") or []
    out = [f'<div class="rec"><h4>Awards ({len(awards)})</h4>']
    if awards:
        out.append(_table(["#", "award", "category", "rank", "winner", "region", "organizer", "year"], [
            [str(k + 1), c(a.get("award"), "award"), c(a.get("category"), "category"),
             c(a.get("rank_text"), "rank_text") + (f' <span class="region">= {esc(a.get("rank"))}</span>'
                                                   if a.get("rank") is not None else ""),
             c(a.get("recipient"), "recipient"), region_cell(a.get("recipient_region")),
             c(a.get("organizer"), "organizer"), c(a.get("year"), "")] for k, a in enumerate(awards)]))
    out.append("</div>")
    return "".join(out)


def record_tables(rec: dict[str, Any], art_id: str) -> str:
    """The rest of the record as tables (article fields, officials, agencies, programs), values linked to spans."""
    spans = rec.get("spans") or []
    c = lambda v, k: _cell(v, spans, k, art_id)  # noqa: E731
    out = ['<div class="rec">', "<h4>Article</h4>", _table(["field", "value"], [
        ["published", c(rec.get("published"), "")], ["event date", c(rec.get("event_date"), "")],
        ["venue", c(rec.get("venue"), "venue")], ["venue city", c(rec.get("venue_city"), "venue_city")],
        ["venue region", region_cell(rec.get("venue_region"))]])]
    officials = rec.get("officials") or []
    if officials:
        out.append(f"<h4>Officials ({len(officials)})</h4>")
        out.append(_table(["name", "title"], [[c(o.get("name"), "name"), c(o.get("title"), "title")]
                                              for o in officials]))
    agencies = [a if isinstance(a, dict) else {"name": a} for a in rec.get("agencies") or []]
    if agencies:
        out.append(f"<h4>Agencies ({len(agencies)})</h4>")
        out.append(_table(["name", "aliases", "region"], [
            [c(a.get("name"), "agency"), ", ".join(c(x, "agency") for x in a.get("aliases") or []) or c(None, ""),
             region_cell(a.get("region"))] for a in agencies]))
    programs = rec.get("programs") or []
    if programs:
        out.append(f"<h4>Programs ({len(programs)})</h4>")
        out.append(_table(["name", "description", "agency"], [
            [c(p.get("name"), "program"), c(p.get("description"), "description"), c(p.get("agency"), "agency")]
            for p in programs]))
    out.append("</div>")
    return "".join(out)


def spans_table(spans: list[dict[str, Any]], art_id: str, with_links: bool) -> str:
    rows = []
    for j, s in enumerate(spans):
        label = f'<span class="chip l-{esc(s["label"])}">{esc(s["label"])}</span>'
        if with_links:
            label = f'<a class="ev l-{esc(s["label"])}" href="#{art_id}-s{j}">{esc(s["label"])}</a>'
        rows.append([label, esc(s["text"]), esc(s.get("source")), f'{float(s.get("score", 1)):.2f}',
                     f'{s["start"]}\u2013{s["end"]}'])
    return _table(["label", "text", "source", "score", "offsets"], rows, cls="spans")


def article_html(k: int, art: Article) -> str:
    """One article: a collapsed <details> with its badges; inside, text with marks, record tables, warnings."""
    art_id = f"a{k}"
    rec = art.record or {}
    spans = rec.get("spans") or []
    awards = rec.get("awards") or []
    warnings = list(rec.get("warnings") or [])
    placed = sum(1 for a in awards if a.get("recipient_region"))
    regions = regions_of(rec)
    award_words = " ".join(str(a.get(f) or "") for a in awards for f in ("award", "category")).casefold()
    attrs = (f'id="{art_id}" class="article{" failed" if art.error else ""}" data-awards="{esc(award_words)}" '
             f'data-regions="|{esc("|".join(sorted(regions)))}|" data-warnings="{len(warnings)}"')
    badges = [f'<span class="badge">{len(awards)} award{"s" if len(awards) != 1 else ""}</span>']
    if awards:
        badges.append(f'<span class="badge" title="winners placed on the map of regions">{placed}/{len(awards)} placed</span>')
    if warnings:
        badges.append(f'<span class="badge warn">\u26a0 {len(warnings)} warning{"s" if len(warnings) != 1 else ""}</span>')
    if art.error:
        badges.append('<span class="badge bad">failed</span>')
    sources = Counter("model" if _is_model(s) else "rules" for s in spans)
    if spans:
        badges.append(f'<span class="badge" title="spans by source">{sources["rules"]} rule / {sources["model"]} model spans</span>')
    title = rec.get("title") or (art.error and f"failed: {art.error}") or "(no title)"
    head = (f'<summary><span class="id">{esc(art.doc_id)}</span><span class="title">{esc(title)}</span>'
            f'{"".join(badges)}</summary>')
    body = [f'<div class="body"><div class="meta">source <b>{esc(art.source)}</b></div>']
    if art.error:
        body.append(f'<ul class="failures"><li>{esc(art.error)}</li></ul>')
    if warnings or art.notes:
        body.append('<ul class="warnings">' + "".join(f"<li>{esc(w)}</li>" for w in warnings + art.notes) + "</ul>")
    if art.record is not None:
        text_part = (marked_text(art.text, spans, art_id) if art.text is not None
                     else spans_table(spans, art_id, with_links=False))
        body.append(awards_table(rec, art_id))
        body.append(f'<div class="cols"><div>{text_part}</div><div>{record_tables(rec, art_id)}</div></div>')
        if spans and art.text is not None:
            body.append(f'<details class="sub"><summary>all {len(spans)} spans (label, text, source, score, '
                        f'offsets)</summary>{spans_table(spans, art_id, with_links=True)}</details>')
    body.append("</div>")
    return f'<details {attrs}>{head}{"".join(body)}</details>'


def regions_of(rec: dict[str, Any]) -> set[str]:
    """The provinces an article's record places anything in (winners, agencies, venue); `-` for a winner not placed."""
    out: set[str] = set()
    for a in rec.get("awards") or []:
        r = a.get("recipient_region")
        out.add(r["province"] if r else NOT_PLACED)
    for a in rec.get("agencies") or []:
        if isinstance(a, dict) and a.get("region"):
            out.add(a["region"]["province"])
    if rec.get("venue_region"):
        out.add(rec["venue_region"]["province"])
    return out


@dataclass
class Summary:
    """Counts over the batch, added article by article."""

    articles: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    with_awards: int = 0
    awards: int = 0
    placed: int = 0
    spans: Counter = field(default_factory=Counter)
    warned: int = 0
    warnings: Counter = field(default_factory=Counter)
    by_award: Counter = field(default_factory=Counter)
    winners: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    provinces: Counter = field(default_factory=Counter)
    regions: set[str] = field(default_factory=set)

    def add(self, art: Article) -> None:
        self.articles += 1
        if art.error:
            self.failed.append((art.source, art.error))
        rec = art.record or {}
        awards = rec.get("awards") or []
        self.with_awards += bool(awards)
        self.awards += len(awards)
        for a in awards:
            key = (a.get("award") or "\u2014", a.get("category") or "\u2014")
            self.by_award[key] += 1
            self.winners.setdefault(key, []).append(a.get("recipient") or "?")
            region = a.get("recipient_region")
            self.placed += bool(region)
            self.provinces[region["province"] if region else NOT_PLACED] += 1
        self.spans.update("model" if _is_model(s) else "rules" for s in rec.get("spans") or [])
        warnings = rec.get("warnings") or []
        self.warned += bool(warnings)
        self.warnings.update(re.sub(r"\d+", "N", w) for w in warnings)
        self.regions |= regions_of(rec)

    def html(self) -> str:
        cards = [(self.articles, "articles"), (self.with_awards, "with awards"), (self.awards, "award entries"),
                 (self.placed, "winners placed on the map"), (sum(self.spans.values()),
                 f"spans ({self.spans['rules']} rule, {self.spans['model']} model)")]
        out = ['<h2>Summary</h2><div class="cards">']
        out += [f'<div class="card"><div class="n">{n}</div><div class="k">{esc(k)}</div></div>' for n, k in cards]
        out.append(f'<div class="card warn"><div class="n">{self.warned}</div><div class="k">articles with warnings '
                   f'({sum(self.warnings.values())})</div></div>')
        out.append(f'<div class="card bad"><div class="n">{len(self.failed)}</div><div class="k">failed</div></div></div>')
        rows = [[esc(a), esc(c), str(n), esc(", ".join(self._some(self.winners[(a, c)])))]
                for (a, c), n in sorted(self.by_award.items(), key=lambda kv: (-kv[1], kv[0]))]
        out.append('<div class="grid"><div class="panel"><h3>Winners per province</h3>' + chart(self.provinces)
                   + '</div><div class="panel"><h3>Winners per award and category</h3><div class="scroll">'
                   + (_table(["award", "category", "winners", "who"], rows) if rows else '<span class="none">no awards</span>')
                   + "</div></div></div>")
        if self.warnings or self.failed:
            out.append('<div class="grid">')
            out.append('<div class="panel"><h3>Warnings</h3><div class="scroll">' + (_table(
                ["warning (numbers as N)", "times"], [[esc(w), str(n)] for w, n in self.warnings.most_common()])
                if self.warnings else '<span class="none">none</span>') + "</div></div>")
            out.append('<div class="panel"><h3>Failures</h3>' + (
                '<ul class="failures">' + "".join(f"<li><b>{esc(p)}</b>: {esc(r)}</li>" for p, r in self.failed)
                + "</ul>" if self.failed else '<span class="none">none</span>') + "</div></div>")
        return "".join(out)

    @staticmethod
    def _some(names: list[str], n: int = 4) -> list[str]:
        return names[:n] + ([f"+{len(names) - n} more"] if len(names) > n else [])

    def region_options(self) -> str:
        opts = ['<option value="">all regions</option>']
        opts += [f'<option value="{esc(p)}">{esc(p)}</option>' for p in sorted(self.regions - {NOT_PLACED})]
        if NOT_PLACED in self.regions:
            opts.append(f'<option value="{NOT_PLACED}">a winner not placed</option>')
        return "".join(opts)


def chart(provinces: Counter, width: int = 560) -> str:
    """Winners per province as horizontal SVG bars (largest first; winners not placed last, in grey)."""
    rows = sorted(((p, n) for p, n in provinces.items() if p != NOT_PLACED), key=lambda kv: (-kv[1], kv[0]))
    if provinces.get(NOT_PLACED):
        rows.append((NOT_PLACED, provinces[NOT_PLACED]))
    if not rows:
        return '<span class="none">no winners</span>'
    label_w, row_h, top = 180, 22, 4
    bar_max = width - label_w - 40
    most = max(n for _, n in rows)
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top * 2 + row_h * len(rows)}" '
             f'role="img" aria-label="Winners per province">']
    for k, (p, n) in enumerate(rows):
        y = top + k * row_h
        w = max(2, round(bar_max * n / most))
        name = "not placed on the map" if p == NOT_PLACED else p
        parts.append(f'<g class="row" data-region="{esc(p)}"><title>{esc(name)}: {n} winner{"s" if n != 1 else ""}</title>'
                     f'<text x="0" y="{y + 15}">{esc(name)}</text>'
                     f'<rect class="bar{" none" if p == NOT_PLACED else ""}" x="{label_w}" y="{y + 3}" width="{w}" '
                     f'height="16" rx="2"></rect><text class="n" x="{label_w + w + 6}" y="{y + 15}">{n}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    chips = "".join(f'<span class="chip l-{label}">{label}</span>' for label in LABELS)
    return (f'<div class="legend">labels {chips} <span>\u2014 solid bar: a rule\u2019s span, striped: the model\u2019s; '
            f'hover a marked word for source and score; the small links beside record values jump to their spans '
            f'(~ = partly the same text)</span></div>')

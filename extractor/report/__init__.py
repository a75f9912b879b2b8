"""The review page: one self-contained HTML file showing what the extractor found and how it became the record.

    anugerah report INPUT... -o report.html

Inputs are articles (extracted here) or records JSONL written by `anugerah
extract` (spans included). The page starts with a summary (articles, awards,
winners per award and category, warnings, failures, a chart of winners per
province), then lists the articles collapsed, each with its text and every
span marked by label (source and score on hover), the record as tables and
its warnings; a filter bar narrows the list by award, region or warning.
The template (template.html, package data) holds all CSS and JS inline: the
page makes no request to anywhere.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from html import escape
from importlib.resources import files
from pathlib import Path

from .collect import Article, collect
from .render import Summary, article_html, legend


def template() -> str:
    """The page skeleton shipped with the package (placeholders `%%NAME%%`)."""
    return files(__package__).joinpath("template.html").read_text(encoding="utf-8")


def build_report(articles: Iterable[Article], title: str = "Anugerah review") -> tuple[str, Summary]:
    """The HTML page for `articles` (consumed once) and the batch's counts."""
    summary = Summary()
    parts: list[str] = []
    for k, art in enumerate(articles):
        summary.add(art)
        parts.append(article_html(k, art))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    fill = {
        "%%TITLE%%": escape(title),
        "%%SUBTITLE%%": escape(f"{summary.articles} articles \u00b7 made {stamp} by anugerah report"),
        "%%SUMMARY%%": summary.html(),
        "%%REGION_OPTIONS%%": summary.region_options(),
        "%%LEGEND%%": legend(),
        "%%ARTICLES%%": "\n".join(parts),
    }
    page = template()
    for key, value in fill.items():
        page = page.replace(key, value)
    return page, summary


def write_report(inputs: list[str], output: str | Path, *, extractor_factory: Callable[[], object] | None = None,
                 batch_size: int = 16, title: str | None = None) -> Summary:
    """Read `inputs`, extract what is not yet a record, write the page to `output`; returns the counts."""
    if extractor_factory is None:
        from ..pipeline import Extractor

        extractor_factory = Extractor.load
    page, summary = build_report(collect(inputs, extractor_factory, batch_size), title or "Anugerah review")
    out = Path(output)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return summary

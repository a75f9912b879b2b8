"""The review page: spans marked in the article text with their sources, records as tables, summary, filters."""
from __future__ import annotations

import json
import re

from extractor.cli import main
from extractor.core.spans import LABELS
from extractor.report import build_report, template, write_report
from extractor.report.collect import collect

from .conftest import KEDIRI, KLATEN, Page


def report(rules, inputs, tmp_path, name="report.html"):
    out = tmp_path / name
    summary = write_report([str(p) for p in inputs], out, extractor_factory=lambda: rules)
    return out.read_text(encoding="utf-8"), summary


def test_every_span_is_marked_in_the_unchanged_text_with_its_source(rules, articles, tmp_path):
    html, summary = report(rules, [articles], tmp_path)
    page = Page(html)
    by_text = {text: art for art, text in page.texts.items() if text}  # the empty file failed: no text
    assert set(by_text) == {KEDIRI, KLATEN, (articles / "jateng.txt").read_text(encoding="utf-8")}
    art = by_text[KEDIRI]
    expected = rules.extract(KEDIRI).spans
    marks = page.marks[art]
    assert len(marks) == len(expected) and {m["label"] for m in marks} == {s.label for s in expected}
    for s in expected:  # hovering the span's first word names its label, text, source and score
        assert any(f"{s.label} \u201c{s.text}\u201d \u2014 {s.source}, score" in m["title"] for m in marks), s
    assert page.external == [], "the page must load nothing from anywhere"
    assert summary.articles == 4 and len(summary.failed) == 1


def test_the_record_tables_link_values_to_their_spans(rules, articles, tmp_path):
    html, _ = report(rules, [articles / "kediri.txt"], tmp_path)
    ids = set(re.findall(r'<b id="(a0-s\d+)"', html))
    links = re.findall(r'<a class="ev l-(\w+)" href="#(a0-s\d+)"', html)
    assert links and {target for _, target in links} <= ids
    row = re.search(r"<tr><td>1</td>.*?</tr>", html).group()
    assert "Pemerintah Kota Kediri" in row and "35.71" in row and "Jawa Timur" in row  # the winner's fullest name
    assert re.search(r"Pemerintah Kota Kediri<a class=\"ev l-ORG\"", row), "the winner links to its ORG span"


def test_summary_counts_chart_and_filters(rules, articles, tmp_path):
    html, summary = report(rules, [articles], tmp_path)
    assert summary.awards == 5 and summary.placed == 4  # Desa Sukamaju has many namesakes: not placed
    chart = re.search(r'<svg class="chart".*?</svg>', html, re.S).group()
    rows = dict(re.findall(r'<g class="row" data-region="([^"]+)">.*?<text class="n"[^>]*>(\d+)</text>', chart))
    assert rows == {"Jawa Tengah": "3", "Jawa Timur": "1", "-": "1"}
    options = re.findall(r'<option value="([^"]*)">', html)
    assert {"Jawa Tengah", "Jawa Timur", "-"} <= set(options)
    assert re.search(r'class="article failed"[^>]*>.*?zz-empty', html, re.S)
    assert "weekday does not match date" in html
    warned = re.findall(r'data-warnings="(\d+)"', html)
    assert sorted(warned) == ["0", "0", "0", "1"]


def test_records_jsonl_from_extract_finds_the_text_again(rules, articles, tmp_path, capsys):
    jsonl = tmp_path / "arts.jsonl"  # articles as JSONL lines: records' sources are `arts.jsonl:N`
    jsonl.write_text("".join(json.dumps({"doc_id": f"d{k}", "text": t}) + "\n" for k, t in enumerate([KEDIRI, KLATEN])),
                     encoding="utf-8")
    recs = tmp_path / "recs.jsonl"
    assert main(["extract", str(articles / "kediri.txt"), str(jsonl), "-o", str(recs), "--rules-only", "-q"]) == 0
    assert json.loads(recs.read_text().splitlines()[1])["source"].endswith("arts.jsonl:1")
    html, summary = report(rules, [recs], tmp_path)
    page = Page(html)
    assert sorted(page.texts.values()) == sorted([KEDIRI, KEDIRI, KLATEN])
    assert summary.articles == 3 and not summary.failed

    # the source changed after extraction: its spans no longer fit, so they are listed without the text
    (articles / "kediri.txt").write_text("Teks lain sama sekali.\n", encoding="utf-8")
    html, _ = report(rules, [recs], tmp_path)
    assert "changed since extraction" in html and len(Page(html).texts) == 3
    assert sorted(t for t in Page(html).texts.values() if t) == sorted([KEDIRI, KLATEN])


def test_records_read_as_they_are_load_no_extractor(articles, tmp_path, capsys):
    recs = tmp_path / "recs.jsonl"
    main(["extract", str(articles), "-o", str(recs), "--rules-only", "-q"])

    def refuse():
        raise AssertionError("records need no extractor")

    arts = list(collect([str(recs)], refuse))
    assert len(arts) == 3 and all(a.text for a in arts)


def test_cli_writes_the_page_and_reports_failures(articles, tmp_path, capsys):
    out = tmp_path / "r.html"
    code = main(["report", str(articles), "-o", str(out), "--rules-only"])
    assert code == 1 and out.is_file()  # the empty file failed
    assert "4 articles, 5 awards, 1 failed" in capsys.readouterr().err
    assert main(["report", str(articles / "kediri.txt"), "-o", str(out), "--rules-only"]) == 0


def test_every_label_has_a_colour_and_the_template_is_self_contained():
    page = template()
    assert all(re.search(rf"\.l-{label} \{{ --c: #[0-9a-f]{{6}}; \}}", page) for label in LABELS)
    assert not re.search(r"(?:src|href)\s*=|@import|url\(", page)
    html, _ = build_report([])
    assert "%%" not in html and "0 of 0" not in html  # filled; the count comes from the script

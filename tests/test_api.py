"""The Python API refuses what it cannot read with an error that names the argument, as the CLI reader does."""
from __future__ import annotations

import inspect

import pytest

from extractor import Extractor, extract
from extractor import pipeline

ARTICLE = "Pemkab Sleman meraih Adipura dari Kementerian Lingkungan Hidup dan Kehutanan, Selasa (10/12/2024)."


@pytest.mark.parametrize("text,message", [
    (None, "text must be a str, not NoneType"),
    (0, "text must be a str, not int"),
    (123, "text must be a str, not int"),
    (b"Pemkab Sleman", "text must be a str, not bytes: decode the bytes first"),
    (["a", "b"], "text must be a str, not list"),
])
def test_extract_refuses_what_is_not_text(rules, monkeypatch, text, message):
    monkeypatch.setattr(pipeline, "_DEFAULT", rules)
    for call in (extract, rules.extract):
        with pytest.raises(TypeError, match=message):
            call(text)


def test_extract_and_extractor_extract_take_the_same_keywords(rules, monkeypatch):
    def keywords(f):
        return [(p.name, p.default) for p in inspect.signature(f).parameters.values() if p.kind is p.KEYWORD_ONLY]

    assert keywords(extract) == keywords(Extractor.extract) and ("title", None) in keywords(extract)
    monkeypatch.setattr(pipeline, "_DEFAULT", rules)
    rec = extract(ARTICLE, doc_id="a1", published="2024-12-11", title="Sleman Raih Adipura")
    assert (rec.doc_id, rec.published, rec.title) == ("a1", "2024-12-11", "Sleman Raih Adipura")
    with pytest.raises(TypeError, match="doc_id must be a str or None, not int"):
        extract(ARTICLE, doc_id=7)


@pytest.mark.parametrize("texts,error,message", [
    ("a string", TypeError, "not one str: wrap it in a list"),
    ({"text": ARTICLE}, TypeError, "not one dict: wrap it in a list"),
    (42, TypeError, "iterable of texts or dicts, not int"),
    ([{"body": ARTICLE}], ValueError, r"texts\[0\] has no 'text' string \(keys: body\)"),
    ([{"doc_id": "x"}], ValueError, r"texts\[0\] has no 'text' string \(keys: doc_id\)"),
    ([{"text": None}], ValueError, r"texts\[0\] has no 'text' string"),
    ([None], TypeError, r"texts\[0\] is a NoneType, not a str or a dict"),
    ([ARTICLE, b"bytes"], TypeError, r"texts\[1\] is a bytes"),
    ([{"text": ARTICLE, "title": 5}], TypeError, r"texts\[0\]: title must be a str or None, not int"),
])
def test_pipe_refuses_what_the_reader_refuses(rules, texts, error, message):
    with pytest.raises(error, match=message):
        list(rules.pipe(texts))


def test_pipe_checks_its_arguments_when_called(rules):
    with pytest.raises(TypeError):
        rules.pipe("not a list")  # no need to iterate: the mistake is reported at the call
    with pytest.raises(ValueError, match="batch_size must be a whole number of 1 or more, not 0"):
        rules.pipe([ARTICLE], batch_size=0)


def test_pipe_reads_texts_and_dicts(rules):
    recs = list(rules.pipe([ARTICLE, {"text": ARTICLE, "doc_id": "b", "title": "T"}], batch_size=1))
    assert [r.doc_id for r in recs] == [None, "b"] and recs[1].title == "T"
    assert recs[0].to_dict(spans=False)["awards"] == recs[1].to_dict(spans=False)["awards"] != []


@pytest.mark.parametrize("kwargs", [{"rules_only": True}, {"model": "no-such-folder"}])
def test_an_unknown_backend_is_refused(kwargs):
    with pytest.raises(ValueError, match="backend='tf': choose one of .*torch"):
        Extractor.load(backend="tf", **kwargs)

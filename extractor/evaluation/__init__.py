"""Evaluation: `score.py` (a copy of the official scorer) and the strict per-entry check beside it."""

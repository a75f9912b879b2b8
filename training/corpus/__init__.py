"""Corpora: the team corpus, the real-page annotations, public NER sets, annotation tool formats."""

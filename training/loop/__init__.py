"""The annotation loop: pre-annotate, rank what to label next, compare models."""

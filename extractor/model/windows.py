"""Overlapping token windows: long articles are read in pieces, none truncated (training and inference share them)."""
from __future__ import annotations

def token_windows(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Token windows [a, b) of at most `size` tokens, overlapping by `stride`, covering all `n_tokens`.

    Training and inference share it, so the model sees at run time the windows it was trained on.
    """
    if n_tokens <= size:
        return [(0, n_tokens)]
    out, a = [], 0
    while True:
        b = min(a + size, n_tokens)
        out.append((a, b))
        if b == n_tokens:
            return out
        a = b - stride


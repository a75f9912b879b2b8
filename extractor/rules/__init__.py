"""Rule taggers: each module finds one kind of span with lexicons and patterns."""

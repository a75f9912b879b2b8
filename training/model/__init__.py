"""The model: base checkpoint conversion, fine-tuning, export of the shipped folder."""

"""Training-side code for Anugerah: corpus tools, model conversion, fine-tuning.

Nothing in `extractor/` imports from here; the two meet through a model folder.
"""

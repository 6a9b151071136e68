"""Extraction rules: one module per kind of statement, and the extractor that runs them."""

"""Extraction: one module per kind of claim, all driven by the rule files."""

"""
Translations of the demo content, keyed by (kind, natural key), then field,
then language: {("section", "general"): {"name": {"fr": "Général"}}}.
"""

TRANSLATIONS = {}

"""Placeholder until the importer lands."""

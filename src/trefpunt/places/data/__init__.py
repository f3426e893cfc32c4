"""Packaged gazetteer data and the script and geometry helpers that build it."""

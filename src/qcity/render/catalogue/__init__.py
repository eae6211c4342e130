"""Renderers of the catalogue view, one module per format."""

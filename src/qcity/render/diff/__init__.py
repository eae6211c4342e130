"""Renderers of the diff view, one module per format."""

"""Renderers of the gaps view, one module per format."""

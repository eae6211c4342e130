"""Renderers of the batch view, one module per format."""

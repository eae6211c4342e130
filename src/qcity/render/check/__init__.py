"""Renderers of the check view, one module per format."""

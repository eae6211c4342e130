"""Renderers of the explain view, one module per format."""

"""Renderers of the plan view, one module per format."""

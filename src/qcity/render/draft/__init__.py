"""Renderers of a drafted catalogue (`qcity catalogue draft`), one module per format."""

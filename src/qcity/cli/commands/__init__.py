"""One module per command (`qcity <name>`): its options object, its typer signature, its work."""

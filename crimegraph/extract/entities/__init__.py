"""Entity stage: candidates, typing (rules and the learned typer), aliases, coreference, referents."""

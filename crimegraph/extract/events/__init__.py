"""Event stage: triggers, arguments (date, place, actors, counts), the learned event typer, merging."""

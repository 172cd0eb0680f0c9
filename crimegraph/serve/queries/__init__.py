"""Read queries behind the web pages and their JSON twins (each returns JSON-ready dicts)."""

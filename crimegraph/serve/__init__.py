"""Serve the knowledge base: a FastAPI app (JSON API and HTML pages) from `make_app(settings)`."""

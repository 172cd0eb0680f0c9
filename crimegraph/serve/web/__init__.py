"""HTML pages (Jinja2 templates, autoescaped) and static files; each page has a JSON twin under /api."""

"""HTML pages: main text, title, publication date and language with trafilatura."""

from __future__ import annotations

import re

from crimegraph.extract.text.clean import strip_html
from crimegraph.model import Article

_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.IGNORECASE)


def page_language(raw: str) -> str | None:
    """The two-letter language the page declares on its <html> tag, if any."""
    found = _LANG.search(raw[:5000])
    return found.group(1).lower() if found else None


def read_html(raw: str, article_id: str, url: str | None = None) -> Article:
    """An Article from an HTML page: its main text (boilerplate left out), title, date and language."""
    import trafilatura

    document = trafilatura.bare_extraction(raw, url=url, with_metadata=True, favor_recall=True,
                                           include_comments=False, include_tables=False)
    text = getattr(document, "text", None) or strip_html(raw)
    return Article(
        id=article_id,
        text=text,
        title=getattr(document, "title", None) or _first_line(text),
        date=getattr(document, "date", None),
        language=page_language(raw),
        url=url or getattr(document, "url", None),
    )


def html_to_text(raw: str) -> str:
    """The main text of an HTML fragment or page (tags stripped when trafilatura finds nothing)."""
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, favor_recall=True)
    return text if text else strip_html(raw)


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip() if len(line) < 200 else None
    return None

"""Readers: HTML pages, RSS and Atom feeds (files and URLs), folders, and de-duplication by content hash."""

from __future__ import annotations

from pathlib import Path

import pytest

from crimegraph.exc import InputError
from crimegraph.ingest import files, web
from crimegraph.ingest.feeds import read_feed
from crimegraph.ingest.html import read_html
from crimegraph.ingest.runner import prepared
from crimegraph.model import Article

PAGE = """<html lang="es"><head><title>Portal | Decomiso en Táchira</title>
<meta property="article:published_time" content="2022-07-14T08:00:00Z">
<meta property="og:title" content="Decomiso de combustible en Táchira"></head>
<body><nav>Inicio · Política · Deportes</nav><article><h1>Decomiso de combustible en Táchira</h1>
<p>Funcionarios de la aduana incautaron tres camiones con gasolina cerca de la frontera, según un comunicado oficial
publicado el jueves por la mañana en la capital del estado.</p>
<p>Los conductores quedaron a la orden de la fiscalía regional, que abrió una investigación por contrabando.</p>
</article><footer>Todos los derechos reservados</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Border Wire</title><language>en-us</language>
<item><title>Trucks held at the crossing</title><link>https://news.example/a</link>
<pubDate>Tue, 02 Aug 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Customs officers held two trucks carrying fuel at the crossing on Monday.&lt;/p&gt;
</description></item>
<item><title>Mayor opens market</title><link>https://news.example/b</link>
<pubDate>Wed, 03 Aug 2022 10:00:00 GMT</pubDate><description>A new market opened downtown.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notas</title>
<entry><title>Detienen a dos</title><id>tag:notas,2023:1</id><updated>2023-01-09T12:00:00Z</updated>
<content type="html">&lt;p&gt;La policía detuvo a dos hombres en el puerto.&lt;/p&gt;</content></entry></feed>"""


def test_html_pages_give_main_text_title_date_and_language() -> None:
    article = read_html(PAGE, "page")
    assert article.title == "Decomiso de combustible en Táchira"
    assert article.date == "2022-07-14"
    assert article.language == "es"
    assert "incautaron tres camiones" in article.text
    assert "derechos reservados" not in article.text and "Deportes" not in article.text


def test_rss_entries_become_articles_with_dates_and_links() -> None:
    found = list(read_feed(RSS.encode(), "wire.xml"))
    assert all(isinstance(a, Article) for a in found)
    first = found[0]
    assert isinstance(first, Article)
    assert (first.title, first.date, first.language, first.url, first.source) == (
        "Trucks held at the crossing", "2022-08-02", "en", "https://news.example/a", "Border Wire")
    assert first.text.strip() == "Customs officers held two trucks carrying fuel at the crossing on Monday."


def test_atom_feeds_too() -> None:
    (entry,) = list(read_feed(ATOM.encode(), "notas.atom"))
    assert isinstance(entry, Article)
    assert (entry.id, entry.date) == ("tag:notas,2023:1", "2023-01-09")
    assert "detuvo a dos hombres" in entry.text


def test_feed_urls_are_fetched_through_one_replaceable_function(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def canned(url: str, timeout: float | None = None) -> tuple[bytes, str]:
        asked.append(url)
        return (RSS.encode(), "application/rss+xml") if url.endswith(".rss") else (PAGE.encode(), "text/html")

    monkeypatch.setattr(files, "fetch", canned)
    feed = list(files.read_path("https://news.example/feed.rss"))
    page = list(files.read_path("https://news.example/story"))
    assert len(feed) == 2 and isinstance(page[0], Article) and page[0].url == "https://news.example/story"
    assert asked == ["https://news.example/feed.rss", "https://news.example/story"]


def test_unreachable_urls_are_input_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(url: str, timeout: float | None = None) -> tuple[bytes, str]:
        raise InputError(f"{url}: cannot fetch (refused)")

    monkeypatch.setattr(files, "fetch", failing)
    (error,) = list(files.read_path("https://news.example/down"))
    assert isinstance(error, InputError)
    assert web.is_url("https://x") and not web.is_url("file.txt")


def test_folders_are_read_recursively_with_every_kind(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "note.txt").write_text("Headline\n\nBody of a note.", encoding="utf-8")
    (tmp_path / "a" / "b" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "b" / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "a" / "b" / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / "docs.jsonl").write_text('{"id": "j1", "text": "A line of text."}\n', encoding="utf-8")
    found = list(files.read_paths([str(tmp_path), str(tmp_path / "missing")]))
    articles = [a for a in found if isinstance(a, Article)]
    assert sorted(a.id for a in articles) == sorted(
        ["j1", "note", "page", "https://news.example/a", "https://news.example/b"])
    assert sum(isinstance(a, InputError) for a in found) == 1


def test_language_is_detected_when_the_input_does_not_say() -> None:
    spanish = prepared(Article("s", "La policía detuvo a los hombres que estaban en el puerto de la ciudad."))
    assert spanish.language == "es"
    assert prepared(Article("e", "Texto", language="en")).language == "en"


def test_equal_content_has_equal_hash() -> None:
    one = Article("1", "Same  text\nhere.", title="T")
    two = Article("2", "Same text here.", title="T")
    assert one.content_hash == two.content_hash

"""`crimegraph serve`: the web app and JSON API over a knowledge base."""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from crimegraph.cli.kb import DbOption, handled, open_knowledge_base
from crimegraph.cli.progress import print_error, stderr
from crimegraph.settings import Settings


def warm_geocoder() -> None:
    """Load the gazetteers the map needs, in the background, so the first map opens quickly."""
    from crimegraph.analyse.geo import centroids, cities, place_countries

    centroids()
    place_countries()
    cities()


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    create: Annotated[bool, typer.Option("--create", help="Start an empty knowledge base when none exists.")]
    = False,
) -> None:
    """Serve the knowledge base: HTML pages, the JSON API under /api, its docs at /docs."""
    try:
        import uvicorn

        from crimegraph.serve.app import make_app
    except ImportError as error:
        print_error(f"the web app needs the 'web' extra: pip install 'crimegraph[web]' ({error})")
        raise typer.Exit(1) from None
    with handled():
        settings = Settings.from_env(db=db)
        engine = open_knowledge_base(settings.db, create=create)
        app = make_app(settings, engine)
    threading.Thread(target=warm_geocoder, daemon=True).start()
    writes = "on (token set)" if settings.token else "off (set CRIMEGRAPH_TOKEN to allow uploads and judgements)"
    stderr.print(f"serving {engine.url.render_as_string()} at http://{host}:{port}/ · API docs /docs · writes {writes}",
                 highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")

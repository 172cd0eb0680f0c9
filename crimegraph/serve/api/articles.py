"""Articles: GET one (text with marks, mentions, claims, events); POST new ones to ingest (token needed)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, HTTPException, Query, Request, UploadFile

from crimegraph.analyse.articles import article
from crimegraph.exc import InputError
from crimegraph.model import Article
from crimegraph.serve.api.respond import WRITE_ERRORS, errors
from crimegraph.serve.deps import Conn, Writer

router = APIRouter(tags=["articles"])
MAX_UPLOAD = 20 * 1024 * 1024
SPAN = re.compile(r"^(\d+)-(\d+)$")


def parse_span(span: str | None) -> tuple[int, int] | None:
    """'120-240' as a (start, end) pair, else None."""
    found = SPAN.match(span or "")
    return (int(found[1]), int(found[2])) if found else None


@router.get("/articles/{article_id:path}", responses=errors(404))
def get_article(conn: Conn, article_id: str,
                span: Annotated[str | None, Query(description="A cited span to mark: start-end.")] = None,
                ) -> dict[str, Any]:
    """The article: text, mentions, claims, events, and its text in marked `segments`."""
    found = article(conn, article_id, parse_span(span))
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found.to_dict()


def run_ingest(request: Request, items: Iterator[Article | InputError] | list[Article | InputError]
               ) -> dict[str, Any]:
    from crimegraph.ingest.runner import ingest  # spaCy and friends load on the first write, not at start

    state = request.app.state
    summary = ingest(items, state.engine, state.settings, extractor=state.extractor)
    return summary.to_dict()


def records(found: list[Any]) -> Iterator[Article | InputError]:
    from crimegraph.ingest.jsonl import article_from_record

    for index, record in enumerate(found):
        try:
            yield article_from_record(record, f"upload-{index + 1}")
        except InputError as error:
            yield error


@router.post("/articles", dependencies=[Writer], responses=errors(*WRITE_ERRORS))
def post_articles(request: Request, body: Annotated[list[dict[str, Any]], Body(
        description="Articles: objects with text and optionally id, title, date, language, source, url.")],
                  ) -> dict[str, Any]:
    """Ingest articles given as JSON: extract, store, resolve. The summary says what was new or skipped."""
    return run_ingest(request, records(body))


@router.post("/articles/upload", dependencies=[Writer], responses=errors(*WRITE_ERRORS, 413))
def upload_articles(request: Request, file: Annotated[UploadFile, File(
        description="A .jsonl, .txt, .md, .html or RSS/Atom file.")]) -> dict[str, Any]:
    """Ingest an uploaded file of articles."""
    from crimegraph.ingest.files import read_file

    raw = file.file.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(413, f"an upload may hold at most {MAX_UPLOAD // 2**20} MiB")
    name = Path(file.filename or "upload.jsonl").name
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem)[:80] or "upload"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{stem}{Path(name).suffix.lower()[:10]}"
        path.write_bytes(raw)
        return run_ingest(request, list(read_file(path)))

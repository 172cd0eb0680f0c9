"""Fetch a feed or page given as a URL (the one place ingest touches the network; tests replace it)."""

from __future__ import annotations

import urllib.request

from crimegraph.exc import InputError
from crimegraph.settings import Settings

USER_AGENT = "crimegraph/0.1 (+news ingest)"


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return text.startswith(("http://", "https://"))


def fetch(url: str, timeout: float | None = None) -> tuple[bytes, str]:
    """The body and content type of a URL; InputError when it cannot be fetched."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    wait = timeout if timeout is not None else Settings.from_env().fetch_timeout
    try:
        with urllib.request.urlopen(request, timeout=wait) as response:  # noqa: S310 - http(s) only
            return response.read(), response.headers.get("Content-Type", "")
    except (OSError, ValueError) as error:
        raise InputError(f"{url}: cannot fetch ({error})") from None

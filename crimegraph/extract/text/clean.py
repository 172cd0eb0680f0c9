"""Make article text safe to parse: markup, control characters, size."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_BOLD = re.compile(r"\*\*(?=\S)|(?<=\S)\*\*")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\s]{1,2000}\)")
_LINK = re.compile(r"(?<!!)\[([^\]\n]{1,300})\]\([^)\s]{1,2000}\)")
_LOOKS_HTML = re.compile(r"<(html|body|p|div|br|span|a|h[1-6]|article)\b[^>]*>", re.I)

MAX_CHUNK = 100_000


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup rather than prose."""
    return len(_LOOKS_HTML.findall(text[:20000])) >= 2


def strip_html(text: str) -> str:
    """Text content of an HTML fragment, keeping paragraph breaks."""
    text = _SCRIPT.sub(" ", text)
    text = re.sub(r"<(br|/p|/div|/h[1-6]|/li)\b[^>]*>", "\n\n", text, flags=re.I)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    return re.sub(r"[ \t]+", " ", text)


def clean_text(text: str) -> str:
    """Text ready for the pipeline: no markup, no control characters.

    Markdown bold markers, images (with their captions) and the brackets and addresses of links become
    spaces, so character offsets into plain text stay true.
    """
    if looks_like_html(text):
        text = strip_html(text)
    text = _BOLD.sub("  ", _CONTROL.sub(" ", text))
    if "](" in text:
        text = _IMAGE.sub(blank, text)
        text = _LINK.sub(link_text, text)
    return text


def blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def link_text(match: re.Match[str]) -> str:
    """A Markdown link's text in place, its brackets and address blanked."""
    words = match.group(1)
    return " " + words + " " * (len(match.group(0)) - len(words) - 1)


def is_junk(text: str) -> bool:
    """True when under half of the characters are letters, digits or spaces."""
    sample = text[:10000]
    if not sample.strip():
        return False
    good = sum(ch.isalnum() or ch.isspace() or ch in ".,;:'\"()-–—’“”?!%$/&" for ch in sample)
    return good / len(sample) < 0.5


def chunks(text: str, size: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Pieces of at most `size` characters, cut at paragraph (else line, else space) breaks, with offsets."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        if cut < size // 2:
            cut = window.rfind(" ")
        if cut < size // 2:
            cut = size - 1
        pieces.append((start, text[start : start + cut + 1]))
        start += cut + 1
    pieces.append((start, text[start:]))
    return pieces

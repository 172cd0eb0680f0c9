"""Where a Doc holds publisher boilerplate or headings: "SEE ALSO" links, section headings, headlines, bylines."""

from __future__ import annotations

from spacy.tokens import Doc, Token

LINK_ENDS = (("news", "and", "profiles"), ("news", "and", "profile"), ("profile", "and", "news"),
             ("profiles", "and", "news"), ("news", "and", "analysis"), ("profile",), ("profiles",))
MAX_LINK = 14
MAX_HEADING = 10
MAX_HEADLINE = 40
MAX_NAME_SIZE = 4
PERSON_LABELS = frozenset({"PERSON", "PER"})
SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or over the to vs with than that this its their will would can "
    "could may might must should shall has have had is are was were be been de del la el en y".split()
)
SENTENCE_END = frozenset(".!?:;\"”'’)")


def is_newline(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def lines(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Token ranges of the Doc's non-empty lines (`text` is doc.text, computed once by the caller)."""
    found, position = [], 0
    for part in text.split("\n"):
        start, position = position, position + len(part) + 1
        if part.strip():
            span = doc.char_span(start, start + len(part), alignment_mode="expand")
            if span is not None and len(span):
                found.append((span.start, span.end))
    return found


def see_also_links(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Token ranges of "SEE ALSO: <link title>" (the title ends at a known tail, a newline,
    or the first lower-case word)."""
    found = []
    position = text.find("SEE ALSO")
    while position >= 0:
        span = doc.char_span(position, position + len("SEE ALSO"), alignment_mode="expand")
        if span is not None and len(span):
            found.append((span.start, link_end(doc, span.end)))
        position = text.find("SEE ALSO", position + 1)
    return found


def link_end(doc: Doc, i: int) -> int:
    """Where a link title that starts at token i ends."""
    while i < len(doc) and doc[i].is_punct:
        i += 1
    limit = min(len(doc), i + MAX_LINK)
    words = [t.lower_ for t in doc[i:limit]]
    for offset in range(len(words)):
        for tail in LINK_ENDS:
            if tuple(words[offset : offset + len(tail)]) == tail:
                return i + offset + len(tail)
    for j in range(i, limit):
        token = doc[j]
        if is_newline(token) or (token.is_lower and token.lower_ not in SMALL_WORDS):
            return j
    return limit


def looks_like_heading(tokens: list[Token]) -> bool:
    """A short line without a sentence end, or a Markdown heading."""
    words = [t for t in tokens if not t.is_space]
    if not words:
        return False
    if words[0].text.startswith("#"):
        return True
    return len(words) <= MAX_HEADING and words[-1].text[-1] not in SENTENCE_END


def is_headline(tokens: list[Token]) -> bool:
    """A title-cased sentence ("Police Killings Spread Fear in Caracas.")."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3 and t.lower_ not in SMALL_WORDS]
    plain = [t for t in words if is_plain_word(t)]
    return len(words) >= 3 and len(plain) >= 1 and all(t.text[0].isupper() for t in words)


def is_plain_word(token: Token) -> bool:
    """A capitalised word that is no name: a verb or noun ("Spreads", "Fear"), a word outside
    any name and not next to a person's, or part of an overlong non-person "name"."""
    if token.pos_ != "PROPN":
        return True
    if token.ent_iob_ == "O":
        doc = token.doc
        near = [doc[i].ent_type_ for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        return not any(label in PERSON_LABELS for label in near)
    return token.ent_type_ not in PERSON_LABELS and entity_size(token) >= MAX_NAME_SIZE


def entity_size(token: Token) -> int:
    """Length of the model entity a token is in (0 outside entities)."""
    doc, start, end = token.doc, token.i, token.i + 1
    if token.ent_iob_ == "O":
        return 0
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start


def heading_ranges(doc: Doc, all_lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of headings and of a leading headline sentence."""
    found: list[tuple[int, int]] = []
    if len(all_lines) > 1:
        found.extend((s, e) for s, e in all_lines if looks_like_heading(list(doc[s:e])))
    if doc.has_annotation("SENT_START") and len(doc):
        end = next((i for i in range(1, min(len(doc), MAX_HEADLINE)) if doc[i].is_sent_start), None)
        if end is not None and is_headline(list(doc[:end])):
            found.append((0, end))
    return found


def dateline(doc: Doc) -> tuple[int, int] | None:
    """A dateline place at the very start ("CARACAS -", "WASHINGTON –", "**Bogotá**–")."""
    i = 0
    while i < len(doc) and (doc[i].is_space or set(doc[i].text) <= set("*_#")):
        i += 1
    start = i
    while i < len(doc) and i - start < 4 and doc[i].is_alpha and doc[i].text[0].isupper():
        i += 1
    end = i
    while i < len(doc) and set(doc[i].text) <= set("*_"):
        i += 1
    if end > start and i < len(doc) and doc[i].text[:1] in ("-", "–", "—", ","):
        return start, end
    return None


def byline_persons(doc: Doc, all_lines: list[tuple[int, int]]) -> list[int]:
    """Token positions right after a line-initial "By" (a byline's author)."""
    found = []
    for start, end in all_lines:
        words = [t for t in doc[start:end] if not t.is_space]
        if words and words[0].text in ("By", "Por") and len(words) <= 8:
            found.append(words[0].i + 1)
    return found

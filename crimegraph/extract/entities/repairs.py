"""Repairs on entity candidates: headings and boilerplate, joined or split names, families, splinter groups."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.entities.names import acronym_of, is_acronym, key, person_words
from crimegraph.extract.entities.spans import NAME_PARTICLES, Candidate, is_name_token, token_index
from crimegraph.extract.entities.titles import Title
from crimegraph.extract.entities.types import GROUP, LOC, ORG, PERSON, country_code
from crimegraph.extract.text import boilerplate

PLACE_NOUNS = frozenset(
    "department state province municipality region city town district departamento estado municipio "
    "provincia región ciudad localidad parroquia".split()
)
POSSESSIVE = frozenset({"'s", "’s"})
FAMILY_AFTER = frozenset({"brothers", "clan"})
FAMILY_BEFORE = frozenset({"hermanos"})
SPLINTER = frozenset({"dissidents", "dissident", "mafia", "mafias", "splinter", "disidencias", "disidentes"})


def appositive_place(doc: Doc, end: int) -> bool:
    """ "X, a municipality ..." / "X, un municipio ..." """
    after = [t.lower_ for t in doc[end : end + 4]]
    return len(after) >= 3 and after[0] == "," and after[1] in ("a", "an", "the", "un", "una", "el", "la") and (
        after[2] in PLACE_NOUNS or (len(after) > 3 and after[3] in PLACE_NOUNS))


def appositive_name(doc: Doc, start: int, title_tokens: set[int]) -> tuple[int, int] | None:
    """ "Ana Torres, director of ...": two to four name words before a comma and a title."""
    j = start - 1
    if j >= 0 and doc[j].lower_ in ("the", "a", "el", "la"):
        j -= 1
    if j < 2 or doc[j].text != ",":
        return None
    end = first = j
    while first > 0 and end - first < 4 and first - 1 not in title_tokens and is_name_token(doc[first - 1]):
        first -= 1
        if doc[first].is_sent_start:
            break
    return (first, end) if end - first >= 2 else None


def title_persons(doc: Doc, titles: list[Title], title_tokens: set[int]) -> list[Candidate]:
    """Names the model missed next to a title ("Colonel Ana Pérez", "Ana Pérez, director of")."""
    found = []
    for title in titles:
        before = appositive_name(doc, title.start, title_tokens)
        if before is not None:
            found.append(Candidate(before[0], before[1], PERSON, None, "model", "PERSON"))
        end = name_end(doc, title.end, title_tokens)
        size = end - title.end
        capital_title = doc[title.start].text[:1].isupper()
        if size >= 2 or (size == 1 and capital_title and doc[title.end].pos_ == "PROPN"):
            found.append(Candidate(title.end, end, PERSON, None, "model", "PERSON"))
    return found


def name_end(doc: Doc, start: int, title_tokens: set[int]) -> int:
    """End of the run of name words (and inner particles) that starts at `start`."""
    if start >= len(doc) or not is_name_token(doc[start]):
        return start
    i = start
    while i < len(doc) and i - start < 6 and i not in title_tokens and (
            is_name_token(doc[i]) or (doc[i].lower_ in NAME_PARTICLES and i + 1 < len(doc)
                                      and is_name_token(doc[i + 1]))):
        i += 1
    return i


def conjoined_with(doc: Doc, cand: Candidate, index: dict[int, Candidate], type_: str) -> bool:
    """True when the mention is coordinated with a mention of `type_` ("Simiti, San Pablo and X")."""
    root = cand.span(doc).root
    for token in root.conjuncts:
        other = index.get(token.i)
        if other is not None and other is not cand and other.type == type_ and not other.weak:
            return True
    return False


def possessor(doc: Doc, cand: Candidate, index: dict[int, Candidate]) -> Candidate | None:
    """The mention before "'s" that owns this one, skipping up to two adjectives."""
    i = cand.start - 1
    while i >= 0 and cand.start - i <= 3 and doc[i].is_lower and doc[i].pos_ in ("ADJ", "VERB"):
        i -= 1
    if i >= 1 and doc[i].text in POSSESSIVE:
        return index.get(i - 1)
    return None


def split_joined(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Split a model mention that joins two names the article also uses alone ("Rosneft Oil
    Company and Rosneft Trading" / "Rosneft Trading S.A. Casimiro")."""
    known: dict[str, Candidate] = {}
    for cand in cands:
        known.setdefault(key(cand.span(doc).text), cand)
        if cand.type == PERSON:
            for word in person_words(cand.span(doc).text)[1:]:
                known.setdefault(word, cand)
    found: list[Candidate] = []
    for cand in cands:
        splittable = cand.source == "model" and cand.size >= 2 and cand.type != PERSON
        parts = split_point(doc, cand, known) if splittable else None
        if cand.source == "model" and cand.type == PERSON:
            people = split_people(doc, cand)
            if people:
                found.extend(Candidate(start, end, PERSON, None, "model", cand.label) for start, end in people)
                continue
        if parts is None:
            found.append(cand)
            continue
        for start, end in parts:
            other = known[key(doc[start:end].text)]
            found.append(Candidate(start, end, other.type, other.canonical, "model", cand.label))
    return found


def split_people(doc: Doc, cand: Candidate) -> list[tuple[int, int]] | None:
    """Two people the model read as one ('Joaquín "El Chapo" Guzmán and Ismael "El Mayo" Zambada'): a
    person mention cut at "and" (or "y" between two names of two words or more each)."""
    for cut in range(cand.start + 1, cand.end - 1):
        word = doc[cut].lower_
        if word not in ("and", "y"):
            continue
        left = [t for t in doc[cand.start:cut] if t.is_title or t.is_upper]
        right = [t for t in doc[cut + 1:cand.end] if t.is_title or t.is_upper]
        if left and right and (word == "and" or (len(left) >= 2 and len(right) >= 2)):
            return [(cand.start, cut), (cut + 1, cand.end)]
    return None


def split_point(doc: Doc, cand: Candidate, known: dict[str, Candidate]) -> list[tuple[int, int]] | None:
    """The two parts of a joined mention, both known elsewhere in the article, or None."""
    for cut in range(cand.start + 1, cand.end):
        joined = doc[cut].lower_ in ("and", "y", "e", ",")
        right = cut + joined
        left_key, right_key = key(doc[cand.start : cut].text), key(doc[right : cand.end].text)
        if right < cand.end and left_key in known and right_key in known and (
                known[left_key] is not cand and known[right_key] is not cand) and (
                joined or known[right_key].type == PERSON):  # not "HSBC Mexico"
            return [(cand.start, cut), (right, cand.end)]
    return None


def drop_common_words(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Drop one-word guesses that the article also writes in lower case ("Golpe" / "golpe")."""
    guesses = [c for c in cands if c.size == 1 and c.source == "model" and (c.weak or c.type is None)]
    if not guesses:
        return cands
    lower = {t.text for t in doc if t.is_lower}
    dropped = {id(c) for c in guesses if doc[c.start].text.lower() in lower}
    return [c for c in cands if id(c) not in dropped]


def drop_common_acronyms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Drop abbreviations of common nouns ("general sales agent (GSA)") wherever they appear."""
    common = set()
    opening = doc.vocab.strings["("]
    orths = doc.to_array("ORTH").tolist()
    for i in (i for i, orth in enumerate(orths) if orth == opening):
        if i + 2 >= len(doc) or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text):
            continue
        acronym = doc[i + 1].text
        before = doc[max(0, i - len(acronym)) : i]
        if len(before) == len(acronym) and all(t.is_lower for t in before) and acronym_of(acronym, before.text):
            common.add(acronym)
    if not common:
        return cands
    kept = []
    for cand in cands:
        while cand.size and doc[cand.end - 1].text in common:
            cand.end -= 1
        if cand.size:
            kept.append(cand)
    return kept


def family_groups(doc: Doc, cands: list[Candidate]) -> None:
    """ "the Beltrán Leyva brothers", "los hermanos Beltrán Leyva", "the Cifuentes clan": a family
    named as a criminal group."""
    for cand in cands:
        if cand.type != PERSON and not (cand.weak and cand.type == ORG):
            continue
        after = doc[cand.end].lower_ if cand.end < len(doc) else ""
        before = [t.lower_ for t in doc[max(0, cand.start - 6) : cand.start]]
        if after in FAMILY_AFTER:
            cand.end += 1
        elif before and before[-1] in FAMILY_BEFORE:
            cand.start -= 1
            for size in (5, 4, 3):  # "organización (narcotraficante) de los hermanos ..."
                if len(before) > size and before[-size] in ("organización", "organizacion", "cártel", "cartel"):
                    cand.start -= size - 1
                    break
        else:
            continue
        cand.type, cand.weak = GROUP, False


def extend_groups(doc: Doc, cands: list[Candidate]) -> None:
    """ "FARC dissidents", "ex-FARC mafia", "disidencias de las FARC": a splinter group of its own."""
    family_groups(doc, cands)
    taken = token_index(cands)
    for cand in cands:
        if cand.type != GROUP:
            continue
        end, start = cand.end, cand.start
        if end < len(doc) and doc[end].lower_ in SPLINTER and end not in taken:
            end += 1
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "ex":
            start -= 2
        before = [t.lower_ for t in doc[max(0, start - 3) : start]]
        if len(before) == 3 and before[0] in SPLINTER and before[1] == "de" and before[2] in ("las", "los", "la"):
            start -= 3
        if (start, end) != (cand.start, cand.end):
            cand.start, cand.end, cand.canonical = start, end, None


def dominant_country(doc: Doc, cands: list[Candidate]) -> str | None:
    """ISO code of the country the article mentions most."""
    counts: Counter[str] = Counter()
    for cand in cands:
        if cand.type == LOC:
            code = country_code(cand.span(doc).text)
            if code:
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def drop_boilerplate(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Drop mentions inside "SEE ALSO" links and bylines; keep those in headings only when the
    body mentions them too (a heading mention may shrink to the part the body repeats)."""
    text = cg.text(doc)
    all_lines = boilerplate.lines(doc, text)
    blocked = {i for s, e in boilerplate.see_also_links(doc, text) for i in range(s, e)}
    bylines = set(boilerplate.byline_persons(doc, all_lines))
    heading = {i for s, e in boilerplate.heading_ranges(doc, all_lines) for i in range(s, e)}
    dateline = boilerplate.dateline(doc)
    body_keys: dict[str, Candidate] = {}
    for cand in cands:
        if cand.start not in heading and cand.start not in blocked:
            body_keys.setdefault(key(cand.span(doc).text), cand)
            if cand.canonical:
                body_keys.setdefault(key(cand.canonical), cand)
    kept = []
    for cand in cands:
        if cand.start in blocked or (cand.start in bylines and cand.type == PERSON):
            continue
        if cand.start in heading and not (dateline and cand.start == dateline[0]):
            if not shrink_to_body(doc, cand, body_keys):
                continue
        kept.append(cand)
    return kept


def shrink_to_body(doc: Doc, cand: Candidate, body_keys: dict[str, Candidate]) -> bool:
    """Cut a heading mention to its longest leading part that the body also names (taking the
    body mention's type); False if there is none."""
    if cand.canonical and key(cand.canonical) in body_keys:
        return True
    for end in range(cand.end, cand.start, -1):
        body = body_keys.get(key(doc[cand.start : end].text))
        if body is not None:
            cand.end, cand.type, cand.canonical = end, body.type, body.canonical
            return True
    return False

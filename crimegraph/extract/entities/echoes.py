"""Names said again: a surname, a short company name or an acronym of a name the article gives in full,
where the statistical model did not tag the repeat ("Rodriguez helps Martin ..." after "Mario Antonio
Rodriguez Espinoza"; "Swissoil was designated" after "Swissoil Trading SA"). Sentence-initial surnames are
the model's commonest miss, and they are often the subject of the sentence's claim."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from crimegraph.extract.entities.names import fold, is_acronym, spellings
from crimegraph.extract.entities.spans import NAME_PARTICLES, NOT_NAME, Candidate
from crimegraph.extract.entities.types import GROUP, ORG, PERSON, STATE, country_code

MAX_WORDS = 4
COMPANY_WORDS = frozenset(
    "s.a. s.a sa c.a. c.a ca inc. inc ltd. ltd llc corp. corp co. co trading group holdings holding "
    "limited company corporation international s.a.s sas gmbh ag plc fze dmcc".split()
)
ORGANISATIONS = frozenset({ORG, GROUP, STATE})
Form = tuple[str, ...]
Echo = tuple[Form, tuple[str, str | None]]


def echoes(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """New candidates for the untagged repeats of the candidates' names (the candidates are not changed)."""
    forms = echo_forms(doc, cands)
    if not forms:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    firsts = {form[0] for form in forms}
    lower: set[str] | None = None
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        if i in taken or fold(doc[i].text) not in firsts:
            i += 1
            continue
        if lower is None:
            lower = {t.text for t in doc if t.is_lower}
        size = match_at(doc, i, forms, taken, lower)
        if size:
            kind, canonical = forms[folded(doc, i, i + size)]
            found.append(Candidate(i, i + size, kind, canonical, source="echo"))
            i += size
        else:
            i += 1
    return found


def echo_forms(doc: Doc, cands: Iterable[Candidate]) -> dict[Form, tuple[str, str | None]]:
    """Folded word sequences that stand for a candidate: (type, canonical to join it by). A form two
    candidates of different types could stand for is left out."""
    forms: dict[Form, tuple[str, str | None]] = {}
    clashes: set[Form] = set()
    for cand in cands:
        words = [t.text for t in doc[cand.start : cand.end]]
        for form, value in candidate_forms(words, cand):
            if form in forms and forms[form][0] != value[0]:
                clashes.add(form)
            forms.setdefault(form, value)
    for form in clashes:
        del forms[form]
    return forms


def candidate_forms(words: list[str], cand: Candidate) -> list[Echo]:
    """A person's surnames (every run of words after the first name); a company's first word before words
    such as "Trading SA"; an organisation's acronym."""
    if cand.type == PERSON and len(words) >= 2 and not any(is_acronym(w) for w in words):
        runs = [words[a:b] for a in range(1, len(words)) for b in range(a + 1, min(len(words), a + MAX_WORDS) + 1)]
        return [(fold_words(run), (PERSON, cand.canonical)) for run in runs
                if run[0][:1].isupper() and run[-1][:1].isupper() and fold(run[0]) not in NAME_PARTICLES]
    if cand.type not in ORGANISATIONS or len(words) < 2:
        return []
    canonical = cand.canonical or " ".join(words)
    found: list[Echo] = [((letters,), (cand.type, canonical))
                         for letters in spellings(" ".join(words)) if len(letters) >= 3]
    if cand.type == ORG and all(fold(w) in COMPANY_WORDS for w in words[1:]) and len(words[0]) >= 4:
        found.append((fold_words(words[:1]), (ORG, canonical)))
    return found


def match_at(doc: Doc, i: int, forms: dict[Form, tuple[str, str | None]], taken: set[int],
             lower: set[str]) -> int:
    """The size of the longest form that starts at token i (not taken) as a name of its own, else 0."""
    first = doc[i]
    if not (first.is_title or first.is_upper) or first.is_stop or first.lower_ in NOT_NAME:
        return 0
    for size in range(MAX_WORDS, 0, -1):
        end = i + size
        if end > len(doc) or any(j in taken for j in range(i, end)) or folded(doc, i, end) not in forms:
            continue
        if size == 1 and (first.text.lower() in lower or len(first.text) < 3 or country_code(first.text)):
            continue
        if not stands_alone(doc, i, end, taken):
            continue
        return size
    return 0


def stands_alone(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """Not part of a longer capitalised name the model left untagged ("Martin Luther" is not "Martin")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_title and not after.is_sent_start and end not in taken:
        return False
    return not (before is not None and before.is_title and not doc[start].is_sent_start
                and start - 1 not in taken and not before.is_sent_start)


def folded(doc: Doc, start: int, end: int) -> Form:
    return fold_words([t.text for t in doc[start:end]])


def fold_words(words: list[str]) -> Form:
    return tuple(fold(w) for w in words)

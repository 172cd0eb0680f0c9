"""Name comparison for screening: persons by aligned name parts, organisations by normalised words.

Each comparison returns a score in 0-1 and the features that fired (feature -> details), so a person
reviewing a possible match sees why it was proposed. Part analysis (prefix removal, accents, stop words,
legal forms) and the spelling distance come from rigour, as in nomenklatura's matchers. rigour's
name-symbol tagger (given-name equivalences such as 'Aleksandr'/'Alexander') is not used: it takes
about 25 s to load, longer than screening a whole knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import token_sort_ratio
from rigour.names import Name, NamePartTag, NameTypeTag, analyze_names, compare_parts, remove_org_types

from crimegraph.model.names import acronym, fold, is_acronym, translated

FUZZY = 0.75  # lowest part similarity (rigour's edit-cost model) taken as a spelling variant
INITIAL = 0.7  # an initial standing for a name part
MISSING = 0.05  # cost of each part of the list name the query lacks (second surname, middle name)
MAX_MISSING = 0.15
WEAK_CAP = 0.6  # best score without two parts that agree, one of them exactly
SKIP_TAGS = frozenset({NamePartTag.STOP, NamePartTag.LEGAL})


@dataclass(slots=True)
class NameMatch:
    """How well two names match and why."""

    score: float
    features: dict[str, list[str]] = field(default_factory=dict)

    def fire(self, feature: str, detail: str) -> None:
        self.features.setdefault(feature, []).append(detail)


@lru_cache(maxsize=200_000)
def analysed(name: str, person: bool) -> Name | None:
    """rigour's analysis of one name (prefixes removed, parts tagged), or None when nothing is left."""
    tag = NameTypeTag.PER if person else NameTypeTag.ORG
    found = analyze_names(tag, [name], infer_initials=person, consolidate=False, symbols=False, phonetics=False)
    return max(found, key=lambda n: len(n.parts)) if found else None


def parts(name: Name) -> list[str]:
    """The comparable (ASCII, lower-case) parts of a name, without stop words and legal forms."""
    return [p.comparable for p in name.parts if p.tag not in SKIP_TAGS and p.comparable]


@lru_cache(maxsize=200_000)
def name_parts(name: str, person: bool) -> tuple[str, ...]:
    """The comparable parts of a name string (cached); organisations lose their legal form ('Ltd', 'S.A.')."""
    text = name if person else (remove_org_types(name).strip(" ,.") or name)
    found = analysed(text, person)
    return tuple(parts(found)) if found else ()


def compare_persons(query: str, candidate: str) -> NameMatch:
    """Align the parts of two person names in any order: exact, spelling variants, initials.

    Parts of the list name missing from the query cost a little ('Diosdado Cabello' for 'Diosdado Cabello
    Rondón'); parts of the query missing from the list name cost a lot ('Nicolás Mendoza' is not
    'Nicolás Maduro'). A name needs two parts that agree, one of them exactly, to pass any sensible threshold.
    """
    left, right = list(name_parts(query, True)), list(name_parts(candidate, True))
    if len(left) < 2 or not right:
        return NameMatch(0.0, {"too_short": [query]})
    match = NameMatch(0.0)
    pairs = _align(left, right, match)
    scores = [score for _, _, score in pairs]
    certain = sum(1 for s in scores if s == 1.0)
    close = sum(1 for s in scores if s > INITIAL)
    score = sum(scores) / len(left)
    used = [r for _, r, _ in pairs]
    missing = [p for p in range(len(right)) if p not in used]
    if missing:
        match.fire("missing_parts", " ".join(right[p] for p in missing))
        score -= min(MAX_MISSING, MISSING * len(missing))
    if certain < 1 or close < 2:
        match.fire("weak", f"{certain} certain and {close - certain} close part(s)")
        score = min(score, WEAK_CAP)
    order = [r for _, r, _ in sorted(pairs)]
    if order != sorted(order):
        match.fire("reordered", " ".join(right[r] for r in order))
    if fold(query) == fold(candidate) and query != candidate:
        match.fire("accents_or_case", query)
    match.score = round(max(score, 0.0), 3)
    return match


def _align(left: list[str], right: list[str], match: NameMatch) -> list[tuple[int, int, float]]:
    """Pair query parts with distinct list parts, surest tests first: (query index, list index, score)."""
    free = dict(enumerate(right))
    pairs: list[tuple[int, int, float]] = []
    pending: list[int] = []
    for i, q in enumerate(left):
        j = next((j for j, r in free.items() if r == q), None)
        if j is None:
            pending.append(i)
            continue
        pairs.append((i, j, 1.0))
        del free[j]
        match.fire("exact", q)
    if pending and free:
        steps: tuple[tuple[str, Callable[[str, str], float]], ...] = (("spelling", _spelling), ("initial", _initial))
        for feature, test in steps:
            pending = _pair_step(feature, test, left, pending, free, pairs, match)
            if not pending or not free:
                break
    if pending:
        match.fire("unmatched_query_parts", " ".join(left[i] for i in pending))
    return pairs


def _pair_step(feature: str, test: Callable[[str, str], float], left: list[str], pending: list[int],
               free: dict[int, str], pairs: list[tuple[int, int, float]], match: NameMatch) -> list[int]:
    """Pair each pending query part with its best free list part under one test; the parts still pending."""
    still: list[int] = []
    for i in pending:
        best, value = -1, 0.0
        for j, r in free.items():
            score = test(left[i], r)
            if score > value:
                best, value = j, score
        if best < 0:
            still.append(i)
            continue
        match.fire(feature, f"{left[i]}~{free[best]}")
        pairs.append((i, best, value))
        del free[best]
    return still


@lru_cache(maxsize=200_000)
def _spelling(q: str, r: str) -> float:
    if len(q) < 4 or len(r) < 4:
        return 0.0
    qn, rn = analysed(q, True), analysed(r, True)
    if qn is None or rn is None:
        return 0.0
    best = max((a.score for a in compare_parts(list(qn.parts), list(rn.parts)) if a.qps and a.rps), default=0.0)
    return round(best * 0.95, 3) if best >= FUZZY else 0.0


def _initial(q: str, r: str) -> float:
    if len(q) == 1 and len(r) > 1 and r.startswith(q):
        return INITIAL
    if len(r) == 1 and len(q) > 1 and q.startswith(r):
        return INITIAL
    return 0.0


def compare_organisations(query: str, candidate: str) -> NameMatch:
    """Organisation names: the same words after legal forms and accents are normalised, an acronym, a
    translation, or a close spelling. Every content word must be accounted for on both sides."""
    match = NameMatch(0.0)
    left, right = list(name_parts(query, False)), list(name_parts(candidate, False))
    if not left or not right:
        return match
    if left == right:
        match.fire("exact" if fold(query) == fold(candidate) else "legal_form_or_accents", " ".join(left))
        match.score = 1.0 if fold(query) == fold(candidate) else 0.97
    elif sorted(left) == sorted(right):
        match.fire("reordered", " ".join(left))
        match.score = 0.93
    elif _acronym_of(query, candidate):
        match.fire("acronym", f"{query}~{candidate}")
        match.score = 0.85
    elif translated(query) and translated(query) == translated(candidate):
        match.fire("translation", translated(query))
        match.score = 0.9
    else:
        ratio = token_sort_ratio(" ".join(left), " ".join(right)) / 100.0
        if ratio >= 0.9 and min(len(" ".join(left)), len(" ".join(right))) >= 8:
            match.fire("spelling", f"{ratio:.2f}")
            match.score = round(ratio * 0.9, 3)
    return match


def _acronym_of(x: str, y: str) -> bool:
    for short, long in ((x, y), (y, x)):
        if is_acronym(short) and acronym(long) == fold(short).replace(" ", ""):
            return True
    return False


def compare_names(query: str, candidate: str, person: bool) -> NameMatch:
    """Compare a knowledge-base name with a list name, as persons or as organisations."""
    return compare_persons(query, candidate) if person else compare_organisations(query, candidate)

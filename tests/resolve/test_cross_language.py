"""A Spanish and an English article about the same actors meet in one entity (real extraction)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from crimegraph.analyse.profile import profile
from crimegraph.ingest.runner import ingest
from crimegraph.model import Article
from crimegraph.store.db import open_db
from crimegraph.store.tables import mentions

ENGLISH = Article(
    id="en-1", date="2020-03-27", language="en", title="US charges Venezuelan officials",
    text=("US prosecutors charged Venezuelan officials on Thursday with leading the Cartel of the Suns, "
          "a drug trafficking network inside the armed forces. The Cartel of the Suns allegedly moved "
          "cocaine through Venezuela for years."),
)
SPANISH = Article(
    id="es-1", date="2020-03-28", language="es", title="Acusan a funcionarios venezolanos",
    text=("La fiscalía de Estados Unidos acusó el jueves a funcionarios venezolanos de dirigir el Cartel de "
          "los Soles, una red de narcotráfico dentro de la Fuerza Armada. Según la acusación, el Cartel de "
          "los Soles trasladó cocaína a través de Venezuela durante años."),
)


def test_a_group_named_in_two_languages_is_one_entity_citing_both_articles(tmp_path: Path) -> None:
    engine = open_db(f"sqlite:///{tmp_path}/kb.db")
    summary = ingest([ENGLISH, SPANISH], engine)
    assert summary.new == 2 and not summary.failed
    dossier = profile(engine, "Cartel de los Soles")
    names = {name for name, _ in dossier.names}
    assert {"Cartel of the Suns", "Cartel de los Soles"} <= names
    with engine.connect() as conn:
        cited = set(conn.execute(select(mentions.c.article_id).where(
            mentions.c.entity_id.in_(dossier.nodes))).scalars())
    assert cited == {"en-1", "es-1"}
    assert profile(engine, "Cartel of the Suns").entity.id == dossier.entity.id

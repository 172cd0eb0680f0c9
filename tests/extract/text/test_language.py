"""Language detection by function words."""

from crimegraph.extract.text.language import detect


def test_english() -> None:
    assert detect("The army said that it had arrested the leader of the gang in the city.") == "en"


def test_spanish() -> None:
    assert detect("El ejército informó que detuvo a los cabecillas de la banda en la ciudad.") == "es"


def test_no_words_gives_the_default() -> None:
    assert detect("12345 !!!", default="es") == "es"

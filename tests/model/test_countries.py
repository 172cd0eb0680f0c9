import countrynames
import pytest

from crimegraph.model.countries import to_code

NAMES = ["Venezuela", "venezuela", "EE.UU.", "Estados Unidos", "U.S.", "UK", "ve", "Colombia", "México",
         "Caracas", "Cartel de los Soles", "", "  ", "the Netherlands", "Côte d'Ivoire", "fail", "XK"]


@pytest.mark.parametrize("name", NAMES)
def test_to_code_agrees_with_countrynames(name: str) -> None:
    assert to_code(name) == (countrynames.to_code(name) if name.lower() != "fail" else None)

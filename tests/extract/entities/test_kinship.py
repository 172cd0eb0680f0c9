from crimegraph.extract.entities.kinship import introduced_as_relative


def test_relatives_are_recognised_before_and_after_the_name() -> None:
    assert introduced_as_relative("Nicolas Maduro Guerra", "The president's own son, Nicolas Maduro Guerra.")
    assert introduced_as_relative("Cilia Flores", "Llegó con su esposa Cilia Flores a Caracas.")
    assert introduced_as_relative("Walter Jacobo Gavidia", "Walter Jacobo Gavidia, the stepson of Maduro, fled.")
    assert introduced_as_relative("Efraín Campo Flores", "Efraín Campo Flores, sobrino de la primera dama, huyó.")


def test_other_mentions_are_not_relatives() -> None:
    assert not introduced_as_relative("Nicolas Maduro", "President Nicolas Maduro spoke on Monday.")
    assert not introduced_as_relative("Diosdado Cabello", "Diosdado Cabello, the party's number two, said so.")
    assert not introduced_as_relative("Tareck El Aissami", "His son met Tareck El Aissami in Caracas.")

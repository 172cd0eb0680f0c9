"""Text cleaning before parsing."""

from crimegraph.extract.text.clean import clean_text, is_junk, looks_like_html


def test_html_is_stripped_and_scripts_dropped() -> None:
    html = "<div><p>Police seized <b>two tonnes</b> of cocaine.</p><script>alert(1)</script><p>Next.</p></div>"
    assert looks_like_html(html)
    text = clean_text(html)
    assert "Police seized two tonnes of cocaine." in " ".join(text.split())
    assert "alert" not in text and "<" not in text


def test_prose_with_a_stray_angle_bracket_is_left_alone() -> None:
    text = "Seizures rose by <10% in 2020, officials said."
    assert clean_text(text) == text


def test_control_characters_are_blanked() -> None:
    assert clean_text("a\x00b\x07c") == "a b c"


def test_junk_detection() -> None:
    assert is_junk("\x00\x01\x02\x03" * 100)
    assert not is_junk("A normal sentence about the National Guard.")
    assert not is_junk("")


def test_markdown_bold_becomes_spaces_and_keeps_offsets() -> None:
    text = "Designated today: **Rafael Example Name**, a judge. Rates rose 2 ** 3 times."
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert "Rafael Example Name" in cleaned and "**R" not in cleaned and "e**" not in cleaned
    assert "2 ** 3" in cleaned


def test_markdown_images_and_link_addresses_become_spaces() -> None:
    text = "![Foto Reuters](http://i.example.com/a.jpg)Caracas. Read [the order](https://gov.example/o.pdf) now."
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert cleaned.split() == ["Caracas.", "Read", "the", "order", "now."]
    assert cleaned.index("Caracas") == text.index("Caracas") and cleaned.index("order") == text.index("order")

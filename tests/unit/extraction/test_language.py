"""Language detection among the languages with a lexicon, other languages, and language hints."""

from __future__ import annotations

import pytest

from services.extraction.text.language import detect_language, normalise_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ceasefire took effect on Tuesday after the two sides signed the deal.", "en"),
        ("O cessar-fogo entre Israel e o Hamas entrou em vigor neste domingo.", "pt"),
        ("El Gobierno y la guerrilla acordaron prorrogar el cese al fuego por otros 180 días.", "es"),
        ("Le cessez-le-feu est entré en vigueur dans la nuit, selon les Nations unies.", "fr"),
        ("Die Waffenruhe ist in der Nacht in Kraft getreten, teilten die Vereinten Nationen mit.", "de"),
        (
            "Almeno dodici persone sono morte e altre trenta sono rimaste ferite in un attacco aereo contro il "
            "mercato della città, secondo quanto riferito dalle autorità locali.",
            "it",
        ),
        (
            "Bij een luchtaanval op de markt van de stad zijn zeker twaalf mensen om het leven gekomen en dertig "
            "gewond, volgens de lokale autoriteiten.",
            "nl",
        ),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detects_the_language_of_news_prose(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_hint_wins_and_is_normalised() -> None:
    assert normalise_language("pt-BR", "The ceasefire held.") == "pt"
    assert normalise_language("FR", "") == "fr"


def test_a_hint_naming_another_language_is_kept_and_a_bogus_one_falls_back_to_detection() -> None:
    assert normalise_language("it", "12 people were killed.") == "it"
    assert normalise_language("xx", "Los muertos y los heridos fueron trasladados.") == "es"
    assert normalise_language("de-AT", "Los muertos y los heridos fueron trasladados.") == "de"
    assert normalise_language(None, "Les blessés ont été évacués.") == "fr"


def test_text_without_language_content_gets_a_two_letter_code() -> None:
    """py3langid calls digits and symbols "zxx" (no linguistic content): that is no article language."""
    code = normalise_language(None, "A0A0A0A0A0A0A0A0A0A0A0A0A0²0²")
    assert len(code) == 2 and code.isalpha()

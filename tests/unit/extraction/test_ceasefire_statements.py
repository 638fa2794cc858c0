"""Ceasefire statements: parties, mediators, evidence offsets, background, and robustness."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences
from tests.work_count import calls


def _statements(text: str, language: str = "en") -> list:  # type: ignore[type-arg]
    return find_ceasefire(split_sentences(text), language)


def test_parties_between_and_mediators_brokered_by() -> None:
    (agreed, in_effect) = _statements(
        "A truce between the Sudanese army and the Rapid Support Forces brokered by Saudi Arabia and "
        "the United States came into force on Monday evening."
    )
    assert (agreed.status, in_effect.status) == ("agreed", "in_effect")
    assert agreed.parties == ("the Sudanese army", "the Rapid Support Forces")
    assert agreed.mediators == ("Saudi Arabia", "the United States")


def test_subject_list_gives_the_parties() -> None:
    (statement,) = _statements("Armenia and Azerbaijan agreed to a humanitarian ceasefire late on Saturday.")
    assert statement.parties == ("Armenia", "Azerbaijan")
    assert statement.mediators == ()


def test_an_opening_time_phrase_and_calendar_words_are_not_parties() -> None:
    (es,) = _statements("En 2016, el Gobierno y las FARC pactaron un cese al fuego definitivo.", "es")
    assert es.parties == ("el Gobierno", "las FARC")
    (en,) = _statements("Both sides reported violations of the truce between Saturday evening and Sunday night.")
    assert en.parties == ()


def test_a_dateline_is_not_a_party_and_lowercase_heads_make_names() -> None:
    (fr,) = _statements(
        "BAMAKO (AFP) - Le gouvernement malien et les groupes armés du Nord ont signé jeudi un accord de "
        "cessez-le-feu à Alger, sous l'égide de l'Algérie.",
        "fr",
    )
    assert fr.status == "agreed"
    assert fr.parties == ("Le gouvernement malien", "les groupes armés")
    assert fr.mediators == ("l'Algérie",)
    (es,) = _statements(
        "BOGOTÁ (EFE) - El Gobierno colombiano y el Estado Mayor Central iniciaron este lunes un cese al fuego.", "es"
    )
    assert (es.status, es.parties) == ("in_effect", ("El Gobierno colombiano", "el Estado Mayor Central"))


def test_a_string_of_earlier_truces_is_background_and_may_the_month_is_no_modal() -> None:
    text = (
        "The truce follows a series of short-lived ceasefires that were repeatedly violated. "
        "A seven-day truce brokered in Jeddah in May collapsed after both sides accused each other of breaches."
    )
    assert {(s.status, s.background) for s in _statements(text)} == {
        ("violated", True),
        ("agreed", True),
        ("collapsed", True),
    }


def test_mediation_phrase_in_portuguese_and_hyphenated_broker() -> None:
    (pt,) = _statements("O cessar-fogo foi assinado em Doha com mediação do Catar e do Egito.", "pt")
    assert pt.mediators == ("Catar", "Egito")
    (en,) = _statements("A Qatari-mediated truce between Israel and Hamas was signed on Wednesday.")
    assert en.mediators == ("Qatari",)
    assert en.parties == ("Israel", "Hamas")


def test_with_the_mediation_of_is_a_mediator_as_written() -> None:
    statements = _statements(
        "With the mediation of the Russian peacekeeping mission, an agreement has been reached for a "
        "complete end to hostilities, the separatist leadership said."
    )
    assert [s.status for s in statements] == ["agreed"]
    assert statements[0].mediators == ("Russian peacekeeping mission",)


def test_french_mediator_under_the_aegis_of() -> None:
    (statement,) = _statements("Un cessez-le-feu a été signé sous l'égide de l'Union africaine.", "fr")
    assert statement.mediators == ("l'Union africaine",)


def test_evidence_points_at_the_sentence_in_the_article() -> None:
    text = "Shelling hit the market on Monday.\n\nThe ceasefire collapsed on Tuesday, officials said."
    (statement,) = _statements(text)
    assert statement.status == "collapsed"
    assert text[statement.start : statement.end] == statement.sentence
    assert statement.sentence.startswith("The ceasefire collapsed")


def test_one_statement_per_status_per_sentence() -> None:
    statements = _statements("The truce was violated in the north and violated again in the south, monitors said.")
    assert [s.status for s in statements] == ["violated"]


def test_one_sentence_can_state_two_statuses() -> None:
    statements = _statements("The truce agreed in Cairo took effect at dawn but was broken within hours.")
    assert sorted(s.status for s in statements) == ["agreed", "in_effect", "violated"]


def test_an_anaphoric_follow_up_to_an_earlier_truce_is_background() -> None:
    text = "A ceasefire had been signed in 2020 after six weeks of war. The pact, however, was violated repeatedly."
    statements = _statements(text)
    assert [(s.status, s.background) for s in statements] == [("agreed", True), ("violated", True)]


def test_current_sentence_after_background_is_not_background() -> None:
    text = "A truce signed in 2020 collapsed within weeks. The new ceasefire took effect on Monday."
    statements = _statements(text)
    assert [(s.status, s.background) for s in statements] == [
        ("agreed", True),
        ("collapsed", True),
        ("in_effect", False),
    ]


def test_a_year_after_since_dates_something_still_running() -> None:
    (statement,) = _statements("El cese al fuego, vigente desde el 3 de agosto de 2023, sigue en pie.", "es")
    assert (statement.status, statement.background) == ("in_effect", False)


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_unicode_returns_statements_without_error(text: str) -> None:
    for statement in _statements(text, "xx"):
        assert statement.start <= statement.end
        assert text[statement.start : statement.end] == statement.sentence


@given(
    st.lists(st.sampled_from(["ceasefire ", "truce ", "agreed ", "it ", "violated ", "by ", "x" * 50, "2020 ", "\n"]))
)
@settings(max_examples=200, deadline=None)
def test_ceasefire_word_soup_returns_without_error(words: list[str]) -> None:
    _statements("".join(words))


def test_repeated_cues_are_handled_in_linear_work() -> None:
    """A guard against quadratic blow-up, counted in calls (not timed): ten times the text of one
    long "sentence", not a hundred times the work."""
    unit = "the ceasefire was agreed and violated despite the truce it collapsed "
    _, small = calls(lambda: _statements(unit * 300))  # about 20 KB
    statements, large = calls(lambda: _statements(unit * 3_000))  # about 200 KB
    assert statements and all(s.sentence for s in statements)
    assert large < small * 15, (small, large)

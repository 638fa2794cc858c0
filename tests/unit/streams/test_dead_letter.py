"""`DeadLettered.of`, the one constructor every stage uses: its id rule and its excerpt cut."""

from datetime import UTC, datetime, timedelta

from streams.events import EXCERPT_LIMIT, DeadLettered, stable_id

AT = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def letter(at: datetime = AT, bad_input: str | bytes = b"{not json", **id_parts: str) -> DeadLettered:
    parts = tuple(id_parts.values()) or ("dead-letter", "sitmon.reports[0]@7")
    return DeadLettered.of(
        id_parts=parts, at=at, stage="worker", origin="sitmon.reports[0]@7", reason="undecodable", bad_input=bad_input
    )


def test_the_id_is_the_stable_id_of_its_parts_and_not_the_clock() -> None:
    first, again_later = letter(), letter(at=AT + timedelta(hours=3))
    assert first.event_id == again_later.event_id == stable_id("dead-letter", "sitmon.reports[0]@7")
    assert again_later.occurred_at == AT + timedelta(hours=3)


def test_other_parts_give_another_id() -> None:
    assert letter(ns="dead-letter", where="sitmon.reports[0]@8").event_id != letter().event_id


def test_bad_input_is_cut_to_an_excerpt_and_bytes_are_decoded() -> None:
    long = letter(bad_input="x" * (EXCERPT_LIMIT * 3))
    assert long.excerpt == "x" * EXCERPT_LIMIT + "…"
    assert letter(bad_input=b"caf\xc3\xa9 \xff").excerpt == "café \ufffd"
    assert (letter().stage, letter().origin, letter().reason) == ("worker", "sitmon.reports[0]@7", "undecodable")

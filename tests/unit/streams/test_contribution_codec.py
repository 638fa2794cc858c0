"""A table entry of an article is encoded with msgspec: the bytes pydantic's serializer writes
(the state's one JSON form, which pydantic decodes), for any contribution."""

from __future__ import annotations

from typing import get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from streams.events import Group, Outcome, Qualifier
from streams.fold.state import Contribution, Figure, decode_contribution, encode_contribution
from tests.unit.streams.test_decode_report import statements, text

PYDANTIC: TypeAdapter[Contribution] = TypeAdapter(Contribution)
any_text = st.text(max_size=20)  # every code point, control characters and U+2028 included
maybe = st.none() | any_text

figures = st.builds(
    Figure,
    outcome=st.sampled_from(get_args(Outcome)),
    group=st.none() | st.sampled_from(get_args(Group)),
    count=st.integers(0, 10**15),
    qualifier=st.sampled_from(get_args(Qualifier)),
    source=maybe,
    sentence=any_text,
)
contributions = st.builds(
    Contribution,
    article_id=text,
    event_id=any_text,
    key=st.tuples(st.integers(-(10**13), 10**13), st.lists(st.integers(0, 10**6), max_size=3).map(tuple), any_text),
    event_ms=st.integers(-(10**13), 10**13),
    outlet=maybe,
    places=st.lists(any_text, max_size=3),
    figures=st.lists(figures, max_size=3),
    statements=st.lists(statements, max_size=2),
    superseded=st.lists(any_text, max_size=2),
)


@given(contributions)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_article_entry_is_the_json_pydantic_writes(contribution: Contribution) -> None:
    encoded = encode_contribution(contribution)
    assert encoded == PYDANTIC.dump_json(contribution)
    assert decode_contribution(encoded) == contribution

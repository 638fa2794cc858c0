"""`find_incident` searches only the incidents first reported within the span of the report (a
bisect over the list, ordered by first report): it must pick exactly the incident the plain
definition picks — the first in the list's order within the span whose places overlap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.fold.incidents import find_incident
from streams.fold.state import INCIDENT_SPAN_MS, Incident

TOWNS = ["north", "south", "east"]
places = st.lists(st.sampled_from(TOWNS), max_size=2, unique=True).map(sorted)
# times around a few span boundaries, so equal first reports and both ends of the span occur
moments = st.integers(min_value=0, max_value=6).map(lambda k: k * INCIDENT_SPAN_MS // 2) | st.integers(
    min_value=-1, max_value=4 * INCIDENT_SPAN_MS
)


def by_definition(incidents: list[Incident], event_ms: int, wanted: list[str]) -> Incident | None:
    for incident in incidents:
        if abs(event_ms - incident.first_ms) <= INCIDENT_SPAN_MS and (
            not wanted or not incident.places or not set(wanted).isdisjoint(incident.places)
        ):
            return incident
    return None


@settings(max_examples=400, deadline=None)
@given(
    firsts=st.lists(st.tuples(moments, places), max_size=12),
    event_ms=moments,
    wanted=places,
)
def test_the_search_finds_what_the_definition_finds(
    firsts: list[tuple[int, list[str]]], event_ms: int, wanted: list[str]
) -> None:
    incidents = sorted(
        (Incident(f"i{n:02d}", first, first, towns) for n, (first, towns) in enumerate(firsts)),
        key=lambda incident: (incident.first_ms, incident.incident_id),
    )
    assert find_incident(incidents, event_ms, wanted) is by_definition(incidents, event_ms, wanted)


def test_an_incident_exactly_a_span_away_still_matches() -> None:
    before = Incident("a", 0, 0, ["north"])
    after = Incident("b", 2 * INCIDENT_SPAN_MS, 2 * INCIDENT_SPAN_MS, ["north"])
    assert find_incident([before, after], INCIDENT_SPAN_MS, ["north"]) is before
    assert find_incident([before, after], INCIDENT_SPAN_MS + 1, ["north"]) is after
    assert find_incident([before, after], 3 * INCIDENT_SPAN_MS + 1, ["north"]) is None

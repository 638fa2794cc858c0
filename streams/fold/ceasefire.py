"""The ceasefire state machine of one region, driven by event time only.

    none → proposed → agreed → in_effect ⇄ violated → collapsed      (extended: in effect, prolonged)

Each transition keeps its event time and the sentence that caused it. A `violated` ceasefire
returns to `in_effect` once 72 hours of event time pass without a reported violation (the
region's clock advances only with the reports' publication times, never the wall clock).
Statements older than the current phase, and background statements, change nothing. A new
proposal or agreement after a collapse starts a new ceasefire (parties and mediators reset).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from streams.events import CeasefireStatement
from streams.fold.state import HISTORY_KEPT, VIOLATION_QUIET_MS, Ceasefire, Contribution, Transition

# current phase -> statuses a statement may move it to
ALLOWED: dict[str, frozenset[str]] = {
    "none": frozenset({"proposed", "agreed", "in_effect", "violated", "collapsed", "extended"}),
    "proposed": frozenset({"agreed", "in_effect", "collapsed"}),
    "agreed": frozenset({"in_effect", "violated", "collapsed", "extended"}),
    "in_effect": frozenset({"violated", "collapsed", "extended"}),
    "extended": frozenset({"violated", "collapsed"}),
    "violated": frozenset({"collapsed", "extended"}),  # violated again: see apply_statement
    "collapsed": frozenset({"proposed", "agreed", "in_effect"}),
    "superseded": frozenset({"proposed", "agreed", "in_effect"}),
}
STARTS_ANEW = frozenset({"none", "collapsed", "superseded"})
QUIET_EVIDENCE = "no violation reported for 72 hours of event time"


def _record(ceasefire: Ceasefire, status: str, at_ms: int, evidence: str, article_id: str | None) -> None:
    ceasefire.status = status
    ceasefire.since_ms = at_ms
    ceasefire.evidence = evidence
    ceasefire.article_id = article_id
    ceasefire.history = [*ceasefire.history, Transition(status, at_ms, evidence, article_id)][-HISTORY_KEPT:]
    ceasefire.transitions += 1


def advance_clock(ceasefire: Ceasefire, now_ms: int) -> bool:
    """Fire the quiet-period timer: violated → in_effect 72 h after the last violation."""
    if ceasefire.status != "violated" or ceasefire.last_violation_ms is None:
        return False
    quiet_at = ceasefire.last_violation_ms + VIOLATION_QUIET_MS
    if now_ms < quiet_at:
        return False
    _record(ceasefire, "in_effect", quiet_at, QUIET_EVIDENCE, None)
    return True


def _union(held: list[str], more: tuple[str, ...]) -> list[str]:
    known = {name.casefold() for name in held}
    added = [name for name in dict.fromkeys(more) if name.casefold() not in known]
    return held + added if added else held


def apply_statement(ceasefire: Ceasefire, statement: CeasefireStatement, at_ms: int, article_id: str) -> bool:
    """Apply one statement at event time `at_ms` (mutates `ceasefire`); True when anything changed."""
    if statement.background:
        return False
    if ceasefire.since_ms is not None and at_ms < ceasefire.since_ms:
        return False  # older than the current phase: history, not news
    current, wanted = ceasefire.status, statement.status
    changed = False
    if wanted == current == "violated":
        if ceasefire.last_violation_ms is None or at_ms > ceasefire.last_violation_ms:
            ceasefire.last_violation_ms = at_ms  # a fresh violation restarts the quiet period
            changed = True
    elif wanted in ALLOWED[current]:
        if current in STARTS_ANEW:
            ceasefire.parties, ceasefire.mediators, ceasefire.last_violation_ms = [], [], None
        if wanted == "violated":
            ceasefire.last_violation_ms = at_ms
        _record(ceasefire, wanted, at_ms, statement.sentence, article_id)
        changed = True
    elif not (wanted == current or (wanted == "agreed" and current in {"in_effect", "extended", "violated"})):
        return False  # a move the machine does not make (e.g. proposed after agreed): stale news
    # a restatement of what is known may still name more parties or mediators
    parties = _union(ceasefire.parties, statement.parties)
    mediators = _union(ceasefire.mediators, statement.mediators)
    if parties is not ceasefire.parties or mediators is not ceasefire.mediators:
        ceasefire.parties, ceasefire.mediators = parties, mediators
        changed = True
    return changed


def apply_article(ceasefire: Ceasefire, contribution: Contribution) -> int:
    """Run the clock to the article's event time, then apply its statements; the transitions made."""
    before = ceasefire.transitions
    advance_clock(ceasefire, contribution.event_ms)
    for statement in contribution.statements:
        apply_statement(ceasefire, statement, contribution.event_ms, contribution.article_id)
    return ceasefire.transitions - before


def replay(base: Ceasefire, contributions: Iterable[Contribution], clock_ms: int) -> Ceasefire:
    """The ceasefire as event-time order gives it: the archived base, then every itemised statement
    in (event time, article id) order, then the 72 h timer run to the region's clock."""
    ceasefire = copy.deepcopy(base)
    for contribution in sorted((held for held in contributions if held.statements), key=lambda held: held.order):
        apply_article(ceasefire, contribution)
    advance_clock(ceasefire, clock_ms)
    return ceasefire

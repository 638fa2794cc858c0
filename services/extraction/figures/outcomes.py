"""Outcome phrases of a sentence, as token spans: what the text says happened.

One prefix-tree scan finds every phrase of the lexicon; where phrases overlap the longest
wins; a phrase negated ("no deaths", "não houve mortos") is dropped; two scored outcomes
joined by "and"/"or" ("killed and wounded", "mortos e feridos") are marked as a lump, so the
figure they share gives nothing. Tolls ("the death toll", "la cifra de muertos") are found
here too: they name the outcome of the number that follows them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Tokens
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text.gate import Keys, concept

_TOLL: Final = re.compile(r"(?<!\w)(?:" + "|".join(lexicons.patterns("tolls", "killed")) + r")(?!\w)")
_INJURY_TOLL: Final = re.compile(r"(?<!\w)(?:" + "|".join(lexicons.patterns("tolls", "injured")) + r")(?!\w)")
# Words no toll phrase lacks: most sentences hold none, and a substring test is cheaper than a scan.
_TOLL_WORDS: Final = concept(
    "tolls.killed",
    ("toll", "number", "número", "balanço", "cifra", "saldo", "balance", "bilan", "nombre", "total de", "zahl"),
)
_INJURY_TOLL_WORDS: Final = concept(
    "tolls.injured", ("number", "número", "cifra", "de heridos", "balanço", "nombre", "bilan", "zahl")
)
# "the number of missing stood at 35", "Die Zahl der Vermissten gab … mit 35 an"
_MISSING_TOLL: Final = re.compile(r"(?<!\w)(?:" + "|".join(lexicons.patterns("tolls", "missing")) + r")(?!\w)")
_MISSING_TOLL_WORDS: Final = concept("tolls.missing", ("number", "número", "cifra", "nombre", "zahl"))
_TOLL_OUTCOME: Final = {_TOLL: "killed", _INJURY_TOLL: "injured", _MISSING_TOLL: "missing"}
_LUMP_JOIN: Final = re.compile(
    r"^\s*(?:"
    + "|".join(sorted({*lx.CONNECTORS, *lexicons.words("grammar", "disjunctions")} - {",", "plus"}))
    + r"|and/or|/)"
    # "killed or were injured", "han muerto o resultado heridas": an auxiliary of the second outcome
    + r"(?:\s+(?:"
    + alternation(*lexicons.words("grammar", "lump_links"))
    + r"))*\s*$"
)
# "no deaths were reported", "não houve mortos", "sin heridos", "aucun blessé": not an outcome of any
# figure (`grammar.outcome_negations`). A verb before its object is negated only right after the
# negation ("no mató", "não matou"; `grammar.outcome_verb_negations`). Both are read in the article's
# language: the Portuguese "no" of "No ataque morreram quatro" and "no Iêmen mata 68" is "in the".
def _negation_patterns(key: str, tail: str) -> dict[str | None, re.Pattern[str]]:
    listed = lexicons.per_language("grammar", key)
    every = [word for words in listed.values() for word in words]
    by_language: dict[str | None, re.Pattern[str]] = {
        code: re.compile(rf"(?<!\w)(?:{alternation(*words)}){tail}$") for code, words in listed.items()
    }
    by_language[None] = re.compile(rf"(?<!\w)(?:{alternation(*every)}){tail}$")  # no language known: any
    return by_language


_NEGATED: Final = _negation_patterns("outcome_negations", r"\s+(?:\w+\s+)?")
_NEGATED_VERB: Final = _negation_patterns("outcome_verb_negations", r"\s+")
_SCORED: Final = frozenset({"killed", "injured", "missing"})


@dataclass(frozen=True, slots=True)
class OutcomeSpan:
    outcome: str
    place: lx.Place
    first: int  # token span
    last: int
    lumped: bool = False


# Each language's articles and determiners (grammar.determiners).
_ARTICLES: Final = {code: frozenset(words) for code, words in lexicons.per_language("grammar", "determiners").items()}

Toll = tuple[int, int, str]  # start, end (sentence offsets) and the outcome a toll phrase names


def find_toll_phrases(keys: Keys) -> list[Toll]:
    """Every toll phrase of the sentence (`keys`: its keyword pass), killed tolls first: found once,
    read by both readers below."""
    return [
        (m.start(), m.end(), _TOLL_OUTCOME[pattern])
        for pattern in _toll_patterns(keys)
        for m in pattern.finditer(keys.low)
    ]


def find_outcomes(
    low: str,
    tokens: Tokens,
    tolls: list[Toll],
    language: str | None = None,
    matches: list[re.Match[str]] | None = None,
) -> list[OutcomeSpan]:
    """Outcome phrases of the sentence as token spans; the longest wins an overlap; lumps marked.

    `tolls`: the sentence's toll phrases (`find_toll_phrases`); an outcome word inside one is the toll's.
    Another language's outcome word that is an article of the sentence's `language` is that article
    (English "die" in German text). `matches`: the outcome scanner's matches in `low`, when the
    caller has scanned it already.
    """
    articles = _ARTICLES.get(language or "", frozenset())
    spans = [
        (m.start(), m.end(), *lx.outcome_of(m))
        for m in (lx.OUTCOME_SCANNER.finditer(low) if matches is None else matches)
        if not articles or m.group() not in articles
    ]
    spans = [(s, e, o, _closing_place(low, e) if p is lx.Place.CLOSING else p) for s, e, o, p in spans]
    toll_spans = [(start, end) for start, end, _ in tolls]
    # a language that lists no negations (German, for now) is read with every language's
    negated = _NEGATED.get(language, _NEGATED[None])
    negated_verb = _NEGATED_VERB.get(language, _NEGATED_VERB[None])
    spans = [span for span in spans if not _negated(low, span[0], span[3], negated, negated_verb)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str, lx.Place]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue
        if any(a <= span[0] < b for a, b in toll_spans):
            continue
        kept.append(span)
    lumped = set()
    for left, right in itertools.pairwise(kept):
        scored = left[2] in _SCORED and right[2] in _SCORED  # "blessées et évacuées" is not a lump
        if scored and left[2] != right[2] and _LUMP_JOIN.match(low[left[1] : right[0]]):
            lumped.update({left, right})
    return [
        OutcomeSpan(o, p, tokens.index_at(s), tokens.index_at(e - 1) + 1, (s, e, o, p) in lumped)
        for s, e, o, p in kept
    ]


# What ends a clause right after a verb: a punctuation mark, the sentence's end, or a connector
# ("…, bei dem zwei Zivilisten ums Leben kamen und 14 verletzt wurden"), after the auxiliary of a
# perfect or passive that closes the clause ("die 500.000 Menschen das Leben gekostet haben").
_CLAUSE_ENDS: Final = re.compile(
    r"(?:\s+(?:"
    + alternation(*lexicons.words("grammar", "auxiliaries"), *lexicons.words("grammar", "copulas"))
    + r")(?!\w))?\s*(?:$|[^\w\s]|(?:"
    + alternation(*lx.CONNECTORS, *lexicons.words("grammar", "disjunctions"))
    + r")(?!\w))"
)


def _closing_place(low: str, end: int) -> lx.Place:
    """A verb a verb-final clause closes on reports the number before it (its object or subject:
    "der zwölf Menschen tötete", "bei dem zwei Zivilisten ums Leben kamen"); where the clause goes
    on after it, the verb stands second and reports the number after it ("Ums Leben kamen nach
    Behördenangaben elf Menschen", "Der Angriff tötete zwölf Menschen")."""
    return lx.Place.POST if _CLAUSE_ENDS.match(low, end) else lx.Place.PRE


_NEGATION_REACH: Final = 16  # a negation and a space right before the outcome ("no one was", "ninguém foi")


def _negated(low: str, start: int, place: lx.Place, negated: re.Pattern[str], negated_verb: re.Pattern[str]) -> bool:
    before = low[max(0, start - _NEGATION_REACH) : start]
    return (negated_verb if place is lx.Place.PRE else negated).search(before) is not None


def find_tolls(tokens: Tokens, tolls: list[Toll]) -> list[tuple[int, str]]:
    """(token index, outcome) of every toll phrase: "death toll" names killed, "cifra de heridos" injured."""
    return sorted((tokens.index_at(start), outcome) for start, _, outcome in tolls)


def _toll_patterns(keys: Keys) -> list[re.Pattern[str]]:
    """The toll patterns that can match the lowercased sentence (both are case-sensitive scans of it)."""
    patterns = [_TOLL] if keys.holds(_TOLL_WORDS) else []
    if keys.holds(_INJURY_TOLL_WORDS):
        patterns.append(_INJURY_TOLL)
    if keys.holds(_MISSING_TOLL_WORDS):
        patterns.append(_MISSING_TOLL)
    return patterns

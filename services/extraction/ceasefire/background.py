"""Is a ceasefire statement about the story being reported, or about an earlier truce?

"A ceasefire signed in Minsk in September was violated almost daily" is context: the
stream processors must not move today's ceasefire state because of it. The cues are the
ones a reader uses: a year or a bare month ("in 2020", "en août 2024", "in late August"),
and words such as "earlier", "previous", "anterior", "précédent", "last year", "ago".
A year after "since"/"desde"/"depuis" dates something still running ("in force since
3 August 2023") and is not a cue; nor is a present or present-perfect verb ("has held").
The clauses that describe a truce, whose dates are the truce's own, are found in describing_clauses.
"""

from __future__ import annotations

import bisect
import re

from services.extraction.ceasefire.literals import GuardedPattern, Literals
from services.extraction.ceasefire.war_endings import ended_a_war
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.lexicon import lexicons
from services.extraction.text import months
from services.extraction.text.fold import fold
from services.extraction.text.keywords import trie_pattern

_TRUCE_BEFORE_MONTH_REACH = 24  # "the truce of", "la tregua de": a truce word right before its month
_SINCE_CLAUSE_REACH = 90  # "since a truce took effect in November": a "since" clause before the cue
_CURRENT_VERB_REACH = 40  # "has largely", "remains": a present-tense auxiliary right before the cue

_FLAGS = re.IGNORECASE

_MONTH_NAMES = sorted({fold(name) for name in months.FULL_NAMES})
_MONTHS = months.alternation(_MONTH_NAMES)

_YEAR = WordAnchoredPattern(re.compile(r"\b(?:19|20)\d\ds?\b"))
# A year this close after one of these words dates an ongoing state, not an earlier episode.
_SINCE = re.compile(r"\b(?:since|from|until|till|through|desde|depuis|jusqu|ate|hasta|ever|seit|bis)\b", _FLAGS)
_SINCE_REACH = 28

_MONTH_PHRASE = GuardedPattern(re.compile(
    r"\b(?:in|en|em|during|durante|last|early|late|mid|fin|debut|im|anfang|mitte|ende)\s+(?:early\s+|late\s+|mid-|the\s+)?"
    r"(?:" + _MONTHS + r")\b(?!\s+\d)",
    _FLAGS,
))  # one of its month names must be there: most sentences hold none
# "the January ceasefire", "el alto el fuego de enero", "la trêve de janvier": a truce named by the
# month it began is an episode the reader already knows — an earlier one. The month (a prefix
# tree, fast to search) is found first; the words around it are read only where it occurs.
_MONTH_WORD = WordAnchoredPattern(
    re.compile(r"\b(?:" + trie_pattern(_MONTH_NAMES, space=" ") + r")\b(?!'?\s*\d)", _FLAGS)
)
_TRUCE_AFTER_MONTH = re.compile(r"(?:'s)?\s+(?:truce|ceasefire|cease-fire|deal|agreement|accord)\b", _FLAGS)
_TRUCE_BEFORE_MONTH = re.compile(
    r"\b(?:truce|ceasefire|cease-fire|fuego|fogo|tregua|treve|cessez-le-feu|acuerdo|acordo|accord)\s+(?:de|of|d')\s*$",
    _FLAGS,
)


# The month names themselves: a few C-speed substring tests, most sentences hold none.
_MONTH_STEMS = Literals(set(_MONTH_NAMES) | set(months.FULL_NAMES))  # as folded, and as written


def _named_by_month(folded: str, low: str) -> bool:
    if not _MONTH_STEMS.found_in(low):
        return False
    for month in _MONTH_WORD.finditer(folded):
        if _TRUCE_AFTER_MONTH.match(folded, month.end()):
            return True
        if _TRUCE_BEFORE_MONTH.search(folded, max(0, month.start() - _TRUCE_BEFORE_MONTH_REACH), month.start()):
            return True
    return False


# "Several truces have collapsed since 2021", "mehrere Waffenruhen sind gescheitert", "plusieurs
# trêves ont volé en éclats": many truces are the region's history, not the truce in the news.
_SEVERAL = lexicons.patterns("ceasefire", "several")
_PLURAL_TERMS = lexicons.patterns("ceasefire", "plural_terms")
# (Searched only at the words it can begin with, word_anchored.py: a sentence cost ~130 µs scanned.)
_EARLIER = WordAnchoredPattern(re.compile(
    r"\b(?:earlier\s+(?:truces?|ceasefires?|cease-fires?|deals?|agreements?|pauses?)|previous|prior|short-lived|"
    r"(?:series|string|succession|number|handful)\s+of\s+(?:\S+\s+)?(?:truces|ceasefires|cease-fires)|"
    r"(?:" + "|".join(_SEVERAL) + r")\s+(?:\S+\s+)?(?:" + "|".join(_PLURAL_TERMS) + r")|"
    r"last\s+year|a\s+year\s+earlier|years?\s+ago|months\s+ago|decades?\s+ago|that\s+year|nesse\s+ano|naquele\s+ano|"
    r"ese\s+ano|aquel\s+ano|cette\s+annee-la|in\s+jenem\s+jahr|damals|"
    r"anterior(?:es)?|ano\s+passado|anos\s+atras|ano\s+pasado|anos\s+atras|hace\s+(?:un|dos|tres|\d+)\s+anos?|"
    r"precedente?s?|anterieure?s?|l'an\s+dernier|l'annee\s+derniere|il\s+y\s+a\s+(?:un|deux|trois|\d+)\s+ans?|"
    r"(?:fruhere|vorherige|vorangegangene)[nmrs]?|"

    # "Eine erste Waffenruhe war bereits am Dienstag vereinbart worden": a first one, before the one in the news
    r"(?:a|une|una|uma|eine)\s+(?:first|premiere|primera|primeira|erste)\s+(?:truce|ceasefire|treve|tregua|waffenruhe|feuerpause))\b",
    _FLAGS,
))
# One of these is in every match of _EARLIER: most sentences skip the regex.
_EARLIER_KEYS = Literals((
    "earlier", "previous", "prior", "short-lived", "truces", "ceasefires", "cease-fires", "year", "ago",
    "anterior", "anterieur", "passado", "atras", "pasado", "hace", "precedent", "dernier", "y a", " ano",
    "annee-la", "jahr", "damals", "fruhere", "vorherige", "vorangegangene", "first", "premiere", "primer", "primeir", "erste",
    *lexicons.words("ceasefire", "several"),
))  # fmt: skip
# "has held", "is holding", "remains in force": the state is current whatever year is named; so is
# one that will remain or go on ("seguirá en vigor hasta", "restera en vigueur", "continuará em
# vigor", "bleibt in Kraft"): a state still to come is no earlier episode.
_CURRENT_VERB = re.compile(
    r"\b(?:has|have|is|are|remains?|still|continues?|continue|tem|sigue|reste|esta|continuam?|continuan?|"
    r"seguir(?:a|an|ia|ian)|continuar(?:a|an|ia|ian)|permanecer(?:a|an|ia|ian)|ficar(?:a|ao)|"
    r"rester(?:a|ont|ait|aient)|continuer(?:a|ont|ait|aient)|demeurer(?:a|ont)|bleib(?:t|e|en))\s+(?:\S+\s+){0,2}$",
    _FLAGS,
)
# German puts the participle at the clause's end, far from its present auxiliary: "Der 2018
# unterzeichnete Waffenstillstand ist nach Einschätzung von Beobachtern faktisch zusammengebrochen".
_CURRENT_AUXILIARY_FAR = re.compile(r"\b(?:ist|sind|hat|haben|bleibt|bleibe|bleiben)\s+(?:[^\s,;.]+\s+){0,6}$", _FLAGS)
_CURRENT_AUXILIARY_REACH = 70


_DATE_WORDS = frozenset(
    ("the of de del do da in en em el le la o a early late mid dem des im ende anfang mitte " + " ".join(_MONTH_NAMES)).split()
)


# "im vergangenen Jahr", "April des vergangenen Jahres", "vor zwei Jahren": a date relative to the
# story's, read as a date is (a present verb or "seit" before it keeps the state current).
_RELATIVE_YEAR = GuardedPattern(re.compile(
    r"\b(?:(?:vergangenen|letzten)\s+jahr(?:es)?|letztes\s+jahr|vorjahr(?:es)?|vor\s+(?:einem|zwei|drei|\d+)\s+jahren)\b",
    _FLAGS,
))


# A time told as months gone by dates what the sentence says ("hace seis meses", "il y a six mois", "há
# seis meses", "vor sechs Monaten", "vor einem halben Jahr"), as a month does: a verb in the present, or
# a day of the story named after the cue, still makes its cue today's (English "months ago" is in
# _EARLIER above, as it was before these).
_MONTHS_AGO = GuardedPattern(re.compile(
    r"\b(?:hace\s+(?:un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|varios|unos|\d+)\s+mes(?:es)?|"
    r"il\s+y\s+a\s+(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|plusieurs|quelques|\d+)\s+mois|"
    r"ha\s+(?:um|dois|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|varios|alguns|\d+)\s+mes(?:es)?|"
    r"vor\s+(?:einem|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|mehreren|einigen|\d+)\s+monat(?:en)?|"
    r"vor\s+einem\s+halben\s+jahr)\b",
    _FLAGS,
))
def background_cue(folded: str) -> str | None:
    """Why the (accent-folded) sentence reads as context: "earlier" for an explicit word
    ("previous", "anterior", "ago") or a war a truce had ended, "dated" for a year or month, None if
    it reads as news."""
    low = folded.lower()
    if (_EARLIER_KEYS.found_in(low) and _EARLIER.search(folded)) or ended_a_war(folded):
        return "earlier"
    dateline = _DATELINE.match(folded)
    body = folded[dateline.end() :] if dateline else folded
    if (
        _month_dates(body)
        or _named_by_month(body, body.lower())
        or _relative_year_dates(body)
        or _MONTHS_AGO.search(body) is not None
    ):
        return "dated"
    for year in _YEAR.finditer(folded, dateline.end() if dateline else 0):
        if not _runs_since(folded[max(0, year.start() - _SINCE_REACH) : year.start()]):
            return "dated"
    return None


def _month_dates(body: str) -> bool:
    """A month phrase ("in August", "fin janvier") that dates the sentence: not one after
    "until"/"jusqu'à"/"bis", a deadline still to come ("prolongé jusqu'à la fin janvier"), nor
    after "since", the start of a state still running."""
    match = _MONTH_PHRASE.search(body)
    while match is not None:
        if not _runs_since(body[max(0, match.start() - _SINCE_REACH) : match.start()]):
            return True
        match = _MONTH_PHRASE.search(body, match.end())
    return False


def _relative_year_dates(body: str) -> bool:
    """ "im vergangenen Jahr", not "seit April des vergangenen Jahres" (a state still running)."""
    match = _RELATIVE_YEAR.search(body)
    while match is not None:
        if not _runs_since(body[max(0, match.start() - _SINCE_REACH) : match.start()]):
            return True
        match = _RELATIVE_YEAR.search(body, match.end())
    return False


def _runs_since(before: str) -> bool:
    """ "desde el 3 de agosto de" before a year: a date that starts something still running."""
    ends = [match.end() for match in _SINCE.finditer(before)]
    if not ends:
        return False
    between = before[ends[-1] :].replace(",", " ").replace("'", " ").lower().split()  # "jusqu'a la"
    return all(word.rstrip(".").isdigit() or word in _DATE_WORDS for word in between)  # "seit dem 27. November 2024"


# "Luanda, 23 ago 2024 (Lusa) –", "PARIS, 5 mars 2024 (AFP) -": wire copy opens with its own date,
# which dates the story, not an earlier truce.
_DATELINE = re.compile(r"[^()\n.,]{1,40},[^()\n.,]{1,25}\b(?:19|20)\d\d\s*\([^()]{2,30}\)\s*[-–—]")

# A cue in the present tense: "has held", and German "gilt", "herrscht", "hält", "bricht".
# …and a violation verb in the simple present with the truce for its object: "an attack it says
# breaches the November truce", "que, según Israel, viola la tregua de noviembre" (ceasefire.present_violation):
# what the truce suffers now, whatever month names it.
_CURRENT_CUE = re.compile(
    r"(?:has|have|is|are|remains?|gilt|herrscht|halt|bricht|brechen|"
    # the Romance present of holding: "se mantiene", "mantém-se", "tient toujours"
    r"se\s+mantienen?|mantienen?|mantem-se|se\s+mantem|mantem|tient|tiennent)\b|(?:"
    + "|".join(lexicons.patterns("ceasefire", "present_violation"))
    + r")",
    _FLAGS,
)


# "the deadliest day since a ceasefire took effect in November": the truce is still on.
_SINCE_CLAUSE = re.compile(r"\b(?:since|desde\s+que|depuis\s+que)\s+(?:a|an|the|o|a|el|la|le|l')?\s*\S+\s", _FLAGS)


def is_current_verb(folded: str, cue_start: int, lasting: bool = False) -> bool:
    """True if the cue is in the present or present perfect ("has largely held"), or, for a
    `lasting` state, dates its start ("since a truce took effect in November")."""
    if lasting and _SINCE_CLAUSE.search(folded, max(0, cue_start - _SINCE_CLAUSE_REACH), cue_start):
        return True
    return (
        _CURRENT_VERB.search(folded[max(0, cue_start - _CURRENT_VERB_REACH) : cue_start]) is not None
        or _CURRENT_CUE.match(folded, cue_start) is not None
        or _CURRENT_AUXILIARY_FAR.search(folded[max(0, cue_start - _CURRENT_AUXILIARY_REACH) : cue_start]) is not None
    )


_TODAY = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:week|morning|evening)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"hoje|ontem|hoy|ayer|aujourd'hui|hier|"
    r"(?:el|este|no|na|neste|nesta)\s+(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda-feira|terca-feira|"
    r"quarta-feira|quinta-feira|sexta-feira)|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|heute|gestern|"
    r"(?:am|an\s+diesem)\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))\b",
    re.IGNORECASE,
)


# the words that name a day of the story, for the readers of other modules ("este martes", "samedi")
DAY_OF_THE_STORY = _TODAY
_TODAY_REACH = 30  # characters after a cue in which "on Tuesday" dates it


def dated_today(text: str, cue_end: int) -> bool:
    """ "…collapsed on Tuesday": a day named right after the cue, with no other date between them."""
    today = _TODAY.search(text, cue_end, cue_end + _TODAY_REACH)
    return today is not None and not any(char.isdigit() for char in text[cue_end : today.start()])


def has_today(text: str) -> bool:
    return _TODAY.search(text) is not None


def background_cue_outside(folded: str, spans: list[tuple[int, int]], before_them: bool = False) -> str | None:
    """`background_cue` of the sentence with the given spans left out (blanked, offsets kept),
    if what is left names today ("on Friday", "lundi") or the cue read stands `before_them` ("supone
    el fin de la tregua, que había sido prorrogada en octubre"); else the whole sentence's."""
    chars = list(folded)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    outside = "".join(chars)
    return background_cue(outside) if before_them or has_today(outside) else background_cue(folded)


def dated_only_after(folded: str, cue_end: int, barriers: list[int]) -> bool:
    """ "accused each other on Tuesday of violating the truce, while the two countries initialled a
    peace deal in August": the date stands only in a clause after the cue's own (after a clause break,
    attachment.clause_breaks), and dates what that clause says, not the cue."""
    index = bisect.bisect_left(barriers, cue_end)
    if index >= len(barriers):
        return False
    own = folded[: barriers[index]]
    # a year or a month in the cue's own clause, even one that starts a state ("had observed a truce
    # from August 2023"), keeps the sentence's reading
    return background_cue(own) is None and _YEAR.search(own) is None and not _MONTH_STEMS.found_in(own.lower())


# "The truce formally lapsed six months later", "seis meses depois": a time told relative to the
# sentence before it belongs to that sentence's episode (ceasefire.later).
_LATER = re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "later")) + r")\b", _FLAGS)


def told_later(folded: str) -> bool:
    return _LATER.search(folded) is not None  # read only after a sentence about an earlier truce: rare

"""Is a figure told in the pluperfect of a month gone by, the way news tells an earlier episode?

A report tells today's events in the simple past or the present perfect ("killed", "has
killed", "wurden getötet"); it steps back to an earlier episode with the pluperfect and names
when: "In May a similar attack had left more than 100 dead" (in a June story), "Im Juli waren
bei Kämpfen 1000 Menschen getötet worden" (in an August one). A month alone dates no episode
until two months have passed (attribution/background.py): last month's fighting may be the
story's own. Told in the pluperfect, it is an episode before the one being reported.

The pluperfect alone is not enough: a story about a truce tells the fighting it ended in the
pluperfect too ("Bei den fünftägigen Gefechten waren 35 Menschen getötet worden"), and that
fighting is the news. A war is another matter: one told in the pluperfect ("La guerre avait fait
plus de 4 000 morts", "Im Krieg waren … getötet worden", "the offensive had killed 3,000") is
over, month or no month, and its toll is context (`background.wars`); a running war's toll is
told in the present perfect or "since" it began ("had been killed since the war began"). Two more uses of the tense tell the news as well:
- reported speech, where English, Spanish, French and Portuguese shift the tense back after a
  reporting verb ("the army said 23 soldiers had been killed", "saying its fighters had
  killed 40"): a sentence with a reporting verb gives no cue (German reports in the
  subjunctive, "seien getötet worden", so its pluperfect is no backshift);
- a clause dated to the days being reported ("Am Mittwochmorgen, vor Beginn der Waffenruhe,
  waren fünf Soldaten getötet worden"): a sentence with a present marker gives no cue.
"according to" is no reporting verb here: it shifts no tense.

Each language's pluperfect is lexicon data (`background.pluperfect`: an auxiliary in the past
and a participle), read only in sentences that hold one of its auxiliaries (`pluperfect_gates`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from services.extraction.attribution.figure_dating import present_markers
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text import months
from services.extraction.text.gate import Keys, concept

_PLUPERFECT: Final = re.compile(
    r"(?<!\w)(?:" + "|".join(lexicons.patterns("background", "pluperfect")) + r")(?!\w)", re.IGNORECASE
)
_PLUPERFECT_WORDS: Final = concept(
    "background.pluperfect", lexicons.words("background", "pluperfect_gates"), word_start=True
)
# Reporting verbs by their longest word ("a dit" → "dit", "gab an" → "gab"), and the forms that introduce reported
# speech without being listed as a figure's source ("saying", "diciendo", "disant").
_BACKSHIFT: Final = frozenset(
    [max(phrase.split(), key=len) for phrase in lexicons.words("reporting_verbs")]
    + lexicons.words("background", "backshift")
)
_WAR: Final = re.compile(r"(?<!\w)(?:" + "|".join(lexicons.patterns("background", "wars")) + r")(?!\w)", re.IGNORECASE)
_WAR_WORDS: Final = concept("background.wars", lexicons.words("background", "war_gates"))
_SINCE: Final = re.compile(r"(?<!\w)(?:" + alternation(*lexicons.words("background", "since")) + r")(?!\w)", re.IGNORECASE)
_MONTH: Final = re.compile(rf"(?<!\w)(?:{months.alternation()})(?!\w)", re.IGNORECASE)
_BEFORE_REACH: Final = 100  # characters from a pluperfect to a figure after it in its clause
_AFTER_REACH: Final = 40  # … and to one before it ("100 people had been killed")
_CLAUSE_BREAK: Final = re.compile(r"[;:()]")
_COMMA: Final = re.compile(r",")


def pluperfect_cues(sentence: str, keys: Keys, words: list[str], published_at: datetime | None) -> list[int]:
    """Where each pluperfect verb phrase starts that dates its clause to an earlier episode:
    the sentence names a month other than the publication's, or a war, and no reporting verb or
    present marker makes the tense tell the news.

    `words`: the sentence's tokens, lowercased.
    """
    if not keys.has(_PLUPERFECT_WORDS) or not _BACKSHIFT.isdisjoint(words):
        return []
    found = [match.start() for match in _PLUPERFECT.finditer(sentence)]
    if not found or not (_names_a_war(sentence, keys) or _names_another_month(sentence, published_at)):
        return []
    return found if not present_markers(sentence, keys) else []


def _names_another_month(sentence: str, published_at: datetime | None) -> bool:
    return published_at is not None and any(
        months.MONTHS[match.group().lower()] != published_at.month for match in _MONTH.finditer(sentence)
    )


def _names_a_war(sentence: str, keys: Keys) -> bool:
    """A war, not one counted "since" it began (a running toll: "had been killed since the war began")."""
    return keys.has(_WAR_WORDS) and _WAR.search(sentence) is not None and _SINCE.search(sentence) is None


def told_in_pluperfect(cues: list[int], sentence: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) stands in the clause of one of the pluperfect `cues`:
    after it with no clause break between ("had left more than 100 dead, including 30 children"),
    or right before it with not even a comma ("100 people had been killed")."""
    for cue in cues:
        if cue < start:
            if start - cue <= _BEFORE_REACH and not _CLAUSE_BREAK.search(sentence, cue, start):
                return True
        elif (
            cue - end <= _AFTER_REACH
            and not _COMMA.search(sentence, end, cue)
            and not _CLAUSE_BREAK.search(sentence, end, cue)
        ):
            return True
    return False

"""Where a sentence tells how a running episode began ("The war, triggered by the attack of
7 October 2023, has killed 67,000"): the dates in that clause date the beginning, not the war,
and the main clause after it returns to the present (attribution/background.py uses it)."""

from __future__ import annotations

import re
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text import months
from services.extraction.text.gate import concept
from services.extraction.text.keywords import written_and_lowercased

# "The war, triggered by the attack of 7 October 2023, has killed 67,000", "The insurgency, launched in
# 2017, has killed 6,000" (a participle, the relative clause it shortens): a clause set off by commas
# after a lasting episode that tells how it began, perhaps followed by clauses about that beginning
# (", in which 1,200 people died,"). Its dates and cues date the beginning, not the running
# episode: the main clause after it returns to the present (a clause about the episode's end,
# "which ended in 2020", still dates it; so does a cue before the episode, "the 2020 war").
# The words that may follow the episode's noun before the comma: "The conflict in the country's two
# English-speaking regions, sparked in 2017, …" (where and between whom, about a line of print).
_EPISODE_PHRASE_REACH: Final = 60
_ONSET_CLAUSE: Final = re.compile(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "lasting_episodes"))
    + rf")(?!\w)[^,;.]{{0,{_EPISODE_PHRASE_REACH}}},"
    + r"(?P<clause>[^,;]{1,140}),(?P<told>(?:\s*(?:"
    + alternation(*lexicons.words("background", "onset_relatives"))
    + r")(?!\w)[^,;]{1,140},)*)",
    re.IGNORECASE,
)
_ONSET_OPENING: Final = re.compile(
    r"\s*(?:" + "|".join(lexicons.patterns("background", "onset")) + r")(?!\w)", re.IGNORECASE
)
# The participle may open the sentence, before the episode it tells the beginning of: "Launched on
# 15 April, the war has killed 9,000", "Déclenchée le 15 avril, la guerre a fait 9 000 morts" (an
# article or a determiner, at most one word, between the comma and the episode's noun).
_FRONTED_ONSET: Final = re.compile(
    r"\s*(?P<clause>(?:" + "|".join(lexicons.patterns("background", "onset")) + r")(?!\w)[^,;.]{1,140}),\s*(?:\w+['’]?\s*)?(?:"
    + alternation(*lexicons.words("background", "lasting_episodes"))
    + r")(?!\w)",
    re.IGNORECASE,
)
# What `onset_clauses` cannot match without (a concept of the keyword gate, text/gate.py).
ONSET_WORDS: Final = concept("background.onset", lexicons.words("background", "onset_gates"))


def onset_clauses(sentence: str) -> list[tuple[int, int]]:
    """(where the episode is named, where the main clause resumes) of each clause after a lasting
    episode that tells how it began ("The war, triggered by …, in which …, has killed"), and of a
    participle opening the sentence before its episode ("Launched in April, the war has killed"; the
    episode is then named where the sentence starts: a date in the participle dates no episode)."""
    found = [
        (match.start(), match.end())
        for match in _ONSET_CLAUSE.finditer(sentence)
        if _ONSET_OPENING.match(match.group("clause"))
    ]
    fronted = _FRONTED_ONSET.match(sentence)
    if fronted is not None:
        found.insert(0, (0, fronted.end()))
    return found


# "Since the start of the war between the army and the RSF in April 2023, 40,000 have been killed",
# "Seit dem Ausbruch eines Machtkampfs innerhalb des Kartells im September 2024 wurden …": a since-clause
# that names the running episode's outbreak dates that outbreak with the first year or month (and its
# year) after it, however many words name the episode and its sides in between (no clause end between).
SINCE_ONSET: Final = written_and_lowercased(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "since")) + r")(?!\w)[^,.;:]{0,120}?(?<!\w)(?:"
    + alternation(*lexicons.words("background", "outbreaks"))
    + rf")(?!\w)[^,.;:]{{0,120}}?(?:(?<!\d)(?:1[89]|20)\d\d(?!\d)|(?<!\w)(?:{months.alternation()})(?!\w)(?:,?\s+(?:de\s+)?\d{{4}})?)"
)

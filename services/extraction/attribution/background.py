"""Is a fact about an earlier, finished episode given as context ("the 2020 war killed 6,500")?

Shared by the casualty and ceasefire readers. A sentence marks the episode it tells about
with cues: a past year or decade, "last year"/"last April", a dated event well before
publication, "that conflict", or a causal link to an earlier event ("triggered by",
"began with", "came after"). A cue governed by "since" ("killed since the war began in
2023") dates a running toll, not an earlier episode, so it does not count — unless the
clause goes on to describe that earlier episode ("since February 2019, when a bomber killed 40").
A fact is background when a live cue precedes it in its sentence, or when a relative past
or an old year closely follows it ("killed 26 people in 2019").

This module finds the cues; figure_dating judges one figure against them.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from services.extraction.attribution.earlier_events import earlier_event_cues
from services.extraction.attribution.figure_dating import PRESENT
from services.extraction.attribution.named_years import may_name_a_year, years_in
from services.extraction.attribution.onset import ONSET_WORDS, SINCE_ONSET, onset_clauses
from services.extraction.attribution.stale_dates import (
    months_ago,
    range_end,
    stale,
    stale_month_years,
)
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text import months
from services.extraction.text.gate import Keys, concept, keys_of
from services.extraction.text.keywords import written_and_lowercased

_MONTHS: Final = months.MONTHS
_MONTH: Final = months.alternation()

_DATE: Final = written_and_lowercased(
    rf"(?<!\w)(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+|of\s+)?(?P<month>{_MONTH})\b|"
    # "12 May 14 people", "5. Dezember 14 Kämpfer": a month with its day before it takes no day after it
    rf"(?<!\d\s)(?<!\d\.\s)(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?!\d))"
)
_EPISODE_NOUN: Final = re.compile(
    r"\s+(?:war|wars|conflict|offensive|attack|attacks|massacre|genocide|earthquake|uprising|bombing|"
    r"guerra|conflito|conflicto|ofensiva|ataque|masacre|massacre|guerre|conflit|attentat|séisme)\b",
    re.IGNORECASE,
)
_IN_MONTH: Final = written_and_lowercased(
    rf"(?<!\w)(?:{alternation(*lexicons.words('background', 'in_month'))}) (?P<month>{_MONTH})\b(?P<year>,? \d{{4}}| de \d{{4}})?"
)
_RELATIVE_PAST: Final = written_and_lowercased(
    r"(?<!\w)(?:"
    + "|".join(p.replace("{month}", _MONTH) for p in lexicons.patterns("background", "relative_past"))
    + r")(?!\w)"
)
_EPISODE: Final = written_and_lowercased(
    r"(?<!\w)(?:" + "|".join(lexicons.patterns("background", "episode")) + r")(?!\w)"
)
# "since X, when …" / "since X, which killed …": the clause after the comma tells the earlier episode.
# A date set off after "since" may be followed by one apposition ("desde la de Wharf Jérémie, en
# diciembre de 2024, en la que murieron 184"), then the relative that tells the episode.
_SINCE_WHEN: Final = written_and_lowercased(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "since")) + r")\b[^,.;]{0,80}(?:,[^,.;]{1,40})?,\s*(?:"
    + alternation(*lexicons.words("background", "since_relatives"))
    + r")(?:\b|(?<=['’]))"
)
# "since 9 September, when the war broke out, 1,800 have been killed", "desde o início da guerra, em
# abril de 2023, que …": the clause tells when the running episode began, so it dates nothing earlier.
_ONSET: Final = re.compile(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "outbreaks")) + r")(?!\w)", re.IGNORECASE
)
# "the July clashes", "los combates de julio": an episode named by an earlier month is a finished one.
_EPISODE_NAMES: Final = (
    "clashes|fighting|war|offensive|attacks?|massacres?|violence|strikes|bombings?|assault|raids?|uprising|"
    "killings|unrest|riots|floods?|earthquake|"
    "enfrentamientos|combates|confrontos|ataques?|masacres?|massacres?|violencia|violência|violences|"
    "bombardeos|bombardeios|bombardements|affrontements|combats|attaques?|tueries|émeutes|disturbios|tumultos"
)
_MONTH_EPISODE: Final = written_and_lowercased(
    rf"(?<!\w)(?:the (?P<month>{_MONTH})(?:'s)? (?:{_EPISODE_NAMES})|"
    rf"(?:{_EPISODE_NAMES}) (?:de|d') ?(?P<month2>{_MONTH}))(?!\w)(?! \d| de \d)"
)
# "…, Amnesty said in a new report": findings released now about a dated event are the news.
_NEW_REPORT: Final = re.compile(
    r"(?<!\w)(?:(?:new|latest) (?:report|investigation|analysis|findings)|(?:report|investigation) (?:released|published)|"
    r"nuevo informe|novo relatório|nouveau rapport|informe publicado|relatório publicado|rapport publié)(?!\w)",
    re.IGNORECASE,
)
# "In the week of 23 June": a date that opens the report's own period dates no earlier episode.
_PERIOD_OF: Final = re.compile(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "period_of")) + r")\s+(?:the\s+)?$", re.IGNORECASE
)
_PERIOD_OF_REACH: Final = 24  # characters before a date read for "the week of"
_SINCE: Final = written_and_lowercased(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "since")) + r")(?!\w)"
)
# "Desde que estalló la pugna entre los dos cárteles, el 9 de septiembre de 2024, el estado acumula
# 1.200": a since-clause with the date of its beginning set off after it governs that date, however
# long the clause (`_SINCE_REACH` measures only from "since" itself): up to two lines of print, as
# when it names both sides with their leaders' nicknames.
_SINCE_DATED: Final = written_and_lowercased(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "since"))
    + rf")(?!\w)[^,.;]{{0,160}},\s*(?:\w+\s+){{0,2}}(?:\d|{_MONTH})[^,.;]{{0,40}},"
)
# "depuis plus d'un an", "seit mehr als einem Jahr": where "since" also means "for", a duration after
# it is how long, not a point in time, and the clause after it tells no earlier episode
_SINCE_A_DURATION: Final = written_and_lowercased(
    r"(?:" + alternation(*lexicons.words("background", "since")) + r")\s+(?:"
    + ("|".join(lexicons.patterns("background", "since_durations")) or r"(?!)") + r")(?!\w)"
)
# What each pattern cannot match without (concepts of the keyword gate, text/gate.py). Most
# sentences with a figure hold none of them, and a set lookup costs far less than the scan it spares.
_RELATIVE_PAST_WORDS: Final = concept(
    "background.relative_past", lexicons.patterns("background", "relative_past_gates")
)
_EPISODE_WORDS: Final = concept("background.episode", lexicons.patterns("background", "episode_gates"))
_SINCE_WORDS: Final = concept("background.since", lexicons.words("background", "since"))
# every month name holds its first three letters
_MONTH_WORDS: Final = concept("background.months", sorted({month[:3] for month in _MONTHS}))
_SINCE_REACH: Final = 60  # a "since" this close before a time cue governs it
_OUTBREAK_REACH: Final = 14  # an outbreak verb ending this close before a time cue ("broke out ", "a éclaté ") is dated by it
_OLD_YEARS: Final = 2


def background_cue_pair(
    sentence: str,
    published_at: datetime | None,
    current_year: int | None = None,
    lead: bool = False,
    keys: Keys | None = None,
) -> tuple[list[int], list[int], list[int]]:
    """The background cues of one sentence and those that may date a figure they follow (relative
    pasts and years well before publication: `_Scan.cues`, `_Scan.cues_after`), scanning it once for both,
    and where its main clause returns to the present after telling how its running episode began
    (present markers, as `present_markers`: "The war, triggered by the attack of 2023, has killed").

    `keys`: the sentence's keyword pass (gate.keys_of), when the caller has made it already.
    """
    scan = _Scan(sentence, keys)
    cues = scan.cues(published_at, current_year, lead)
    return cues, scan.cues_after(published_at, current_year), scan.resumptions(cues)


class _Scan:
    """The matches both cue readers share ("since", relative pasts, years), found once per sentence."""

    def __init__(self, sentence: str, keys: Keys | None = None) -> None:
        self.sentence = sentence
        self.keys = keys = keys_of(sentence) if keys is None else keys
        # Each pattern pair scans the lowercased sentence where it stands for the text as written
        # (case-sensitive: an IGNORECASE alternation enters every alternative at every position).
        self.text, self.variant = (keys.low, 1) if keys.caseless else (sentence, 0)
        text, variant = self.text, self.variant
        self.since = keys.has(_SINCE_WORDS)
        self.since_ends = [m.end() for m in _SINCE[variant].finditer(text)] if self.since else []
        self.since_dated = (
            [m.span() for pattern in (_SINCE_DATED, SINCE_ONSET) for m in pattern[variant].finditer(text)]
            if self.since
            else []
        )
        relative = keys.has(_RELATIVE_PAST_WORDS)
        self.relative_past = (
            [m.start() for m in _RELATIVE_PAST[variant].finditer(text) if not _dates_an_outbreak(text, m.start())]
            if relative
            else []
        )
        self.years = years_in(sentence) if may_name_a_year(keys) else []
        self.onsets = onset_clauses(sentence) if keys.has(ONSET_WORDS) else []
        # "that war", "triggered by": read by both cue readers, found once
        episodes = _EPISODE[variant].finditer(text) if keys.has(_EPISODE_WORDS) else ()
        self.episodes = [m.start() for m in episodes]
        self.stale_days: list[int] = []  # single days well before publication (found by `cues`)
        self.stale_months: list[int] = []  # months named with their year, as long before

    def resumptions(self, cues: list[int]) -> list[int]:
        """Where the main clause returns to the present after a clause telling how its running
        episode began, unless a cue before the episode dates the episode itself."""
        return [end for episode, end in self.onsets if not any(cue < episode for cue in cues)]

    def governed_by_since(self, position: int) -> bool:
        return any(0 <= position - end <= _SINCE_REACH for end in self.since_ends) or any(
            start < position < end for start, end in self.since_dated
        )

    def cues(self, published_at: datetime | None, current_year: int | None, lead: bool = False) -> list[int]:
        """`lead`: the sentence is the article's lead. A lead that is a fresh statement ("…, the
        group said today") about a dated event (a rights group's findings on last month's strike)
        states the news: its day or month is no cue."""
        sentence, governed_by_since = self.sentence, self.governed_by_since
        text, variant = self.text, self.variant
        cues: list[int] = []
        this_year = published_at.year if published_at is not None else current_year
        for start, end, year in self.years:
            named_episode = published_at is None and _EPISODE_NOUN.match(sentence, end)  # "the 2014 war"
            if this_year is not None and year >= this_year and not named_episode:
                continue
            if not governed_by_since(start):
                cues.append(start)
        cues.extend(start for start in self.relative_past if not governed_by_since(start))
        if published_at is not None and self.keys.has(_MONTH_WORDS):
            lead = lead and (PRESENT[variant].search(text) is not None or _NEW_REPORT.search(sentence) is not None)
            dates = list(_DATE[variant].finditer(text))
            dated = [match.span() for match in dates]
            closers: set[int] = set()  # dates that close a range ("1 January and 30 June")
            for index, match in enumerate(dates):
                end_of_range = range_end(sentence, match, dates[index + 1] if index + 1 < len(dates) else None)
                if end_of_range is not None:
                    closers.add(index + 1)
                if lead or governed_by_since(match.start()):
                    continue
                if _PERIOD_OF.search(sentence, max(0, match.start() - _PERIOD_OF_REACH), match.start()):
                    continue
                if stale(end_of_range or match, published_at):
                    cues.append(match.start())
                    if end_of_range is None and index not in closers:
                        self.stale_days.append(match.start())
            for match in _IN_MONTH[variant].finditer(text):
                inside_date = any(a <= match.start("month") < b for a, b in dated)
                if lead or inside_date or governed_by_since(match.start()):
                    continue
                if months_ago(match, published_at):
                    cues.append(match.start())
            for match in _MONTH_EPISODE[variant].finditer(text):
                month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
                if not governed_by_since(match.start()) and (published_at.month - month) % 12 >= 1:
                    cues.append(match.start())
            if not lead:  # "died in the March 2025 earthquake" (dates a figure before it, as a stale day does)
                self.stale_months = stale_month_years(sentence, published_at)
        # an episode named inside a since-phrase opens the running toll's window, as a date there does:
        # "Since the truce that ended the war took effect, 280 have been killed"
        cues.extend(start for start in self.episodes if not governed_by_since(start))
        cues.extend(earlier_event_cues(text, variant, self.keys))  # "comes a week after …": not in cues_after
        if self.since:
            cues.extend(
                m.end() - 1
                for m in _SINCE_WHEN[variant].finditer(text)
                if not _ONSET.search(sentence, m.start(), m.end() + 60)  # "since the start of the war, in 2023, which"
                # "since Sunday, according to local groups, which also reported 31 wounded": a day of the
                # story's week opens the report's own window, and the clause after it tells no earlier episode
                and not PRESENT[variant].search(text, m.start(), text.find(",", m.start()))
                and not _SINCE_A_DURATION[variant].match(text, m.start())  # "assiégée depuis plus d'un an, où"
            )
        return sorted(cues)

    def cues_after(self, published_at: datetime | None, current_year: int | None) -> list[int]:
        this_year = published_at.year if published_at is not None else current_year
        cues = self.relative_past + self.episodes  # "600,000 people died in that war"
        cues += [start for start, _, year in self.years if this_year is None or year <= this_year - _OLD_YEARS]
        cues += self.stale_days  # "1,200 were killed in the attack on October 7" (in a late-November story)
        cues += self.stale_months
        return sorted(cue for cue in cues if not self.governed_by_since(cue))


def _dates_an_outbreak(text: str, cue: int) -> bool:
    """ "Fighting that began two months ago has killed 300", "la guerra, que estalló hace dos años": a
    time gone by right after a verb of outbreak dates the running episode's beginning, not a figure."""
    return _ONSET.search(text, max(0, cue - _OUTBREAK_REACH), cue) is not None

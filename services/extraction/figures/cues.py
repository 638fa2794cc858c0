"""How the words news copy uses for casualties are read; the words are in lang/<code>.yaml.

One table for all languages: the forms hardly collide ("muertos", "mortos", "morts", "Tote"),
and a mislabelled or mixed-language article still reads correctly. Everything is matched
on the lowercased sentence; multiword phrases are allowed. Each outcome phrase says where
it sits relative to the number it reports:

- POST: after the number and its noun ("32 people were killed", "36 feridos");
- PRE: a transitive verb before the number ("killed at least 68 people", "mataram 19 pessoas");
- BOTH: either ("wounded");
- NOUN_OF: a noun that takes the number as complement ("the deaths of four officers");
- CLOSING: a verb a verb-final clause closes on, after its object ("bei dem zwei Zivilisten ums
  Leben kamen", "der zwölf Menschen tötete"): POST where the clause ends right after it, PRE
  elsewhere ("Ums Leben kamen nach Behördenangaben elf Menschen"; `figures/outcomes.py`).
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation, phrases
from services.extraction.text.gate import Keys, concept
from services.extraction.text.keywords import keyword_stems, own_short_outcomes, trie_pattern


class Place(Enum):
    POST = "post"
    PRE = "pre"
    BOTH = "both"
    NOUN_OF = "noun_of"
    CLOSING = "closing"


# The (outcome, place) rows of the outcome table, in the order that decides a phrase listed in
# two rows (the first wins); the phrases of each row come from every language's file.
_ROWS: Final[list[tuple[str, Place]]] = [
    ("killed", Place.BOTH),
    ("killed", Place.POST),
    ("killed", Place.PRE),
    ("killed", Place.NOUN_OF),
    ("killed", Place.CLOSING),
    ("injured", Place.BOTH),
    ("injured", Place.POST),
    ("injured", Place.PRE),
    ("injured", Place.CLOSING),
    ("missing", Place.POST),
    ("missing", Place.BOTH),
    ("missing", Place.NOUN_OF),
    ("displaced", Place.BOTH),
    ("displaced", Place.POST),  # "at least 6,000 fled"
    ("captured", Place.BOTH),
    ("evacuated", Place.BOTH),
]
_OUTCOMES: Final[list[tuple[str, Place, list[str]]]] = [
    (outcome, place, lexicons.words("outcomes", outcome, place.value)) for outcome, place in _ROWS
]


def _own(code: str, outcome: str, place: Place) -> list[str]:
    """One language's phrases of one row of the outcome table."""
    return lexicons.per_language("outcomes", outcome, place.value).get(code, [])


def _outcome_table() -> dict[str, tuple[str, Place]]:
    table: dict[str, tuple[str, Place]] = {}
    for outcome, place, listed in _OUTCOMES:
        for phrase in listed:
            table.setdefault(phrase, (outcome, place))
    return table


# Every outcome phrase, and one prefix-tree pattern that finds them all in one pass (longest
# phrase first at each position): one scan per sentence instead of one per table row.
OUTCOME_OF: Final = _outcome_table()
# A phrase ending in an elision ("la mort d'") runs on into the next word: "la mort d'au moins quatre".
OUTCOME_SCANNER: Final = re.compile(r"\b(?:" + trie_pattern(OUTCOME_OF) + r")(?:(?<=['’])|(?!\w))")


def outcome_of(match: re.Match[str]) -> tuple[str, Place]:
    """The outcome and place of a phrase found by OUTCOME_SCANNER."""
    phrase = match.group()
    found = OUTCOME_OF.get(phrase)  # most are written with single spaces, as listed
    return found if found is not None else OUTCOME_OF[" ".join(phrase.split())]


# Words that make a figure ambiguous between outcomes: "86 casualties", "86 victims".
LUMPED_HEADS: Final = frozenset(lexicons.words("grammar", "lumped_heads"))

# Whether a sentence could hold a casualty figure: a word starting with one of these, found by
# the keyword gate's one pass over the lowercased article.
CASUALTY_KEYWORDS: Final = concept(
    "figures.keywords", keyword_stems(phrase for _, _, listed in _OUTCOMES for phrase in listed), word_start=True
)
# Every outcome phrase holds, at a word's start, the stem of one of its telling words (a figure
# keyword above) or, for the few with none ("die", an article elsewhere; "la vie de"), its longest
# word: where neither stands in a sentence, its outcome scan cannot match and is not run.
_STEMS: Final = tuple(keyword_stems(phrase for _, _, listed in _OUTCOMES for phrase in listed))
_STEMLESS_OUTCOMES: Final = concept(
    "figures.stemless_outcomes",
    {max(p.split(), key=len) for p in OUTCOME_OF if not any(word.startswith(_STEMS) for word in p.split())},
    word_start=True,
)


def may_hold_an_outcome(keys: Keys) -> bool:
    """False only when OUTCOME_SCANNER finds nothing in the sentence (`keys`: its keyword pass)."""
    return keys.holds(CASUALTY_KEYWORDS) or keys.holds(_STEMLESS_OUTCOMES)


# And per language, its own short outcomes that another language writes as an article (English
# "die", German "the"): a keyword only in an article of the language that says it.
_OWN_SHORT_OUTCOMES: Final = {
    code: concept(
        f"figures.keywords.{code}",
        own_short_outcomes(code, (p for outcome, place in _ROWS for p in _own(code, outcome, place))),
        word_start=True,
    )
    for code in lexicons.LANGUAGES
}


def casualty_keywords(language: str) -> frozenset[int]:
    """The gate's concepts (keys) whose words mark a sentence of a `language` article that can hold a figure."""
    own = _OWN_SHORT_OUTCOMES.get(language)
    return frozenset((CASUALTY_KEYWORDS.key,) if own is None else (CASUALTY_KEYWORDS.key, own.key))

# (name, pattern, endings): a qualifier ends the text before a number, so the text, stripped
# of trailing whitespace, must end with the last word of one of its phrases; `endswith` on
# those words spares most pattern searches.
_QUALIFIER_NAMES: Final = ("at_least", "approximately", "at_most")
QUALIFIERS: Final[list[tuple[str, re.Pattern[str], tuple[str, ...]]]] = [
    (
        name,
        re.compile(rf"(?<!\w)(?:{alternation(*phrases(listed))})\s*$"),
        tuple({phrase.split()[-1] for phrase in phrases(listed)}),
    )
    for name, listed in [(name, "|".join(lexicons.words("qualifiers", name))) for name in _QUALIFIER_NAMES]
]

# "including two children", "among them 326 fighters", "dont trois Casques bleus", "darunter fünf Kinder":
# the cue, then perhaps a filler ("were", "at least", "figurent"), then the number.
# "the dead in Khan Younis included", "los muertos en Goma incluyen": the people a subgroup is
# part of, a short place phrase, then the verb that lists the part.
_SUBGROUP_PLACE_REACH: Final = 40  # characters of the place phrase ("in the southern city of Khan Younis")
_PLACED_SUBGROUP_CUE: Final = (
    r"(?:"
    + alternation(*lexicons.words("grammar", "subgroup_heads"))
    + r")\s+(?:"
    + alternation(*lexicons.words("grammar", "place_links"))
    + rf")\s+[^,.;:]{{1,{_SUBGROUP_PLACE_REACH}}}?\s+(?:"
    + alternation(*lexicons.words("grammar", "subgroup_verbs"))
    + r")"
)
# "among the wounded evacuated to the capital were", "entre los heridos trasladados a Gao figuran":
# the people a subgroup is part of, a short phrase about them, then the verb that lists the part.
_QUALIFIED_SUBGROUP_CUE: Final = (
    r"(?:"
    + alternation(*lexicons.words("grammar", "among"))
    + r")\s+(?:"
    + alternation(*lexicons.words("grammar", "subgroup_heads"))
    + rf")\s+[^,.;:\d]{{1,{_SUBGROUP_PLACE_REACH}}}?\s+(?:"
    + alternation(*lexicons.words("grammar", "listing_verbs"))
    + r")"
)
_SUBGROUP_FILLERS: Final = "|".join(
    # a range's opener too: "Entre os mortos estão de 10 a 15 milicianos"
    re.escape(filler)
    for filler in sorted(
        {
            *lexicons.words("grammar", "subgroup_fillers"),
            *lexicons.words("grammar", "range_openers"),
            *lexicons.words("grammar", "additive_adverbs"),
        },
        key=len,
        reverse=True,
    )
)
_LIST_CONNECTORS: Final = "|".join(sorted(set(lexicons.words("grammar", "connectors")) - {"plus"}))
_AMONG_WORDS: Final = frozenset(lexicons.words("grammar", "among"))
# "among the dead were patients, relatives and two nurses", "Unter den Toten seien Patienten und zwei
# Krankenschwestern": a cue that opens a list ("among" and the people of the toll, never a pronoun)
# may name uncounted members before the counted one; a member is one or two words closed by a comma
# or a connector, never a written number ("among the dead were six children and two women") nor a
# verb the fillers hold.
_UNCOUNTED_MEMBERS_CUE: Final = (
    r"(?:"
    + alternation(*(c for c in lexicons.words("grammar", "subgroup_cues") if c.split()[0] in _AMONG_WORDS and len(c.split()) > 2))
    + r")(?:\s+(?:"
    + _SUBGROUP_FILLERS
    + r"))*(?:\s+(?!"
    + alternation(*lexicons.words("numbers", "words"), *lexicons.words("grammar", "subgroup_fillers"))
    + r")[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:,|(?:"
    + _LIST_CONNECTORS
    + r")(?!\w)))+"
)
# "unter den 40 Verletzten zwei Kinder", "among the 40 wounded were two children": the people of the
# toll named with their count between the determiner and the noun
_HEAD_PARTS: Final = [head.split(maxsplit=1) for head in lexicons.words("grammar", "subgroup_heads") if " " in head]
_COUNTED_SUBGROUP_CUE: Final = (
    r"(?:"
    + alternation(*lexicons.words("grammar", "among"))
    + r")\s+(?:"
    + "|".join(rf"{re.escape(first)}\s+\d[\d.,]*\s+{re.escape(rest)}" for first, rest in _HEAD_PARTS)
    + r")"
)
SUBGROUP_CUE: Final = re.compile(
    r"(?<!\w)(?:"
    + _UNCOUNTED_MEMBERS_CUE
    + "|"
    + _COUNTED_SUBGROUP_CUE
    + "|"
    + alternation(*lexicons.words("grammar", "subgroup_cues"))
    + "|"
    + _PLACED_SUBGROUP_CUE
    + "|"
    + _QUALIFIED_SUBGROUP_CUE
    + r")\s*(?:(?:"
    + _SUBGROUP_FILLERS
    + r"|,|(?:"
    + "|".join(lexicons.words("grammar", "indefinite_articles"))
    + r")\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:"
    + _LIST_CONNECTORS
    + r"))\s*)*$"
)

# "among the victims were three children": news uses victims for the dead.
VICTIMS: Final = re.compile(alternation(*lexicons.words("grammar", "victims")))

# "Twelve of them were children.", "Zwölf von ihnen gehörten der Miliz an": a number (with at most
# a qualifier before it) and a partitive of a pronoun opening a sentence: a part of the figure before.
PART_OF_THEM_OPENING: Final = re.compile(
    r"^\W*(?:\S+\s+){1,4}?(?:" + alternation(*lexicons.words("grammar", "part_of_them")) + r")(?!\w)"
)
# What a part told by a pronoun may be instead of an outcome: "Twelve of them belonged to the militia".
BELONGING: Final = frozenset(lexicons.words("grammar", "belonging"))

_CUE_PHRASES: Final = [
    phrase for key in ("subgroup_cues", "subgroup_heads", "among") for phrase in lexicons.words("grammar", key)
]
# A subgroup cue that opens a sentence ("Among them were two children.") starts with the first word
# of one of its alternatives above: a test of the sentence's start for these rules out the others.
SUBGROUP_CUE_OPENINGS: Final = tuple(sorted({phrase.split(" ")[0] for phrase in _CUE_PHRASES}))


def _opens_outcome(cue: str, phrase: str) -> bool:
    """Whether the outcome phrase can match where the cue begins ("dont" / "dont la disparition")."""
    if phrase.startswith(cue + " ") or phrase == cue:
        return True
    return cue.startswith(phrase) and re.match(r"\W", cue[len(phrase)]) is not None


# The cues that begin an outcome phrase. A cue is read from a window of the sentence that may start
# inside a word, where the outcome scan of the whole sentence (which wants a word start) sees nothing.
CUES_OPENING_AN_OUTCOME: Final = tuple(
    sorted({cue for cue in _CUE_PHRASES for phrase in OUTCOME_OF if _opens_outcome(cue, phrase)})
)

# Words that end the stretch of text in which an outcome can still refer back to a number.
BLOCKERS: Final = frozenset(lexicons.words("grammar", "clause_breaks")) | {";", ":"}



def grammar_words(key: str) -> frozenset[str]:
    """The words of one `grammar` concept, over every language."""
    return frozenset(lexicons.words("grammar", key))


# "murieron también cuatro", "Among the dead were also nine": one-word adverbs that add to what was
# told; a verb reaches its number over them as over a filler.
ADDITIVE_ADVERBS: Final = grammar_words("additive_adverbs")

# Single words that glue list members; multiword glue ("as well as", "ainsi que") is matched in attachment.py.
CONNECTORS: Final = frozenset(lexicons.words("grammar", "connectors")) | {",", "&"}

DETERMINERS: Final = frozenset(lexicons.words("grammar", "determiners"))

COPULAS: Final = frozenset(lexicons.words("grammar", "copulas"))
# A copula or a compound tense's auxiliary right after a number: its own verb, its own clause.
OWN_VERB: Final = COPULAS | frozenset(lexicons.words("grammar", "auxiliaries"))

# Words that open a subordinate clause ("while", "after", "que"): an outcome beyond one is another clause's.
SUBORDINATORS: Final = frozenset(lexicons.words("grammar", "subordinators"))

INHERIT_HEADS: Final = frozenset(lexicons.words("grammar", "others"))

CORRECTION_BEFORE: Final = re.compile(
    r"(?:(?:earlier|previous|initial|prior|first|preliminary) (?:death )?(?:figure|toll|count|tally|estimate|"
    r"report)s? of|up from|down from|from an earlier|from a previous|revised (?:up|down)?\s*from|"
    r"frente a los|ante(?:s|riormente)? de|contra os|contre|"
    # "revised the toll down to 52, from the 80 reported initially": the superseded figure
    r"to [\d.,]+,? from(?: the| an?)?)\s*$"
)
# Every match of CORRECTION_BEFORE holds one of these words (each of its alternatives spells one).
CORRECTION_WORDS: Final = (
    "earlier", "previous", "initial", "prior", "first", "preliminary", "from", "frente", "ante", "contra", "contre",
)  # fmt: skip

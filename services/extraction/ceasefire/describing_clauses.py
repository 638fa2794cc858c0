"""Where a sentence describes its truce: a relative clause or a participle right after the term.

"the truce that ended the 2020 war", "la trêve qui avait mis fin à la guerre de 2020", "the
ceasefire signed in Pretoria in November 2022": the dates in such a description date the truce's
past, not what the rest of the sentence says it did today. `statements` blanks these spans before
reading the sentence's background cues (`background.background_cue_outside`); finding them is a
rule family of its own, kept apart from the cues themselves.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import STRONG_TERM, WEAK_TERM
from services.extraction.lexicon import lexicons

# "the ceasefire that underpins the country's 2018 peace deal", "la trêve qui avait mis fin à la
# guerre de 2020": a relative clause right after a truce describes it, and its dates date that
# description, not what the rest of the sentence says the truce did (lexicon ceasefire.relatives).
# An adjective may stand between, before the comma: "la tregua bilateral, que había sido prorrogada en octubre".
_DESCRIBING_RELATIVE = re.compile(
    r"(?:\s+[^\W\d_]+)?\s*,?\s*(?P<clause>(?:" + "|".join(lexicons.patterns("ceasefire", "relatives")) + r")\b[^,;:]*)",
    re.IGNORECASE,
)


# …and so does a participle of its making right after it, an adjective or two between: "o cessar-fogo
# permanente previsto no acordo de paz de 2018", "the ceasefire signed in Pretoria in November 2022"
# (ceasefire.describing_participles; stems, a participle's endings vary by gender and number).
_DESCRIBING_PARTICIPLE = re.compile(
    r"\s*,?\s*(?:[^\W\d_]+\s+){0,2}?(?:"
    + "|".join(lexicons.patterns("ceasefire", "describing_participles"))
    + r")\w*\b[^,;:]*",
    re.IGNORECASE,
)


def describing_relatives(folded: str) -> list[tuple[int, int]]:
    """Where relative clauses and participles describing a truce ("the truce that ended the 2020 war",
    "the truce signed in 2022") stand."""
    spans = []
    for term in (STRONG_TERM, WEAK_TERM):
        for match in term.anchored.finditer(folded):
            relative = _DESCRIBING_RELATIVE.match(folded, match.end())
            if relative is not None:
                spans.append((relative.start("clause"), relative.end()))
            elif (participle := _DESCRIBING_PARTICIPLE.match(folded, match.end())) is not None:
                spans.append((participle.start(), participle.end()))
    return spans


# German puts the description before its truce, between the article and the noun: "die im Januar
# unter omanischer Vermittlung vereinbarte Waffenruhe", "die damals vereinbarte Waffenruhe". Its dates
# date that making only; what the rest of the sentence says the truce does now ("sei damit beendet",
# "gilt als brüchig") is dated by its own words (ceasefire.attribute_openers, attribute_participles:
# stems, the attribute's ending varies by case). The attribute ends right before the truce's noun,
# an adjective at most between ("vereinbarte örtliche Waffenruhe").
_ATTRIBUTE = re.compile(
    r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "attribute_openers")) + r")\s+"
    r"(?P<attribute>(?:[^\s,;:.]+\s+){0,8}?(?:" + "|".join(lexicons.patterns("ceasefire", "attribute_participles"))
    # (the declined participle, and no article in the adjective's place: "Die Parteien vereinbarten eine
    # Waffenruhe" is a finite verb before its object)
    + r")(?:e|en|er|es|em)\s+(?:(?!(?:" + "|".join(lexicons.patterns("ceasefire", "attribute_openers"))
    + r")\s)[^\W\d_]+\s+)?)$",
    re.IGNORECASE,
)
_ATTRIBUTE_REACH = 120  # eight words and the participle before the noun


def describing_attributes(folded: str) -> list[tuple[int, int]]:
    """Where prenominal attributes describing a truce ("die im Januar vereinbarte Waffenruhe") stand."""
    spans = []
    for match in STRONG_TERM.anchored.finditer(folded):
        attribute = _ATTRIBUTE.search(folded, max(0, match.start() - _ATTRIBUTE_REACH), match.start())
        if attribute is not None:
            spans.append((attribute.start("attribute"), attribute.end("attribute")))
    return spans


# …but only a verb in the present, or a reported present, makes what the rest says today's news: "Eine im Mai
# 2023 vereinbarte Waffenruhe hielt nur wenige Tage", "war nach wenigen Wochen zusammengebrochen" tell the
# old truce's own story (ceasefire.present_finites).
_PRESENT_FINITE = re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "present_finites")) + r")\b", re.IGNORECASE)


def told_in_present(folded: str, spans: list[tuple[int, int]]) -> bool:
    """Does the sentence, outside its describing spans, speak in the present ("sei damit beendet", "gilt")?"""
    edges = [0, *(edge for span in spans for edge in span), len(folded)]
    return any(_PRESENT_FINITE.search(folded, start, end) for start, end in zip(edges[::2], edges[1::2], strict=True))


_RELATIVE_WORD = re.compile(r"(?:" + "|".join(lexicons.patterns("ceasefire", "relatives")) + r")\b", re.IGNORECASE)


def opens_a_relative(folded: str, span: tuple[int, int]) -> bool:
    """Is the describing span a relative clause ("…, que había sido prorrogada"), not a participle?"""
    return _RELATIVE_WORD.match(folded, span[0]) is not None

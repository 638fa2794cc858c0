"""Find the numbers stated in a sentence: digits and written numbers, with their offsets.

Wire copy writes counts as digits with any of three thousands separators (1,200 / 1.200 /
1 200), with scale words (2.5 million, 46 mil) or in words in four languages (thirty-two,
vinte e seis, veintiséis, vingt-six). Written numbers go through text2num, a maintained
parser for all four languages. Vague quantities (dozens, hundreds, scores, several) are
not numbers and never match; "a dozen" is 12 and "two dozen" 24.

Every pattern here is a flat alternation or a single repetition of a fixed group, so
matching is linear in the sentence length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from text_to_num import text2num

from services.extraction.lexicon import lexicons
from services.extraction.text.gate import Keys, concept, keys_of
from services.extraction.text.keywords import trie_pattern


class NumberMention(NamedTuple):
    """A number as written in a sentence: its value and where it sits (sentence offsets).

    A named tuple: immutable like a frozen dataclass, and built at a third of its cost (a reader
    makes one for every number of every sentence it reads)."""

    value: int
    start: int
    end: int
    written: bool = False  # spelled out in words rather than digits
    modifier: bool = False  # glued to a word by a hyphen: "32-year-old", "nine-storey", "60-day"
    approximate: bool = False  # a collective numeral: "une vingtaine" (about twenty), "duas dezenas"


# Per language: number words, their joiner, scale words and collective numerals (lang/<code>.yaml).
_NUMBERS: dict[str, dict[str, Any]] = {
    code: numbers for code in lexicons.LANGUAGES if isinstance(numbers := lexicons.entry(code, "numbers"), dict)
}

# Words that, after a number, multiply it ("2.5 million", "46 mil"), from every language. Keys are lowercase.
_SCALES: dict[str, int] = {
    word: int(value) for numbers in _NUMBERS.values() for word, value in (numbers.get("scales") or {}).items()
}

# Digits: a thousands-grouped integer (one separator style throughout) or a plain run,
# with an optional decimal part, then an optional scale word. Digits glued to letters,
# slashes or colons (dates 20/09, times 01:00, Kh-101) are rejected by the lookarounds.
# The pattern begins with a digit, so the regex engine skips every other character in C; the two
# guards on what precedes the number are checked once that first digit is read.
_DIGITS = re.compile(
    r"(?P<int>\d(?<![\w/:.,]\d)(?<![^\W\d_]-\d)"
    r"(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:\.\d{3})+|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d*))"
    r"(?P<dec>[.,]\d+)?"
    r"(?![\w/:]|[.,]\d)"
    # Only the scale words ignore case: an IGNORECASE pattern cannot skip to its first digit in C,
    # and no other part of it tells cases apart (digits and punctuation).
    r"(?P<scale>[ \u00a0](?i:" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b)?",
)

# Written number vocabularies. Articles that double as "one" (um, un, une, una, ein) are left
# out of the files: "un soldat a été tué" is a singular without a number.
_WORDS: dict[str, tuple[str, ...]] = {code: tuple(numbers["words"]) for code, numbers in _NUMBERS.items()}
_JOINERS: dict[str, str] = {code: str(numbers["joiner"]) for code, numbers in _NUMBERS.items()}
# Languages that write a number's words as one ("zweiundzwanzig"): its words may follow each other unspaced.
_COMPOUND: frozenset[str] = frozenset(code for code, numbers in _NUMBERS.items() if numbers.get("compound") == "true")
# Collective numerals: "a dozen" (12), "une vingtaine" (about 20), "duas dezenas" (20), "una decena".
# They count only with an article or a multiplier; bare plurals ("dozens", "des dizaines",
# "centenas") stay vague. Apart from the dozen, they are approximate by meaning.
_COLLECTIVES: dict[str, dict[str, int]] = {
    code: {noun: int(value) for noun, value in numbers["collectives"].items()} for code, numbers in _NUMBERS.items()
}
_COLLECTIVE_ARTICLE: dict[str, str] = {
    code: "|".join(numbers["collective_articles"]) for code, numbers in _NUMBERS.items()
}
_COLLECTIVE_MULTIPLIERS: dict[str, dict[str, int]] = {
    code: {word: int(value) for word, value in numbers["collective_multipliers"].items()}
    for code, numbers in _NUMBERS.items()
}
_EXACT_COLLECTIVES = frozenset(noun for numbers in _NUMBERS.values() for noun in numbers["exact_collectives"])
# Words without which the collective and "a hundred" patterns cannot match: the keyword gate
# (text/gate.py) finds them, and spares their scans where they are absent.
_NOUNS: dict[str, tuple[str, ...]] = {language: tuple(nouns) for language, nouns in _COLLECTIVES.items()}
_COLLECTIVE_WORDS = {
    language: concept(f"numbers.collectives.{language}", (noun.lower() for noun in nouns))
    for language, nouns in _NOUNS.items()
}
_ARTICLE_SCALES = concept("numbers.article_scales", ("hundred", "thousand", "million"))
# A written number begins a word with one of its language's number words.
_WRITTEN_WORDS = {
    language: concept(f"numbers.words.{language}", words, word_start=True) for language, words in _WORDS.items()
}
_NON_DIGITS = re.compile(r"[^\d]")
_ENGLISH_ARTICLE_SCALE = re.compile(r"\ba (hundred|thousand|million)\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def _written_pattern(language: str, lowercased: bool = False) -> re.Pattern[str]:
    """The number words of `language`; with `lowercased`, for text already lowercased (see
    keywords.gate_text): a case-sensitive scan, twice as fast as an IGNORECASE one."""
    words = [word.lower() for word in _WORDS[language]] if lowercased else _WORDS[language]
    word = r"(?:" + trie_pattern(words) + r")"  # a prefix tree: one pass at tokenizer speed
    joiner = _JOINERS[language].lower() if lowercased else _JOINERS[language]
    # A run of number words separated by spaces/hyphens and the language's "and"; in a compound
    # language also glued together, with or without the joiner ("zwei|und|zwanzig").
    # The glued run is possessive: a word like "achtzehn" splits two ways ("acht|zehn"), and a
    # run that gave back words would retry every split.
    compound = language in _COMPOUND
    glued, repeat = (f"|{joiner}|", "*+") if compound else ("", "*")
    return re.compile(
        rf"\b(?<!\S-){word}(?:(?:[ -]{joiner}[ -]|[ -]{glued}){word}){repeat}(?![\w-])",
        0 if lowercased else re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def _collective_pattern(language: str) -> re.Pattern[str]:
    nouns = "|".join(sorted(_COLLECTIVES[language], key=len, reverse=True))
    multipliers = "|".join(_COLLECTIVE_MULTIPLIERS[language])
    return re.compile(
        rf"(?<![\w-])(?:(?P<a>{_COLLECTIVE_ARTICLE[language]})|(?P<n>{multipliers}))[ -](?P<noun>{nouns})s?(?![\w-])",
        re.IGNORECASE,
    )


def _digits_value(match: re.Match[str]) -> int | None:
    raw = match.group("int")
    integer = raw if raw.isdecimal() else _NON_DIGITS.sub("", raw)  # isdecimal: only what \d matches
    decimal = match.group("dec")
    scale_word = match.group("scale")
    scale = _SCALES[scale_word.strip().lower()] if scale_word else 1
    if decimal:
        if scale == 1:
            return None  # 7.7 (magnitude), 2,5 (a decimal): not a head count
        return int(float(f"{integer}.{decimal[1:]}") * scale)
    return int(integer) * scale


def _written_value(phrase: str, language: str) -> int | None:
    return _text2num(phrase.lower(), language)


@lru_cache(maxsize=4096)
def _text2num(phrase: str, language: str) -> int | None:
    """text2num's value of a lowercased run of number words, or None where it refuses the run.
    Remembered: news spells the same few numbers again and again ("two", "vingt", "mil"), and
    text2num parses each run in Python, word by word."""
    try:
        return int(text2num(phrase, language))
    except ValueError:
        return None


def find_numbers(sentence: str, language: str = "en", keys: Keys | None = None) -> list[NumberMention]:
    """Every number in the sentence, left to right, with sentence-relative offsets.

    `keys`: the sentence's keyword pass (gate.keys_of), when the caller has made it already.
    """
    language = language if language in _WORDS else "en"
    keys = keys_of(sentence) if keys is None else keys
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in _DIGITS.finditer(sentence):  # it starts with a digit: a sentence without one costs one C scan
        value = _digits_value(match)
        if value is not None:
            found.append(NumberMention(value, match.start(), match.end(), modifier=_glued(sentence, match.end())))
            taken.append(match.span())
    collectives = _collective_pattern(language).finditer(sentence) if keys.has(_COLLECTIVE_WORDS[language]) else ()
    for match in collectives:
        noun = match.group("noun").lower()
        multiplier = 1 if match.group("a") else _COLLECTIVE_MULTIPLIERS[language][match.group("n").lower()]
        value = _COLLECTIVES[language][noun] * multiplier
        approximate = noun not in _EXACT_COLLECTIVES
        found.append(NumberMention(value, match.start(), match.end(), written=True, approximate=approximate))
        taken.append(match.span())
    if language == "en" and keys.has(_ARTICLE_SCALES):
        for match in _ENGLISH_ARTICLE_SCALE.finditer(sentence):
            if not _overlaps(match.span(), taken):
                value = _SCALES[match.group(1).lower()] if match.group(1).lower() != "hundred" else 100
                found.append(NumberMention(value, match.start(), match.end(), written=True))
                taken.append(match.span())
    written = _written_pattern(language, lowercased=keys.caseless) if keys.has(_WRITTEN_WORDS[language]) else None
    for match in written.finditer(keys.low if keys.caseless else sentence) if written is not None else ():
        if _overlaps(match.span(), taken):
            continue
        start = match.start()
        while start < match.end():  # "between six and eight": one run of words, two numbers
            mention = _parse_written(sentence, start, match.end(), language)
            if mention is None:
                break
            found.append(mention)
            taken.append((mention.start, mention.end))
            start = _next_word(sentence, mention.end, match.end(), _JOINERS[language])
    found.sort(key=lambda m: m.start)
    return _thousands_then_units(sentence, found, _THOUSAND_WORDS[language]) if len(found) > 1 else found


# "mil 200", "3 mil 268": Mexican wire copy writes the thousands as a word and the rest as digits
# right after it. The word's own scale (the language's scale worth 1000) joins the two into one count.
_THOUSAND_WORDS: dict[str, tuple[str, ...]] = {
    code: tuple(word.lower() for word, value in (numbers.get("scales") or {}).items() if int(value) == 1000)
    for code, numbers in _NUMBERS.items()
}
_UNITS_AFTER_THOUSANDS = re.compile(r" \d{1,3}")


def _thousands_then_units(sentence: str, found: list[NumberMention], thousands: tuple[str, ...]) -> list[NumberMention]:
    """Join a count of thousands that ends with the language's thousands word to the plain digits
    (below 1,000) that follow it after one space: "mil 200" is 1200, "2 mil 500" is 2500."""
    if not thousands:
        return found
    joined: list[NumberMention] = []
    for mention in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.value % 1000 == 0
            and mention.start == previous.end + 1
            and _UNITS_AFTER_THOUSANDS.fullmatch(sentence, previous.end, mention.end)
            and sentence[previous.start : previous.end].lower().endswith(thousands)
        ):
            joined[-1] = previous._replace(value=previous.value + mention.value, end=mention.end, modifier=mention.modifier)
            continue
        joined.append(mention)
    return joined


def _parse_written(sentence: str, start: int, end: int, language: str) -> NumberMention | None:
    """Parse a run of number words; if text2num refuses the whole run, keep its longest valid prefix."""
    phrase = sentence[start:end]
    value = _written_value(phrase, language)
    if value is not None:
        return NumberMention(value, start, end, written=True, modifier=_glued(sentence, end))
    cut = end
    while True:
        cut = max(sentence.rfind(" ", start, cut), sentence.rfind("-", start, cut))
        if cut <= start:
            return None
        value = _written_value(sentence[start:cut], language)
        if value is not None:
            return NumberMention(value, start, cut, written=True, modifier=_glued(sentence, cut))


def _next_word(sentence: str, position: int, end: int, joiner: str) -> int:
    """Where the next number of a run starts after `position`: past spaces, hyphens and the joiner."""
    rest = sentence[position:end]
    stripped = rest.lstrip(" -")
    if stripped.lower().startswith(joiner + " "):
        stripped = stripped[len(joiner) + 1 :].lstrip(" -")
    return end - len(stripped) if stripped else end


def _glued(sentence: str, end: int) -> bool:
    """True when a hyphen joins the number to a word after it ("32-year-old", "two-month")."""
    return end + 1 < len(sentence) and sentence[end] in "-‑" and sentence[end + 1].isalpha()


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)

"""Who is party to a ceasefire and who mediates it, as the sentence names them.

Names are kept as written ("Sudan's army", "the Rapid Support Forces", "Qatar"). They are
read from a handful of constructions that wire copy uses over and over:
- parties: "between X and Y" (entre X e/y/et Y), "a truce with X", and a subject list
  before the verb ("Israel and Hamas agreed …", "El Gobierno de Colombia y el ELN acordaron …");
- mediators: "brokered/mediated by X and Y", "with the mediation of X", "under the auspices
  of X", "sous l'égide de X", "com mediação do X", "X-brokered", "X, which mediated alongside Y".
A name is a run of capitalised words, allowing inner connectors ("Ejército de Liberación
Nacional") and a possessive head ("Sudan's army"). Tokens are read with a plain split, so
this is linear and cannot backtrack.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.literals import GuardedPattern, Literals
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern

_FLAGS = re.IGNORECASE
_WINDOW = 160


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_DETERMINERS = _wordset("the o a os as el la los las le les l' un une an")
_CONNECTORS = _wordset("of de do da dos das del des du di al el la")
_LOOSE_LIMIT = 10
_BROKER_NAME_REACH = 40  # characters before "-brokered" read for the broker's name ("the Qatari-brokered")
_WHICH_MEDIATED_REACH = 60  # characters before ", which mediated" read for the mediators it names
_HEADS = _wordset(
    "army forces military government rebels coalition movement group authorities separatists troops junta "
    "militia militias guerrilla guerrillas fighters gouvernement gobierno governo armee ejercito exercito "
    "rebelles rebeldes groupes grupos milices milicias fuerzas forcas guerilla"
)
_JOINERS = _wordset("and e y et")
_PLAIN = str.maketrans("éèêëíóôãáç", "eeeeiooaac")
_PUNCTUATION = ',;:.()[]"“”«»'

_BETWEEN = GuardedPattern(re.compile(r"\b(?:between|entre)\s+", _FLAGS))
_WITH = GuardedPattern(re.compile(
    r"\b(?:cease-?fires?|truces?|treguas?|treves?|cessez-le-feu|cessar-fogo)\s+(?:with|com|con|avec)\s+", _FLAGS
))
_MEDIATED_BY = WordAnchoredPattern(re.compile(
    r"\b(?:brokered\s+(?:in\s+[a-z]+\s+)?by|mediated\s+by|hosted\s+by|(?:with|under)\s+the\s+mediation\s+of(?:\s+the)?|"
    r"under\s+the\s+auspices\s+of|com\s+(?:a\s+)?mediacao\s+d[oae]s?|mediad[oa]\s+por|intermediad[oa]\s+por|"
    r"con\s+la\s+mediacion\s+de|bajo\s+los\s+auspicios\s+de|sous\s+l'egide\s+(?:d[eu]\s|d')|sob\s+os\s+auspicios\s+d[oae]s?|"
    r"avec\s+la\s+mediation\s+(?:d[eu]\s|d')|mediee?\s+par|negocie\s+par)\s*",
    _FLAGS,
))
# One of these is in every mediation phrase below: most sentences skip the regexes.
_MEDIATION_KEYS = Literals(("broker", "mediat", "hosted", "auspic", "egide", "mediac", "mediad", "mediee", "negocie", "backed"))
_HYPHEN_BROKER = re.compile(r"-(?:brokered|mediated|backed)\b", _FLAGS)
_WHICH_MEDIATED = re.compile(r",\s+which\s+(?:mediated|brokered)\b(?:\s+alongside\s+)?", _FLAGS)
_SUBJECT_VERB = GuardedPattern(re.compile(
    r"\b(?:agreed|agree|signed|sign|announced|accepted|declared|extended|acordaron|acordaram|pactaron|firmaron|"
    r"assinaram|anunciaram|anunciaron|ont\s+sign\w*|ont\s+conclu|ont\s+convenu|prorrogaron|prorrogaram|"
    r"iniciaron|iniciaram|firmaron|firmaram|acordaron|pactaron)\b",
    _FLAGS,
))
_AUXILIARY = _wordset("have has had ont")


def _is_capitalised(token: str) -> bool:
    """A word that can be part of a name: capitalised, and not a day, a month or a dateline."""
    if token[:2].lower() in ("l'", "d'", "l’", "d’"):
        token = token[2:]  # French elision: "l'Angola"
    return token[:1].isupper() and token.lower().strip(".,;:") not in _CALENDAR


def read_names(text: str, start: int, limit: int = 4) -> list[str]:
    """Up to `limit` names joined by commas/and from text[start:]."""
    names: list[str] = []
    position = start
    while len(names) < limit:
        name, position, joined = _read_one(text, position)
        if not name:
            break
        names.append(name)
        if not joined:
            break
    return names


_TOKEN = re.compile(r"\S+")


def _read_one(text: str, start: int) -> tuple[str, int, bool]:
    """One name at `start`; returns it, where reading stopped, and whether another name follows."""
    kept: list[str] = []
    seen_capital = False
    named = False  # a capitalised word or a head noun ("le gouvernement malien") makes it a name
    position = start
    joined = False
    tokens = list(_TOKEN.finditer(text[start : start + _WINDOW]))
    for number, match in enumerate(tokens):
        token = match.group()
        word = token.strip(_PUNCTUATION)
        lowered = word.lower()
        if not word or (seen_capital and token[:1] in "(["):
            break  # an acronym in brackets or stray punctuation ends the name
        if not kept and lowered in _JOINERS:
            position = start + match.end()  # "X, and Y": skip the joiner
            continue
        accepted = (
            (not kept and lowered in _DETERMINERS)
            or _is_capitalised(word)
            or (seen_capital and lowered in _CONNECTORS)
            or (seen_capital and lowered in _HEADS)
            or (not seen_capital and len(kept) <= 2 and word.isalpha() and lowered not in _JOINERS | _STOP)
        )
        following = tokens[number + 1].group().lower() if number + 1 < len(tokens) else ""
        if not accepted and named and word.isalpha() and word.islower() and following in _JOINERS:
            accepted = True  # "El Gobierno colombiano y …": an adjective closing the name
        if not accepted:
            if named and lowered in _JOINERS:
                joined = True
                position = start + match.end()
            break
        kept.append(word)
        seen_capital = seen_capital or (_is_capitalised(word) and lowered not in _DETERMINERS)  # not "Le", "The"
        named = named or seen_capital or _fold_word(lowered) in _HEADS
        position = start + match.end()
        trailing = token[len(token.rstrip(_PUNCTUATION)) :]
        if trailing:
            joined = named and trailing.startswith(",")
            break
    while kept and (kept[-1].lower() in _CONNECTORS or kept[-1].lower() in _DETERMINERS):
        kept.pop()
    if not named or not kept:
        return "", start, False
    return " ".join(kept), position, joined


def _fold_word(word: str) -> str:
    return word.translate(_PLAIN)


def find_parties(text: str, folded: str) -> tuple[str, ...]:
    """Parties named in the sentence: the subject list ("Israel and Hamas agreed"), "between X
    and Y", or "a truce with X"."""
    verb = _SUBJECT_VERB.search(folded)
    if verb and 0 < verb.start() <= 120:
        subject = _without_opening_phrase(text[: verb.start()]).split()
        while subject and subject[-1].lower() in _AUXILIARY:
            subject.pop()
        names = read_names(" ".join(subject), 0, limit=4)
        if len(names) >= 2:
            return tuple(names)
    between = _BETWEEN.search(folded)
    if between:
        names = read_names(text, between.end(), limit=2)
        if names:
            return tuple(names)
    with_match = _WITH.search(folded)
    if with_match:
        names = read_names(text, with_match.end(), limit=1)
        if names:
            return tuple(names)
    return ()


_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'-]{2,40}(?:\([^)]{1,40}\))?\s*[-–—]+\s*")


def _without_opening_phrase(subject: str) -> str:
    """ "KHARTOUM (Reuters) - ", "En 2016, el Gobierno y las FARC": drop a dateline and an opening
    time or place phrase before a comma."""
    subject = _DATELINE.sub("", subject)
    head, comma, rest = subject.partition(",")
    first = head.split()[0].lower() if head.split() else ""
    if comma and (first in _OPENERS or any(char.isdigit() for char in head)):
        return rest
    return subject


_CALENDAR = _wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december segunda terca quarta quinta sexta sabado domingo lunes martes miercoles "
    "jueves viernes lundi mardi mercredi jeudi vendredi samedi dimanche"
)
_OPENERS = _wordset("in en em on after tras apres depois last this earlier later late el le la on no na")
_NAME_TAILS = _wordset(
    "peacekeeping mission missions force forces peacekeepers envoy envoys mediators government troops contingent "
    "africaine africana europeenne européenne europea europeia unies unidas"
)
_STOP = _wordset(
    "came took was were is are has had have said says will would on at in from by with over after before to for "
    "that which who as but when since during until all both each entrou entro foi fue es est a ete prevoit preve "
    "commits signed agreed announced"
)


def _read_loose(text: str, start: int) -> list[str]:
    """After an explicit "mediated by": noun phrases split on commas and "and", each trimmed to
    end at its last capitalised word ("former Nigerian president Olusegun Obasanjo")."""
    phrases: list[list[str]] = [[]]
    for match in _TOKEN.finditer(text[start : start + _WINDOW]):
        token = match.group()
        word = token.strip(_PUNCTUATION)
        lowered = word.lower()
        if not word or lowered in _STOP or (phrases[-1] and token[:1] in "(["):
            break
        if lowered in _JOINERS:
            phrases.append([])
            continue
        phrases[-1].append(word)
        trailing = token[len(token.rstrip(_PUNCTUATION)) :]
        if trailing:
            if not trailing.startswith(","):
                break
            phrases.append([])
        if len(phrases) > 5 or len(phrases[-1]) > _LOOSE_LIMIT:
            break
    names: list[str] = []
    for words in phrases:
        while words and words[0].lower() in _CONNECTORS:
            words.pop(0)  # "do Egito", "dos Estados Unidos": the contraction is grammar, not the name
        capitals = [i for i, w in enumerate(words) if _is_capitalised(w) and not w[:1].isdigit()]
        if not capitals:
            break
        end = capitals[-1] + 1
        while end < len(words) and words[end].lower() in _NAME_TAILS:
            end += 1  # "the Russian peacekeeping mission", "l'Union africaine"
        names.append(" ".join(words[:end]))
    return names


def find_mediators(text: str, folded: str) -> tuple[str, ...]:
    """Mediators named in the sentence, in reading order, without repeats."""
    found: list[str] = []
    low = folded.lower()
    if not _MEDIATION_KEYS.found_in(low):
        return ()
    for match in _MEDIATED_BY.finditer(folded):
        found.extend(_read_loose(text, match.end()))
    for match in _HYPHEN_BROKER.finditer(folded):
        words = text[max(0, match.start() - _BROKER_NAME_REACH) : match.start()].split()
        if words and _is_capitalised(words[-1]):
            found.append(words[-1])
    for match in _WHICH_MEDIATED.finditer(folded):
        before = text[max(0, match.start() - _WHICH_MEDIATED_REACH) : match.start()]
        tail = before.split(",")[-1].split(" and ")
        found.extend(part.strip() for part in tail if part.strip()[:1].isupper())
        if folded[match.end() - 10 : match.end()].strip().lower().endswith("alongside"):
            found.extend(read_names(text, match.end()))
    unique: list[str] = []
    for name in found:
        if name and name not in unique:
            unique.append(name)
    return tuple(unique)

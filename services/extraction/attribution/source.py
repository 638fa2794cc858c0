"""Who a sentence attributes its facts to: "Armenian authorities said …", "according to the UN".

Shared by the casualty and ceasefire readers. The source is the noun phrase next to a
reporting verb or after "according to" (segundo, según, selon …), as written, without a
leading article. Pronouns ("it said") give no source: the reader cannot tell who.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.figures.nouns import GROUP_ORDER
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text.gate import Keys, concept, keys_of
from services.extraction.text.keywords import gate_text, trie_pattern, written_and_lowercased

_MAX_WORDS: Final = 9  # a source longer than this is a clause, not a name
_SUBJECT_REACH: Final = 160  # characters before a reporting verb read for its subject
# Longest first, so that an alternation tries "a précisé" before any shorter verb. Lowercase:
# each pattern below is compiled twice, IGNORECASE for the text as written and case-sensitive
# (twice as fast) for the lowercased text of the keyword pass.
_VERBS: Final = sorted((verb.lower() for verb in lexicons.words("reporting_verbs")), key=len, reverse=True)
_REPORTING_VERBS: Final = "|".join(_VERBS)
_ACCORDING_WORDS: Final = [words.lower() for words in lexicons.words("according_to")]
# "den Behörden zufolge", "Angaben der Polizei zufolge": a postposition, its source before it.
_ACCORDING_AFTER_WORDS: Final = lexicons.words("according_to_after")
_GENITIVE_LINKS: Final = frozenset(lexicons.words("genitive_links"))
_VAGUE_SOURCES: Final = frozenset(lexicons.words("vague_sources"))
_ARTICLES: Final = frozenset(lexicons.words("grammar", "determiners")) | frozenset(
    lexicons.words("grammar", "indefinite_articles")
)
_COPULAS: Final = frozenset(lexicons.words("grammar", "copulas"))


_ACCORDING_TO: Final = written_and_lowercased(
    rf"(?<!\w)(?:{alternation(*_ACCORDING_WORDS)})\s+"
    r"(?P<who>[^,.;:()\"“”]{2,120})"
)
# "…, the health ministry said" / "Armenian authorities said 32 people …": find the verb,
# then take the words before it back to the previous punctuation mark.
# As a prefix tree: tried at every space, a flat alternation of 60 verbs was the slowest scan
# of the casualty reader. No verb is another plus a word ("a dit" / "a dit que"), so with the
# closing \b at most one can match at a position and the tree finds what the list found.
_VERB: Final = written_and_lowercased(rf"\s(?:has |have |had )?(?:{trie_pattern(_VERBS, space=' ')})\b")
# "según informó este jueves la OMS": a reporting verb right after "according to" is no part of the source
_LEADING_VERB: Final = re.compile(rf"^(?:{_REPORTING_VERBS})\s+", re.IGNORECASE)
# A dash set off by spaces ends a dateline ("KABUL, Afghanistan – Doctors Without Borders says"); a
# hyphen inside a name does not.
_BOUNDARY: Final = re.compile(r"[,.;:()\"“”]|\s[–—]\s")
# "… informó el Ejército de Colombia" / "…, said Colonel Smith"
_VERB_SUBJECT: Final = written_and_lowercased(rf",\s*(?:{_REPORTING_VERBS})\s+(?P<who>[^,.;:()\"“”]{{2,120}})")
# No pattern above matches without a verb or an "according to" phrase, and so without the
# longest word of one: the keyword gate (text/gate.py) tells when a sentence names no source.
_SOURCE_WORDS: Final = concept(
    "source.cues",
    (
        max(phrase.split(), key=len)
        for phrase in [*_VERBS, *_ACCORDING_WORDS, *_ACCORDING_AFTER_WORDS]
        if phrase.split()
    ),
)
# The same words, per pattern: most sentences with a reporting verb hold no "according to" (and
# none a German "zufolge"), so each pattern asks for its own (one more key on words already in
# the keyword pass, which costs it nothing).
_ACCORDING_TO_WORDS: Final = concept("source.according_to", (max(p.split(), key=len) for p in _ACCORDING_WORDS if p.split()))
_ACCORDING_AFTER_WORDS_FOUND: Final = concept(
    "source.according_after", (max(p.split(), key=len) for p in _ACCORDING_AFTER_WORDS if p.split())
)
_VERB_WORDS: Final = concept("source.verbs", (max(p.split(), key=len) for p in _VERBS if p.split()))
_ACCORDING_AFTER: Final = (
    written_and_lowercased(rf"\s(?:{alternation(*_ACCORDING_AFTER_WORDS)})(?!\w)") if _ACCORDING_AFTER_WORDS else None
)
_LEADING: Final = re.compile(rf"^(?:{'|'.join(map(re.escape, lexicons.words('source_leading')))})\s+", re.IGNORECASE)
# "informou nesta quinta-feira o Ministério", "informó este miércoles el Servicio": the time goes.
_WHEN: Final = re.compile(
    r"^(?:(?:nesta|neste|esta|este|el|ce|cette|this|on|hoje|hoy|ontem|ayer|anoche|hier|today|yesterday|aujourd'hui|"
    r"aujourd’hui)\s+)*(?:[\w-]*(?:feira|day|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|"
    r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|semana|mañana|matin|soir|tarde|noche|manhã|noite)\s+){0,2}",  # "samedi matin"
    re.IGNORECASE,
)
_TRAILING: Final = re.compile(
    r"(?:^|\s+)(?:on|in|late|early|this|last|said|on \w+day|que|that|there|here|today|hoje|hoy|"
    + alternation(*lexicons.words("source_trailing"))
    + r")(?!\w)(?:\s.*)?$",
    re.IGNORECASE,
)
# "…, says in a statement Friday that": a verb's complement, not its subject, when it opens with a preposition;
# "in reports of", "had been reported": a reporting word after a preposition or an article is a noun, and
# after a passive auxiliary it names nobody.
_PREPOSITIONS: Final = frozenset(lexicons.words("grammar", "place_prepositions"))
_TRAILING_WORDS: Final = frozenset(lexicons.words("source_trailing"))
_AGENTS: Final = lexicons.words("source_agents")
_AGENT: Final = (
    re.compile(
        r"^(?:\S+\s+){0,2}(?:" + alternation(*lexicons.words("source_documents")) + r")(?!\w).*?\s(?:"
        + alternation(*_AGENTS)
        + r")\s+(?=\S)",
        re.IGNORECASE,
    )
    if _AGENTS
    else None
)
_NO_SUBJECT_BEFORE: Final = _PREPOSITIONS | frozenset(lexicons.words("passive_auxiliaries"))
# "teilte Gouverneur Oleh Synjehubow mit": a separable verb's particle closes the source.
_PARTICLES: Final = lexicons.words("reporting_particles")
_PARTICLE_END: Final = re.compile(r"\s+(?:" + "|".join(_PARTICLES) + r")$") if _PARTICLES else None
# "nach Angaben der Behörden mindestens 14 Menschen getötet": a source ends where a figure begins.
_QUALIFIER_NAMES: Final = ("at_least", "approximately", "at_most")
_FIGURE_START: Final = re.compile(
    r"\s+(?:(?:"
    + alternation(*(word for name in _QUALIFIER_NAMES for word in lexicons.words("qualifiers", name)))
    + r")\s+\d|\d[\d.,]*\s+(?:"
    + alternation(*lexicons.words("people"), *(w for g in GROUP_ORDER for w in lexicons.words("groups", g)))
    + r")(?!\w))",
    re.IGNORECASE,
)
_DIGIT: Final = re.compile(r"\d")


def _figure_start(text: str) -> re.Match[str] | None:
    """Where a figure begins in `text`; every figure holds a digit, and most subjects none."""
    return _FIGURE_START.search(text) if _DIGIT.search(text) else None


_PRONOUNS: Final = frozenset(lexicons.words("source_pronouns"))
# The subject must look like a name or an institution: a capital letter or a known role.
# Scanned in the source lowercased, case-sensitively, where lowercasing stands for the text (see
# keywords.gate_text): an IGNORECASE alternation enters every role at every position.
_ROLE: Final = written_and_lowercased("|".join(lexicons.patterns("source_roles")))


def find_source(sentence: str, keys: Keys | None = None) -> str | None:
    """The attributed source of a sentence's facts, or None.

    `keys`: the sentence's keyword pass (gate.keys_of), when the caller has made it already.
    """
    keys = keys_of(sentence) if keys is None else keys
    if not keys.has(_SOURCE_WORDS):
        return None
    # Scan the lowercased text where it stands for the text as written; quote the text as written.
    text, variant = (keys.low, 1) if keys.caseless else (sentence, 0)
    match = _ACCORDING_TO[variant].search(text) if keys.has(_ACCORDING_TO_WORDS) else None
    if match:
        return _clean(sentence[match.start("who") : match.end("who")])
    if _ACCORDING_AFTER is not None and keys.has(_ACCORDING_AFTER_WORDS_FOUND):
        match = _ACCORDING_AFTER[variant].search(text)
        who = _noun_phrase_before(sentence[: match.start()]) if match else None
        if who:
            return who
    if not keys.has(_VERB_WORDS):
        return None
    match = _VERB_SUBJECT[variant].search(text)
    if match:
        who = _clean(sentence[match.start("who") : match.end("who")])
        if who:
            return who
    for match in _VERB[variant].finditer(text):
        before = sentence[max(0, match.start() - _SUBJECT_REACH) : match.start()]
        cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
        subject = before[cut:].split(" that ")[-1]
        last = (subject.split() or [""])[-1]  # as written: "UN" is no article
        if _figure_start(" " + subject) or last.lower() in _COPULAS or last in _NO_SUBJECT_BEFORE or last in _ARTICLES:
            continue  # "Another 628 people were reported wounded": the counted people, or a passive
        who = _clean(subject)
        if who:
            return who
    return None


_RECIPIENT_REACH: Final = 3  # words of a leading prepositional phrase read for the name it ends with ("à l'AFP")


def _past_a_recipient(who: str) -> str:
    """ "…, a déclaré à l'AFP une source sécuritaire": the words after a verb that open with a
    preposition name a recipient (up to its name) before the subject; "…, says in a statement
    Friday that": with no name in reach, a complement and no subject at all."""
    words = who.split()
    if not words or words[0].lower() not in _PREPOSITIONS:
        return who
    for index, word in enumerate(words[1 : 1 + _RECIPIENT_REACH], start=1):
        if any(character.isupper() for character in word) and word.lower() not in _TRAILING_WORDS:
            return " ".join(words[index + 1 :])
    return ""


def _after_the_agent(text: str) -> str:
    """ "le bilan communiqué jeudi par l'administration du district": the agent of a document that opens
    the source names it ("fuentes locales citadas por Europa Press" stay the sources)."""
    match = _AGENT.search(text) if _AGENT is not None else None
    return text[match.end() :] if match is not None else text


def _noun_phrase_before(text: str) -> str | None:
    """The capitalised noun phrase that ends `text` ("den Behörden" → "Behörden", "Angaben der
    Polizei"): in a language that capitalises its nouns, the words of a source before a postposition."""
    words = text.split()
    taken: list[str] = []
    while words:
        word = words[-1].strip(",;:()")
        linked = word.lower() in _GENITIVE_LINKS and taken and len(words) > 1 and words[-2][:1].isupper()
        if not (word[:1].isupper() or linked) or (word.lower() in _ARTICLES and not linked):
            break
        taken.insert(0, word)
        words.pop()
    if not taken or (len(taken) == 1 and taken[0].lower() in _VAGUE_SOURCES):
        return None
    return _clean(" ".join(taken))


def _clean(raw: str) -> str | None:
    figure = _figure_start(raw)
    if figure is not None:
        raw = raw[: figure.start()]
    text = _past_a_recipient(_WHEN.sub("", _LEADING_VERB.sub("", _after_the_agent(raw.strip()))))
    if _PARTICLE_END is not None:
        text = _PARTICLE_END.sub("", text)
    text = _TRAILING.sub("", text)
    text, stripped = _LEADING.subn("", text)
    if stripped:  # "the" after "according to": a second leading word may follow the first
        text = _LEADING.sub("", text)
    words = text.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    if words[0].lower() in _PRONOUNS:
        return None
    if not (any(w[:1].isupper() for w in words) or _has_role(text)):
        return None
    return text


def _has_role(text: str) -> bool:
    low = gate_text(text)
    return (_ROLE[0].search(text) if low is None else _ROLE[1].search(low)) is not None

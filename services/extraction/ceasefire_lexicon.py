"""The words of ceasefire news in English, Portuguese, Spanish and French.

Patterns run on accent-folded text (see gazetteer_fold), case-insensitively, and every
language is always on: the language hint may be wrong, and wire copy mixes languages.

Two kinds of pattern:
- a TERM names a ceasefire ("truce", "cessar-fogo", "cessation of hostilities"; weaker words
  such as "deal" or "pause" count only in an article that names a ceasefire outright);
- a CUE states something about it ("took effect", "violated", "rejected") and must sit on the
  right side of a term within a few characters — "ceasefire" in a sentence is not a statement.

Every pattern starts with a literal word and has no nested unbounded quantifier, so
matching stays linear in the length of the text (a 1 MB article of junk is fed to it in tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from streams.events import CeasefireStatus

_FLAGS = re.IGNORECASE

TermKind = Literal["strong", "weak", "halt", "pronoun"]
Side = Literal["before", "after", "any", "alone"]


def _words(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# --- terms ------------------------------------------------------------------------------

STRONG_TERM = re.compile(
    _words(
        r"cease-?\s?fires?",
        r"truces?",
        r"armistices?",
        r"humanitarian\s+(?:pauses?|windows?)",
        r"(?:cessation|end|halt)\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities",
        r"cessar-?\s?(?:o\s+)?fogo",
        r"treguas?",
        r"armisticios?",
        r"pausas?\s+humanitarias?",
        r"cessac(?:ao|oes)\s+(?:das\s+)?hostilidades",
        r"fim\s+das\s+hostilidades",
        r"alto\s+(?:el|al)\s+fuego",
        r"cese\s+(?:al|del|el)\s+fuego",
        r"cese\s+de\s+(?:las\s+)?hostilidades",
        r"fin\s+de\s+las\s+hostilidades",
        r"cessez-le-feu",
        r"cesser\s+le\s+feu",
        r"treves?",
        r"pauses?\s+humanitaires?",
        r"(?:cessation|fin|arret)\s+des\s+(?:hostilites|combats)",
    ),
    _FLAGS,
)

# Words that stand for a ceasefire only once the article has named one ("the deal").
WEAK_TERM = re.compile(
    _words(
        r"deal",
        r"agreement",
        r"accords?",
        r"pact",
        r"arrangement",
        r"understanding",
        r"pledge",
        r"pause",
        r"lull",
        r"de-escalation\s+(?:deal|agreement)",
        r"acordo",
        r"acuerdo",
        r"pacto",
        r"pausa",
        r"entendimento",
        r"entendimiento",
        r"pacte",
        r"entente",
    ),
    _FLAGS,
)

# "agreed to stop all firing", "called on both sides to stop fighting".
HALT_TERM = re.compile(
    r"\b(?:stop|halt|cease|suspend|pause)(?:s|ed|ped|ping|ing)?\s+(?:all\s+|the\s+|its\s+|their\s+)?"
    r"(?:firing|fighting|hostilities|attacks|strikes|shelling|bombing|bombardments?|military\s+action|offensive\s+operations)\b"
    r"|\b(?:cessar|suspender|interromper|parar|cesar|detener|cesser|suspendre|arreter)(?:am|em|ou|on|an|ont)?\s+"
    r"(?:os\s+|as\s+|los\s+|las\s+|les\s+)?(?:combates|hostilidades|ataques|bombardeios|bombardeos|combats|hostilites|attaques|frappes|bombardements)\b",
    _FLAGS,
)

PRONOUN_TERM = re.compile(r"\b(?:it|them)\b", _FLAGS)


# --- cues -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase that states `status` when it stands on `side` of a term within `gap` characters.

    side "before": the cue precedes the term ("agreed to a truce"); "after": it follows
    ("the truce took effect"); "any": either; "alone": the cue needs no term in its sentence
    (only in an article that names a ceasefire: "accused each other of violations").
    """

    status: CeasefireStatus
    pattern: re.Pattern[str]
    side: Side
    gap: int
    pronoun: bool = False  # may attach to "it"/"them" ("violating it", "it collapsed")
    name: str = ""


def _cue(status: CeasefireStatus, side: Side, gap: int, *alts: str, pronoun: bool = False, name: str = "") -> Cue:
    return Cue(status, re.compile(_words(*alts), _FLAGS), side, gap, pronoun, name or status)


CUES: tuple[Cue, ...] = (
    # proposed: calls, offers, proposals, talks; a rejected proposal is still a proposal
    _cue(
        "proposed",
        "before",
        45,
        r"urg(?:e|es|ed|ing)",
        r"press(?:es|ed|ing)?\s+(?:for|to)",
        r"push(?:es|ed|ing)?\s+for",
        r"demand(?:s|ed|ing)?",
        r"sought",
        r"seek(?:s|ing)?",
        r"possible",
        r"potential",
        r"hopes\s+(?:for|of)",
        r"pede[mn]?",
        r"pediu",
        r"pediram",
        r"pedido\s+de",
        r"apel(?:o|ou|am|aram)",
        r"exig(?:e|em|iu|iram)",
        r"pide[n]?",
        r"pidio",
        r"pidieron",
        r"llamad[oa]\s+a",
        r"llamamiento\s+a",
        r"exigio",
        r"exigieron",
        r"possivel",
        r"posible",
        r"eventual",
        r"appel(?:le|lent|e)?\s+a",
        r"reclam(?:e|ent|ait)",
        r"exige(?:nt)?",
        r"eventuel(?:le)?",
    ),
    _cue("proposed", "before", 70, r"call(?:s|ed|ing)?\s+on", r"ask(?:s|ed|ing)?", r"return\s+to", r"restor(?:e|ing)"),
    _cue("proposed", "before", 90, r"calls?", r"called", r"calling", r"appeals?", r"appealed", name="calls"),
    _cue(
        "proposed",
        "any",
        35,
        r"proposals?",
        r"offers?",
        r"plan",
        r"initiative",
        r"draft",
        r"framework",
        r"immediate",
        r"propost[ao]s?",
        r"plano",
        r"propuesta",
        r"oferta",
        r"proposition",
        r"offre",
        name="proposal",
    ),
    _cue(
        "proposed",
        "before",
        35,
        r"propos(?:e|es|ed|ing)",
        r"offer(?:ed|ing)",
        r"put\s+forward",
        r"propo[se]",
        r"propuseram",
        r"propos",
        r"ofereceu",
        r"propuso",
        r"propone[n]?",
        r"ofrecio",
        name="proposal",
    ),
    _cue(
        "proposed",
        "after",
        40,
        r"(?:proposed|offered|put\s+forward|suggested)\s+by",
        r"propost[ao]\s+por",
        r"propuest[ao]\s+por",
        r"propose(?:e)?\s+par",
        name="proposal",
    ),
    _cue(
        "proposed",
        "any",
        40,
        r"negotiat(?:e|es|ing|ion|ions|ors?)",
        r"talks",
        r"discuss(?:es|ed|ing|ion|ions)?",
        r"negociac(?:ao|oes|ion|iones)",
        r"negociar",
        r"conversas",
        r"conversaciones",
        r"dialogos?",
        r"negociations?",
        r"negocier",
        r"pourparlers",
        r"discussions?",
        name="talks",
    ),
    _cue(
        "proposed",
        "any",
        45,
        r"reject(?:s|ed|ing)?",
        r"refus(?:e|es|ed|ing)",
        r"turn(?:s|ed)?\s+down",
        r"dismiss(?:es|ed|ing)?",
        r"spurn(?:s|ed)?",
        r"rejeit(?:a|am|ou|aram)",
        r"recus(?:a|am|ou|aram)",
        r"rechaz(?:a|an|o|aron)",
        r"rejet(?:te|tent|e|ee)",
        r"refus(?:e|ee|ent)",
        name="rejected",
    ),
    # agreed: reached, signed, announced, declared, accepted, brokered
    _cue(
        "agreed",
        "any",
        45,
        r"agree(?:s|d)?",
        r"reach(?:es|ed)?",
        r"sign(?:s|ed|ing)?",
        r"announc(?:e|es|ed|ing)",
        r"declar(?:e|es|ed|ing)",
        r"(?<!self-)proclaim(?:s|ed)?",
        r"accept(?:s|ed)?",
        r"seal(?:s|ed)?",
        r"struck",
        r"clinch(?:es|ed)?",
        r"approv(?:e|es|ed)",
        r"secured",
        r"established",
        r"arrang(?:e|ed)",
        r"negotiated",
        r"ordered",
        r"acordar(?:am|on)?",
        r"acordad[oa]s?",
        r"concord(?:ou|aram)",
        r"anunci(?:a|am|ou|aram|ad[oa]|o|aron)",
        r"assin(?:a|am|ou|aram|ad[oa]|atura)",
        r"declar(?:a|am|ou|aram|ad[oa]|o|aron)",
        r"aceit(?:a|am|ou|aram|ad[oa])",
        r"firm(?:o|aron|ad[oa])",
        r"fechad[oa]",
        r"fecharam",
        r"alcancad[oa]",
        r"alcancaram",
        r"alcanz(?:o|aron|ad[oa])",
        r"logr(?:o|aron|ad[oa])",
        r"pact(?:aron|ad[oa])",
        r"sellaron",
        r"acept(?:a|an|o|aron|ad[oa])",
        r"proclam(?:ou|aram|ad[oa]|o|aron|e|ee|ent|ait)",
        r"negoci(?:ad[oa]|e|ee)",
        r"estabelecid[oa]",
        r"establecid[oa]",
        r"convenu(?:e)?",
        r"accept(?:e|ee|ent|erent)",
        r"annonc(?:e|ee|ent|erent)",
        r"sign(?:e|ee|ent|erent)",
        r"conclu(?:e|s)?",
        r"decret(?:e|ee)",
        r"instaure(?:e)?",
        r"parvenu(?:e|s)?",
    ),
    _cue(
        "agreed",
        "before",
        30,
        r"-?brokered",
        r"-?mediated",
        r"-?backed",
        r"intermediad[oa]",
        r"mediad[oa]",
        name="brokered",
    ),
    _cue(
        "agreed",
        "after",
        100,
        r"brokered",
        r"mediated\s+by",
        r"intermediad[oa]\s+por",
        r"mediad[oa]\s+por",
        name="brokered",
    ),
    _cue(
        "agreed",
        "alone",
        0,
        r"accept(?:s|ed)?\s+(?:a|an|the|their|its)\s+(?:\S+\s+){0,3}?(?:proposal|plan|offer|deal)",
        r"aceit(?:ou|aram|a|am)\s+(?:a|o|uma|um)\s+(?:\S+\s+){0,3}?(?:proposta|plano|oferta)",
        r"acept(?:o|aron|a|an)\s+(?:la|el|una|un)\s+(?:\S+\s+){0,3}?(?:propuesta|plan|oferta)",
        r"accept(?:e|ent|erent)\s+(?:la|le|une|un|l')\s*(?:\S+\s+){0,3}?(?:proposition|plan|offre)",
        name="accepted_proposal",
    ),
    _cue("agreed", "before", 30, r"(?:re)?commit(?:s|ted|ting)?\s+to", r"commitment\s+to", r"comprometeram-se\s+com"),
    _cue(
        "agreed",
        "after",
        100,
        r"(?:due|set|scheduled|expected|slated|supposed)\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))",
        r"will\s+(?:take\s+effect|begin|come\s+into\s+(?:force|effect))",
        r"entrar(?:a|ia)\s+e[nm]\s+vigor",
        r"deve\s+entrar\s+em\s+vigor",
        r"debe\s+entrar\s+en\s+vigor",
        r"entrera\s+en\s+vigueur",
        r"doit\s+entrer\s+en\s+vigueur",
        name="scheduled",
    ),
    # in effect: took effect, came into force, holding
    _cue(
        "in_effect",
        "after",
        110,
        r"took\s+effect",
        r"tak(?:e|es|ing)\s+effect",
        r"came\s+into\s+(?:force|effect)",
        r"com(?:e|es|ing)\s+into\s+(?:force|effect)",
        r"went\s+into\s+effect",
        r"go(?:es)?\s+into\s+effect",
        r"took\s+hold",
        r"tak(?:e|es|ing)\s+hold",
        r"in\s+(?:force|effect)",
        r"in\s+place",
        r"em\s+vigor",
        r"en\s+vigor",
        r"en\s+vigueur",
        r"vigente",
        r"vigora",
        r"pris\s+effet",
        r"prend\s+effet",
        pronoun=True,
        name="took_effect",
    ),
    _cue(
        "in_effect",
        "after",
        70,
        r"holding",
        r"holds",
        r"(?:has|have|had)\s+(?:largely\s+|so\s+far\s+|mostly\s+|broadly\s+|generally\s+)?held",
        r"largely\s+held",
        r"largely\s+respected",
        r"(?:being|been|was|is)\s+(?:largely\s+|broadly\s+)?respected",
        r"(?:being|been|was|is)\s+(?:largely\s+|broadly\s+)?observed",
        r"tem\s+sido\s+respeitad[oa]",
        r"esta\s+sendo\s+respeitad[oa]",
        r"se\s+mantem",
        r"mantem-se",
        r"se\s+mantiene",
        r"se\s+ha\s+mantenido",
        r"se\s+respeta",
        r"tient",
        r"a\s+tenu",
        r"est\s+respecte(?:e)?",
        pronoun=True,
        name="holding",
    ),
    _cue(
        "in_effect", "after", 15, r"began", r"begun", r"started", r"comecou", r"comenzo", r"a\s+commence", pronoun=True
    ),
    # violated: breached, broken, accusations of violations; "despite the truce"
    _cue(
        "violated",
        "any",
        70,
        r"violat(?:e|es|ed|ing|ion|ions)",
        r"breach(?:es|ed|ing)?",
        r"infring(?:e|es|ed|ement|ements)",
        r"flout(?:s|ed|ing)?",
        r"ignored",
        r"disregard(?:ed|ing)?",
        r"broken",
        r"break(?:s|ing)?(?!\s+down\b)",
        r"broke(?!\s+(?:down|out)\b)",
        r"mockery\s+of",
        r"viol(?:a|am|ou|aram|ad[oa]s?|acao|acoes|ar)",
        r"descumpr(?:iu|iram|imento)",
        r"desrespeit(?:a|ou|aram|ad[oa])",
        r"quebr(?:ou|aram|ad[oa])",
        r"rompeu",
        r"romperam",
        r"viol(?:o|aron|acion|aciones|an)",
        r"incumpl(?:io|ieron|imiento|imientos)",
        r"quebrant(?:o|aron|ad[oa]|amiento)",
        r"rompio",
        r"rompieron",
        r"viol(?:e|ee|ees|es|er|ation|ations|ait|aient)",
        r"enfrei(?:nt|nte|ndre)",
        r"rompue?",
        pronoun=True,
    ),
    _cue(
        "violated",
        "before",
        25,
        r"despite",
        r"in\s+spite\s+of",
        r"apesar\s+d[oa]",
        r"pese\s+a",
        r"a\s+pesar\s+de",
        r"malgre",
    ),
    _cue(
        "violated",
        "alone",
        0,
        r"violations",
        r"breaches",
        r"violacoes",
        r"violaciones",
        r"violating\s+the\s+(?:truce|understanding)",
        name="violations",
    ),
    # collapsed: broke down, ended, expired, abandoned
    _cue(
        "collapsed",
        "after",
        110,
        r"collaps(?:e|es|ed|ing)",
        r"broke\s+down",
        r"break(?:s|ing)?\s+down",
        r"broken\s+down",
        r"expir(?:e|es|ed|ing)",
        r"lapsed",
        r"ran\s+out",
        r"run\s+out",
        r"unravell?(?:ed|ing)",
        r"fail(?:ed|s)(?!\s+to\b)",
        r"fell\s+apart",
        r"falling\s+apart",
        r"crumbl(?:e|ed|ing)",
        r"end(?:ed|s)(?!\s+(?:the|a|an|its|their|this|that|his|her|with|all|hostilities|fighting|in|months|years|weeks)\b)",
        r"(?:is|was)\s+over",
        r"colaps(?:ou|o|aron)",
        r"ruiu",
        r"desmoron(?:ou|ar)",
        r"fracass(?:ou|aram|o|aron)",
        r"termin(?:ou|aram|aron)",
        r"acab(?:ou|aram|aron)",
        r"finaliz(?:ou|aram|o|aron)",
        r"expir(?:ou|ar|ad[oa]|aram|o|ara|aron)",
        r"chegou\s+ao\s+fim",
        r"se\s+rompio",
        r"se\s+derrumbo",
        r"venci(?:o|do)",
        r"quedo\s+sin\s+efecto",
        r"effondre(?:e)?",
        r"vole\s+en\s+eclats",
        r"pris\s+fin",
        r"prend\s+fin",
        r"a\s+expire",
        r"echou(?:e|a)",
        pronoun=True,
    ),
    _cue(
        "collapsed",
        "before",
        30,
        r"collapse\s+of",
        r"breakdown\s+of",
        r"end(?:s|ed|ing)?(?!\s+(?:with|in|up|by)\b)",
        r"shatter(?:s|ed|ing)?",
        r"overturn(?:s|ed|ing)?",
        r"torn\s+up",
        r"tore\s+up",
        r"withdr(?:ew|aw|awn)\s+from",
        r"pull(?:s|ed)?\s+out\s+of",
        r"colapso\s+d[aoe]",
        r"fim\s+d[ao]",
        r"fin\s+de(?:l|\s+la)?",
        r"ruptura\s+d[aoe]",
        r"rompimento\s+d[ao]",
        r"rompimiento\s+de(?:l|\s+la)?",
        r"puso\s+fin\s+a",
        r"mis\s+fin\s+a",
        r"rupture\s+d[eu]",
        r"effondrement\s+d[eu]",
    ),
    _cue(
        "collapsed",
        "any",
        40,
        r"abandon(?:s|ed|ing)?",
        r"scrap(?:s|ped)?",
        r"terminat(?:e|es|ed|ing)",
        r"called\s+off",
        r"renounc(?:e|es|ed)",
        r"abandon(?:ou|aram|ad[oa]|o|aron|ne|nee)",
        r"encerr(?:ou|aram|ad[oa])",
    ),
    # Portuguese and Spanish put the verb first: "después de que expirara, el 3 de agosto, el cese al fuego".
    _cue(
        "collapsed",
        "before",
        30,
        r"expir(?:ou|o|ara|aron|aram)",
        r"termin(?:ou|aron|aram)",
        r"acab(?:ou|aron|aram)",
        r"fracass(?:ou|aram)",
        r"fracas(?:o|aron)",
        r"colaps(?:ou|o|aron)",
        r"venci(?:o)",
        r"caduc(?:ou|o)",
        r"desmoron(?:ou|o)",
    ),
    # extended
    _cue(
        "extended",
        "any",
        50,
        r"extend(?:s|ed|ing)?",
        r"extension",
        r"renew(?:s|ed|al|ing)?",
        r"prolong(?:s|ed|ing|ation)?",
        r"rolled\s+over",
        r"prorrog(?:a|am|ou|aram|ad[oa]|acao|ar|o|aron|acion)",
        r"estend(?:eu|eram|id[oa]|er)",
        r"prolong(?:ou|aram|ad[oa]|amento|ar|o|aron|acion)",
        r"renov(?:ou|aram|ad[oa]|acao|ar|o|aron|acion)",
        r"extend(?:io|ieron|id[oa]|er)",
        r"prolong(?:e|ee|ent|er|ation)",
        r"reconduit(?:e)?",
        r"reconduction",
        r"renouvel(?:e|ee|er|lement)",
        r"proroge(?:e)?",
    ),
)

# --- modifiers: what turns a cue into a non-statement -------------------------------------

# Read in the few words before a cue.
NEGATION = re.compile(
    r"\b(?:not|never|no|without|n't|failed\s+to|fail\s+to|yet\s+to|refused\s+to|declined\s+to|unable\s+to|sem|sin|sans|nao|nunca|jamais|ne|n'|ni|nem)\b[^,;]*$",
    _FLAGS,
)
HYPOTHETICAL = re.compile(
    r"\b(?:can|could|may|might|if|unless|whether|would\s+require|in\s+return\s+for|in\s+exchange\s+for|on\s+condition|"
    r"pode|poderia|podria|puede|pourrait|peut|si)\s+(?:be\s+|ser\s+|etre\s+)?\S*\s*$",
    _FLAGS,
)
# "to <verb>" is a statement only after "agreed"/"decided"; otherwise it is an aim ("pressing … to accept").
INFINITIVE = re.compile(r"\bto\s+$", _FLAGS)
AGREED_BEFORE_INFINITIVE = re.compile(
    r"\b(?:agree[sd]?|decided?|voted|acordaron|acordaram|concordaram|decidiu|decidio)\b", _FLAGS
)
# "talks" that already ended in the deal ("reached after ten days of talks") propose nothing.
AFTER_TALKS = re.compile(r"\b(?:after|following|at|apres|depois|tras|tras\s+de)\b", _FLAGS)
# Things that are "held" or "holding" without being a truce ("talks held in Doha", "hostages held").
NOT_A_TRUCE_HELD = re.compile(r"\b(?:talks|negotiations|meeting|hostages?|prisoners?|captives?|elections?)\b", _FLAGS)

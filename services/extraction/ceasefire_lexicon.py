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

from services.extraction.ceasefire_stems import Stem, StemIndex, StemmedPattern, stem_of
from streams.events import CeasefireStatus

_FLAGS = re.IGNORECASE

TermKind = Literal["strong", "weak", "halt", "pronoun"]
Side = Literal["before", "after", "any", "alone"]


def _words(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# A match starts at most this far before a stem inside it ("has largely held") and ends at most
# this far after it ("accepted a United Nations proposal").
_STEM_BEFORE = 60
_STEM_AFTER = 90


def _stems(alternatives: list[str]) -> tuple[Stem, ...] | None:
    stems = [stem_of(alternative) for alternative in alternatives]
    return None if None in stems else tuple(sorted({stem for stem in stems if stem}))


# --- terms ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """Words that name a ceasefire; `stems` as for cues (see ceasefire_stems)."""

    kind: TermKind
    pattern: re.Pattern[str]
    stems: tuple[Stem, ...] | None
    scan: StemmedPattern


def _term(kind: TermKind, alternatives: str | list[str]) -> Term:
    """`alternatives`: a list of regexes, or one string of them separated by whitespace."""
    parts = alternatives.split() if isinstance(alternatives, str) else alternatives
    return Term(kind, re.compile(_words(*parts), _FLAGS), _stems(parts), StemmedPattern(parts, _FLAGS, 60, 90))


# fmt: off
STRONG_TERM = _term("strong", r"""
    cease-?\s?fires? truces? armistices? humanitarian\s+(?:pauses?|windows?)
    cessation\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities end\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities
    halt\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities
    cessar-?\s?(?:o\s+)?fogo treguas? armisticios? pausas?\s+humanitarias? cessac(?:ao|oes)\s+(?:das\s+)?hostilidades
    fim\s+das\s+hostilidades alto\s+(?:el|al)\s+fuego cese\s+(?:al|del|el)\s+fuego cese\s+de\s+(?:las\s+)?hostilidades
    fin\s+de\s+las\s+hostilidades cessez-le-feu cesser\s+le\s+feu treves? pauses?\s+humanitaires?
    cessation\s+des\s+(?:hostilites|combats) fin\s+des\s+(?:hostilites|combats) arret\s+des\s+(?:hostilites|combats)
""")

# Words that stand for a ceasefire only once the article has named one ("the deal").
WEAK_TERM = _term("weak", r"""
    deal agreement accords? pact arrangement understanding pledge pause lull de-escalation\s+(?:deal|agreement)
    acordo acuerdo pacto pausa entendimento entendimiento pacte entente
""")
# fmt: on

# "agreed to stop all firing", "called on both sides to stop fighting", "a moratorium on strikes".
_HALTED = (
    r"(?:all\s+|the\s+|its\s+|their\s+)?(?:firing|fighting|hostilities|attacks|strikes|shelling|bombing|"
    r"bombardments?|military\s+action|offensive\s+operations)"
)
_HALTED_ROMANCE = (
    r"(?:os\s+|as\s+|los\s+|las\s+|les\s+)?(?:combates|hostilidades|ataques|bombardeios|bombardeos|combats|"
    r"hostilites|attaques|frappes|bombardements)"
)
HALT_TERM = _term(
    "halt",
    [r"moratorium\s+on"]
    + [rf"{verb}(?:s|ed|ped|ping|ing)?\s+{_HALTED}" for verb in ("stop", "halt", "cease", "suspend", "pause")]
    + [
        rf"{verb}(?:am|em|ou|on|an|ont)?\s+{_HALTED_ROMANCE}"
        for verb in (
            "cessar",
            "suspender",
            "interromper",
            "parar",
            "cesar",
            "detener",
            "cesser",
            "suspendre",
            "arreter",
        )
    ],
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
    stems: tuple[Stem, ...] | None = None  # one is in every match; None: no cheap test, always look
    scan: StemmedPattern | None = None  # the same alternatives, matched where their stems are


def _cue(
    status: CeasefireStatus, side: Side, gap: int, alternatives: str, pronoun: bool = False, name: str = ""
) -> Cue:
    """`alternatives`: regexes separated by whitespace (a space inside one is written \\s+)."""
    parts = alternatives.split()
    scan = StemmedPattern(parts, _FLAGS, _STEM_BEFORE, _STEM_AFTER)
    return Cue(status, re.compile(_words(*parts), _FLAGS), side, gap, pronoun, name or status, _stems(parts), scan)


# fmt: off
CUES: tuple[Cue, ...] = (
    _cue("proposed", "before", 45, r"""
        close\s+to
        urg(?:e|es|ed|ing) press(?:es|ed|ing)?\s+(?:for|to) push(?:es|ed|ing)?\s+for demand(?:s|ed|ing)? sought
        seek(?:s|ing)? possible potential hopes\s+(?:for|of) pede[mn]? pediu pediram pedido\s+de
        apel(?:o|ou|am|aram) exig(?:e|em|iu|iram) pide[n]? pidio pidieron llamad[oa]\s+a llamamiento\s+a exigio
        exigieron possivel posible eventual appel(?:le|lent|e)?\s+a reclam(?:e|ent|ait) exige(?:nt)?
        eventuel(?:le)?
    """),
    _cue("proposed", "before", 70, r"""
        call(?:s|ed|ing)?\s+on ask(?:s|ed|ing)? return\s+to restor(?:e|ing)
    """),
    _cue("proposed", "before", 90, r"""
        calls? called calling appeals? appealed appel(?:le|lent|ait|aient|e) apel(?:a|am|ou|aram) exort(?:a|am|ou|aram)
        insta(?:n)? insto instaron llam(?:a|an|o|aron) exhort(?:a|an|o|aron)
    """, name="calls"),
    _cue("proposed", "any", 35, r"""
        proposals? offers? plan initiative draft framework immediate propost[ao]s? plano propuesta oferta
        proposition offre
    """, name="proposal"),
    _cue("proposed", "before", 35, r"""
        propos(?:e|es|ed|ing) offer(?:ed|ing) put\s+forward propo[se] propuseram propos ofereceu propuso
        propone[n]? ofrecio
    """, name="proposal"),
    _cue("proposed", "after", 40, r"""
        proposed\s+by offered\s+by put\s+forward\s+by suggested\s+by propost[ao]\s+por propuest[ao]\s+por
        propose(?:e)?\s+par
    """, name="proposal"),
    _cue("proposed", "any", 40, r"""
        negotiat(?:e|es|ing|ion|ions) talks discuss(?:es|ed|ing|ion|ions)? negociac(?:ao|oes|ion|iones) negociar
        conversas conversaciones dialogos? negociations? negocier pourparlers discussions?
    """, name="talks"),
    _cue("proposed", "any", 45, r"""
        reject(?:s|ed|ing)? refus(?:e|es|ed|ing) turn(?:s|ed)?\s+down dismiss(?:es|ed|ing)? spurn(?:s|ed)?
        rejeit(?:a|am|ou|aram) recus(?:a|am|ou|aram) rechaz(?:a|an|o|aron) rejet(?:te|tent|e|ee)
        refus(?:e|ee|ent)
    """, name="rejected"),
    _cue("agreed", "any", 45, r"""
        agree(?:s|d)? sign(?:s|ed|ing)? announc(?:e|es|ed|ing) declar(?:e|es|ed|ing)
        (?<!self-)proclaim(?:s|ed)? accept(?:s|ed)? seal(?:s|ed)? struck clinch(?:es|ed)? approv(?:e|es|ed)
        secured established arrang(?:e|ed) negotiated ordered acordar(?:am|on)? acordad[oa]s? concord(?:ou|aram)
        anunci(?:a|am|ou|aram|ad[oa]|o|aron) assin(?:a|am|ou|aram|ad[oa]|atura)
        declar(?:a|am|ou|aram|ad[oa]|o|aron) aceit(?:a|am|ou|aram|ad[oa]) firm(?:o|aron|ad[oa]) fechad[oa]
        fecharam alcancad[oa] alcancaram alcanz(?:o|aron|ad[oa]) logr(?:o|aron|ad[oa]) pact(?:aron|ad[oa])
        sellaron acept(?:a|an|o|aron|ad[oa]) proclam(?:ou|aram|ad[oa]|o|aron|e|ee|ent|ait) negoci(?:ad[oa]|e|ee)
        estabelecid[oa] establecid[oa] convenu(?:e)? accept(?:e|ee|ent|erent) annonc(?:e|ee|ent|erent)
        sign(?:e|ee|ent|erent) conclu(?:e|s)? decret(?:e|ee) instaure(?:e)? parvenu(?:e|s)?
        firm(?:aran|ara|an) firma\s+del? aprov(?:ou|aram|ad[oa]) aprob(?:o|aron|ad[oa]) approuve(?:e)? approval
        approbation aprovacao aprobacion
        acordar alcancar alcanzar firmar assinar concluir conclure signer accepter aceitar aceptar pactar obtenir
        parvenir negociar negocier
        firmaram firmou (?:mis|mises|mettre|mettent)\s+d'accord entendu(?:e|s|es)?\s+sur
    """),
    _cue("agreed", "before", 30, r"""
        -?brokered -?mediated -?backed intermediad[oa] mediad[oa]
    """, name="brokered"),
    _cue("agreed", "after", 100, r"""
        brokered mediated\s+by intermediad[oa]\s+por mediad[oa]\s+por mediad[oa]s?\s+pel[oa]s? intermediad[oa]s?\s+pel[oa]s?
    """, name="brokered"),
    _cue("agreed", "alone", 0, r"""
        (?:its|son|sa|seu|sua|su)\s+approval
        (?:its|son|sa|seu|sua|su)\s+approbation
        (?:its|son|sa|seu|sua|su)\s+aprovacao
        (?:its|son|sa|seu|sua|su)\s+aprobacion
        (?:its|son|sa|seu|sua|su)\s+signature
        (?:its|son|sa|seu|sua|su)\s+signing
        (?:its|son|sa|seu|sua|su)\s+assinatura
        (?:its|son|sa|seu|sua|su)\s+firma
    """, name="its_approval"),
    _cue("agreed", "alone", 0, r"""
        accept(?:s|ed)?\s+(?:a|an|the|their|its)\s+(?:\S+\s+){0,3}?(?:proposal|plan|offer|deal)
        aceit(?:ou|aram|a|am)\s+(?:a|o|uma|um)\s+(?:\S+\s+){0,3}?(?:proposta|plano|oferta)
        acept(?:o|aron|a|an)\s+(?:la|el|una|un)\s+(?:\S+\s+){0,3}?(?:propuesta|plan|oferta)
        accept(?:e|ent|erent)\s+(?:la|le|une|un|l')\s*(?:\S+\s+){0,3}?(?:proposition|plan|offre)
    """, name="accepted_proposal"),
    _cue("agreed", "before", 45, r"""
        reach(?:es|ed|ing)?
    """, name="reached"),
    _cue("agreed", "after", 60, r"""
        (?:been|was|were|is|be)\s+reached
    """, name="reached"),
    _cue("agreed", "before", 25, r"""
        will\s+(?:observe|respect|honou?r|abide\s+by) would\s+(?:observe|respect|honou?r|abide\s+by)
        shall\s+(?:observe|respect|honou?r|abide\s+by)
    """, name="scheduled"),
    _cue("agreed", "before", 30, r"""
        commit(?:s|ting)?\s+to (?<!is\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!be\s)(?<!been\s)committed\s+to
        recommit(?:s|ted|ting)?\s+to commitment\s+to comprometeram-se\s+com
    """),
    _cue("agreed", "after", 100, r"""
        due\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))
        set\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))
        scheduled\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))
        expected\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))
        slated\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))
        supposed\s+to\s+(?:take\s+effect|begin|start|come\s+into\s+(?:force|effect))
        will\s+(?:take\s+effect|begin|come\s+into\s+(?:force|effect)) entrar(?:a|ia)\s+e[nm]\s+vigor
        deve\s+entrar\s+em\s+vigor debe\s+entrar\s+en\s+vigor entrera\s+en\s+vigueur
        doit\s+entrer\s+en\s+vigueur
    """, name="scheduled"),
    _cue("in_effect", "after", 110, r"""
        went\s+into\s+force enter(?:ed|s)\s+into\s+force vigorar
        took\s+effect tak(?:e|es|ing)\s+effect came\s+into\s+(?:force|effect)
        com(?:e|es|ing)\s+into\s+(?:force|effect) went\s+into\s+effect goes\s+into\s+effect go\s+into\s+effect took\s+hold
        tak(?:e|es|ing)\s+hold in\s+force in\s+effect in\s+place em\s+vigor en\s+vigor en\s+vigueur vigente rige
        vigora pris\s+effet prend\s+effet
    """, pronoun=True, name="took_effect"),
    _cue("in_effect", "after", 70, r"""
        respected respecte(?:e|es|s)? respetad[oa]s? respeitad[oa]s?
        holding holds (?:has|have|had)\s+(?:largely\s+|so\s+far\s+|mostly\s+|broadly\s+|generally\s+)?held
        largely\s+held largely\s+respected (?:being|been|was|is)\s+(?:largely\s+|broadly\s+)?respected
        (?:being|been|was|is)\s+(?:largely\s+|broadly\s+)?observed tem\s+sido\s+respeitad[oa]
        esta\s+sendo\s+respeitad[oa] se\s+mantem mantem-se se\s+mantiene se\s+ha\s+mantenido mantenerse manter-se sostenerse se\s+respeta tient
        a\s+tenu est\s+respecte(?:e)?
    """, pronoun=True, name="holding"),
    _cue("in_effect", "before", 20, r"""
        (?:has|have|had|are|were|is|was)\s+(?:largely\s+|broadly\s+|so\s+far\s+)?observed
        (?:has|have|had|are|were|is|was)\s+(?:largely\s+|broadly\s+|so\s+far\s+)?respected
        (?:has|have|had|are|were|is|was)\s+(?:largely\s+|broadly\s+|so\s+far\s+)?honou?red
        (?:has|have|had|are|were|is|was)\s+(?:largely\s+|broadly\s+|so\s+far\s+)?abided\s+by
        observing respecting honou?ring abiding\s+by respeitando respetando respectant respectent
        maintain(?:s|ed|ing)? mantiene[n]? mantem mantiveram mantenian maintien(?:t|nent) respeta[n] respeitam
    """, name="holding"),
    _cue("in_effect", "before", 25, r"""
        repris\s+l'application resumed\s+(?:implementing|applying|enforcing|observing) retomou\s+a\s+aplicacao
        reanudo\s+la\s+aplicacion
    """),
    _cue("in_effect", "after", 8, r"""
        began begun started comecou comenzo a\s+commence
    """, pronoun=True),
    _cue("violated", "any", 100, r"""
        rompid[oa]
        violat(?:e|es|ed|ing|ion|ions) breach(?:es|ed|ing)? infring(?:e|es|ed|ement|ements) flout(?:s|ed|ing)?
        ignored disregard(?:ed|ing)? broken break(?:s|ing)?(?!\s+down\b) broke(?!\s+(?:down|out)\b) mockery\s+of
        viol(?:a|am|ou|aram|ad[oa]s?|acao|acoes|ar) descumpr(?:iu|iram|imento) desrespeit(?:a|ou|aram|ad[oa])
        quebr(?:ou|aram|ad[oa]) rompeu romperam viol(?:o|aron|acion|aciones|an)
        incumpl(?:io|ieron|imiento|imientos) quebrant(?:o|aron|ad[oa]|amiento) rompio rompieron
        viol(?:e|ee|ees|es|er|ation|ations|ait|aient) enfrei(?:nt|nte|ndre) rompue?
    """, pronoun=True),
    _cue("violated", "before", 16, r"""
        despite in\s+spite\s+of apesar\s+d[oa]s? pese\s+al? a\s+pesar\s+del? malgre
    """, name="despite"),
    _cue("violated", "alone", 0, r"""
        violations breaches violacoes violaciones violating\s+the\s+(?:truce|understanding)
    """, name="violations"),
    _cue("collapsed", "after", 110, r"""
        llego\s+a\s+su\s+fin
        collaps(?:e|es|ed|ing) broke\s+down break(?:s|ing)?\s+down broken\s+down expir(?:e|es|ed|ing) lapsed
        ran\s+out run\s+out unravell?(?:ed|ing) fail(?:ed|s)(?!\s+to\b) fell\s+apart falling\s+apart
        crumbl(?:e|ed|ing)
        end(?:ed|s)(?!\s+(?:the|a|an|its|their|this|that|his|her|with|all|hostilities|fighting|in|months|years|weeks)\b)
        (?:is|was)\s+over colaps(?:ou|o|aron) ruiu desmoron(?:ou|ar) fracass(?:ou|aram|o|aron)
        termin(?:ou|aram|aron) acab(?:ou|aram|aron) finaliz(?:ou|aram|o|aron)
        expir(?:ou|ar|ad[oa]|aram|o|ara|aron) chegou\s+ao\s+fim se\s+rompio se\s+(?:habia|ha)\s+roto quedo\s+rota se\s+derrumbo venci(?:o|do)
        quedo\s+sin\s+efecto effondre(?:e)? vole\s+en\s+eclats pris\s+fin prend\s+fin a\s+expire echou(?:e|a)
    """, pronoun=True),
    _cue("collapsed", "before", 30, r"""
        declar\w*\s+(?:an?\s+|the\s+|its\s+|el\s+|la\s+|o\s+)?(?:end|collapse|suspension|termination|fin|fim)\s+(?:to|of|de|du|da|do|del)
        announc\w*\s+(?:an?\s+|the\s+|its\s+|el\s+|la\s+|o\s+)?(?:end|collapse|suspension|termination|fin|fim)\s+(?:to|of|de|du|da|do|del)
        proclaim\w*\s+(?:an?\s+|the\s+|its\s+|el\s+|la\s+|o\s+)?(?:end|collapse|suspension|termination|fin|fim)\s+(?:to|of|de|du|da|do|del)
        anunci\w*\s+(?:an?\s+|the\s+|its\s+|el\s+|la\s+|o\s+)?(?:end|collapse|suspension|termination|fin|fim)\s+(?:to|of|de|du|da|do|del)
        annonc\w*\s+(?:an?\s+|the\s+|its\s+|el\s+|la\s+|o\s+)?(?:end|collapse|suspension|termination|fin|fim)\s+(?:to|of|de|du|da|do|del) suspend(?:s|ed|ing)? suspension\s+of suspendi(?:o|eron) suspend(?:eu|eram) suspend(?:u|ue)
        collapse\s+of breakdown\s+of end(?:s|ed|ing)?(?!\s+(?:with|in|up|by)\b) shatter(?:s|ed|ing)?
        overturn(?:s|ed|ing)? torn\s+up tore\s+up withdr(?:ew|aw|awn)\s+from pull(?:s|ed)?\s+out\s+of
        colapso\s+d[aoe] fim\s+d[ao] fin\s+de(?:l|\s+la)? ruptura\s+d[aoe] rompimento\s+d[ao]
        rompimiento\s+de(?:l|\s+la)? puso\s+fin\s+a mis\s+fin\s+a rupture\s+d[eu] effondrement\s+d[eu]
    """),
    _cue("collapsed", "any", 40, r"""
        abandon(?:s|ed|ing)? scrap(?:s|ped)? terminat(?:e|es|ed|ing) called\s+off renounc(?:e|es|ed)
        abandon(?:ou|aram|ad[oa]|o|aron|ne|nee) encerr(?:ou|aram|ad[oa])
    """),
    _cue("collapsed", "before", 30, r"""
        expir(?:ou|o|ara|aron|aram) termin(?:ou|aron|aram) acab(?:ou|aron|aram) fracass(?:ou|aram)
        fracas(?:o|aron) colaps(?:ou|o|aron) venci(?:o) caduc(?:ou|o) desmoron(?:ou|o)
    """),
    _cue("extended", "any", 50, r"""
        extend(?:s|ed|ing)? extension renew(?:s|ed|al|ing)? prolong(?:s|ed|ing|ation)? rolled\s+over
        prorrog(?:a|am|ou|aram|ad[oa]|acao|ar|o|aron|acion) estend(?:eu|eram|id[oa]|er)
        prolong(?:ou|aram|ad[oa]|amento|ar|o|aron|acion) renov(?:ou|aram|ad[oa]|acao|ar|o|aron|acion)
        extend(?:io|ieron|id[oa]|er) prolong(?:e|ee|ent|er|ation) reconduit(?:e)? reconduction
        renouvel(?:e|ee|er|lement) proroge(?:e)?
    """),
)
# fmt: on

# One scan per sentence finds every stem of every term and cue.
_PATTERNS: tuple[Term | Cue, ...] = (STRONG_TERM, WEAK_TERM, HALT_TERM, *CUES)
STEMS = StemIndex(stem for pattern in _PATTERNS for stem in pattern.stems or ())


def _cues_by_stem() -> dict[str, tuple[int, ...]]:
    by_stem: dict[str, tuple[int, ...]] = {}
    for index, cue in enumerate(CUES):
        for stem in cue.stems or ():
            by_stem[stem.text] = (*by_stem.get(stem.text, ()), index)
    return by_stem


# A sentence's stems name the cues worth trying; a cue without a stem is always tried.
CUES_BY_STEM = _cues_by_stem()
ALWAYS_TRIED: tuple[int, ...] = tuple(index for index, cue in enumerate(CUES) if cue.stems is None)


# --- modifiers: what turns a cue into a non-statement -------------------------------------

# Read in the few words before a cue.
NEGATION = re.compile(
    r"\b(?:not|never|no|without|n't|failed\s+to|fail\s+to|yet\s+to|refused\s+to|declined\s+to|unable\s+to|sem|sin|sans|nao|nunca|jamais|ne|n'|ni|nem)\b[^,;]*$",
    _FLAGS,
)
# A modal makes an agreement a possibility (a proposal); a condition makes it nothing yet.
HYPOTHETICAL = re.compile(
    r"\b(?:can|could|may|might|would\s+require|pode|poderia|podria|puede|pourrait|peut)\s+(?:\S+\s+){0,3}$", _FLAGS
)
CONDITIONAL = re.compile(
    r"\b(?:if|unless|whether|once|until|till|before|in\s+return\s+for|in\s+exchange\s+for|on\s+condition|si|caso|a\s+menos|"
    r"antes\s+de|avant|hasta\s+que|ate\s+que)\s+(?:\S+\s+){0,6}$",
    _FLAGS,
)
# "…, announced the ministry", "…, a annoncé le Qatar": a reporting verb, not an announcement of the truce.
REPORTING = re.compile(r",\s*(?:a|ont|has|have|had)?\s*$", _FLAGS)
REPORTING_VERB = re.compile(r"(?:announc|annonc|anunci|declar|said|dit|dijo|disse)", _FLAGS)
# "announced that …", "a annoncé avoir repris …": the verb reports something else.
REPORTING_CLAUSE = re.compile(r"\s+(?:that|que|avoir|etre|ter|haber|it|they|he|she)\b", _FLAGS)
# Romance infinitives: "com o objetivo de alcançar um cessar-fogo", "à conclure un cessez-le-feu" — an aim.
ROMANCE_INFINITIVE = re.compile(
    r"(?:acordar|alcancar|alcanzar|firmar|assinar|concluir|conclure|signer|accepter|aceitar|aceptar|pactar|obtenir|"
    r"parvenir|negociar|negocier)$",
    _FLAGS,
)
REPORTING_SPEAKER = re.compile(r"\s+(?:(?:the|le|la|les|l'|el|los|las|o|os)\b|(?-i:[A-Z]))", _FLAGS)
# "to <verb>" is a statement only after "agreed"/"decided" or "appeared to be"; otherwise it is an
# aim ("pressing … to accept", "expected to be announced").
INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?$", _FLAGS)
AGREED_BEFORE_INFINITIVE = re.compile(
    r"\b(?:agree[sd]?|decided?|voted|appear(?:s|ed)?|seem(?:s|ed)?|continu(?:e|es|ed)|acordaron|acordaram|"
    r"concordaram|decidiu|decidio)\b",
    _FLAGS,
)
# "talks" that already ended in the deal ("reached after ten days of talks") propose nothing.
AFTER_TALKS = re.compile(r"\b(?:after|following|at|apres|depois|tras|tras\s+de)\b", _FLAGS)
# "remained committed to the truce" restates an old commitment; it announces nothing.
RESTATED = re.compile(r"\b(?:remain(?:s|ed)?|still|stay(?:s|ed)?)\s+$", _FLAGS)
# "truce talks collapsed", "the ceasefire line": the term modifies another noun, which is what
# the verb after it speaks of.
COMPOUND_HEAD = re.compile(
    r"\s+(?:talks|negotiations|proposals?|plans?|offers?|efforts|negotiators|lines?|monitors|zone|mediators|"
    r"process|framework|bid|push)\b",
    _FLAGS,
)
# "human rights violations" are not truce violations.
NOT_TRUCE_VIOLATIONS = re.compile(r"\b(?:rights|humanitarian\s+law|direitos|derechos|droits|sanctions)\b", _FLAGS)
# Things that are "held" or "holding" without being a truce ("talks held in Doha", "hostages held").
NOT_A_TRUCE_HELD = re.compile(r"\b(?:talks|negotiations|meeting|hostages?|prisoners?|captives?|elections?)\b", _FLAGS)

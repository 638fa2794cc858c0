"""The words of ceasefire news in English, Portuguese, Spanish and French.

Patterns run on accent-folded text (see gazetteer_fold), case-insensitively, and every
language is always on: the language hint may be wrong, and wire copy mixes languages.

A CUE states something about a ceasefire ("took effect", "violated", "rejected") and must
sit on the right side of a TERM (ceasefire_terms) within a few characters — "ceasefire" in a
sentence is not a statement.

Every pattern starts with a literal word and has no nested unbounded quantifier, so
matching stays linear in the length of the text (a 1 MB article of junk is fed to it in tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from services.extraction.ceasefire_stems import Stem, StemIndex, StemmedPattern
from services.extraction.ceasefire_terms import (
    HALT_TERM,
    STEM_AFTER,
    STEM_BEFORE,
    STRONG_TERM,
    WEAK_TERM,
    Term,
    pattern_stems,
    words_pattern,
)
from streams.events import CeasefireStatus

_FLAGS = re.IGNORECASE

Side = Literal["before", "after", "any", "alone"]


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
    scan: StemmedPattern  # the same alternatives, matched where their stems are
    side: Side
    gap: int
    pronoun: bool = False  # may attach to "it"/"them" ("violating it", "it collapsed")
    name: str = ""
    stems: tuple[Stem, ...] | None = None  # one is in every match; None: no cheap test, always look
    stem_texts: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The set the sentence's stems are tested against, built once rather than per sentence.
        texts = None if self.stems is None else frozenset(stem.text for stem in self.stems)
        object.__setattr__(self, "stem_texts", texts)


def _cue(
    status: CeasefireStatus, side: Side, gap: int, alternatives: str, pronoun: bool = False, name: str = ""
) -> Cue:
    """`alternatives`: regexes separated by whitespace (a space inside one is written \\s+)."""
    parts = alternatives.split()
    scan = StemmedPattern(parts, _FLAGS, STEM_BEFORE, STEM_AFTER)
    pattern = re.compile(words_pattern(*parts), _FLAGS)
    return Cue(status, pattern, scan, side, gap, pronoun, name or status, pattern_stems(parts))


# fmt: off
CUES: tuple[Cue, ...] = (
    _cue("proposed", "before", 45, r"""
        close\s+to
        urg(?:e|es|ed|ing) press(?:es|ed|ing)?\s+(?:for|to) push(?:es|ed|ing)?\s+for demand(?:s|ed|ing)? sought
        seek(?:s|ing)? possible potential hopes\s+(?:for|of) pede[mn]? pediu pediram pedido\s+de peticion\s+de
        apel(?:o|ou|am|aram) exig(?:e|em|iu|iram) pide[n]? pidio pidieron llamad[oa]\s+a llamamiento\s+a exigio
        exigieron possivel posible eventual appel(?:le|lent|e)?\s+a reclam(?:e|ent|ait|o|aron|ou|aram) exige(?:nt)?
        eventuel(?:le)?
    """),
    _cue("proposed", "before", 70, r"""
        call(?:s|ed|ing)?\s+on ask(?:s|ed|ing)? return\s+to restor(?:e|ing) reviv(?:e|ing) salvage salvag(?:e|ing) rescue
    """),
    _cue("proposed", "before", 90, r"""
        calls? called calling appeals? appealed appel(?:le|lent|ait|aient|e) apel(?:a|am|ou|aram) exort(?:a|am|ou|aram)
        insta(?:n)? insto instaron llam(?:a|an|o|aron) exhort(?:a|an|o|aron)
    """, name="calls"),
    _cue("proposed", "any", 35, r"""
        proposals? offers? plan initiative draft framework immediate inmediato imediato immediat propost[ao]s? plano propuesta oferta
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
        parvenir negociar negocier arracher obter obtener lograr secure
        firmaram firmou (?:mis|mises|mettre|mettent)\s+d'accord
        acuerda(?:n)? acordam pactan conviennent convient entendu(?:e|s|es)?\s+sur trouve(?:e|s)?
        decret(?:ou|aram|ad[oa]|o|aron)
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
        took\s+effect taken\s+effect tak(?:e|es|ing)\s+effect came\s+into\s+(?:force|effect)
        com(?:e|es|ing)\s+into\s+(?:force|effect) went\s+into\s+effect goes\s+into\s+effect go\s+into\s+effect took\s+hold
        tak(?:e|es|ing)\s+hold taken\s+hold in\s+force in\s+effect in\s+place em\s+vigor en\s+vigor en\s+vigueur vigente rige en\s+vigencia
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
    _cue("in_effect", "before", 30, r"""
        inici(?:o|aron|ou|aram) comenz(?:o|aron) empez(?:o|aron) comecou comecaram
    """),
    _cue("in_effect", "before", 12, r"""
        entrada\s+en\s+vigor\s+del? entrada\s+em\s+vigor\s+d[oa] entree\s+en\s+vigueur\s+d[eu] entry\s+into\s+force\s+of
        inicio\s+d[aeo]l? debut\s+d[eu]
    """, name="entry_into_force"),
    _cue("in_effect", "after", 8, r"""
        began begun started comecou comenzo a\s+commence
    """, pronoun=True),
    _cue("violated", "any", 100, r"""
        rompid[oa] (?:fue|ha\s+sido|fueron)\s+rot[oa]s?
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
        collaps(?:e|es|ed|ing) broke\s+down break(?:s|ing)?\s+down broken\s+down expired lapsed
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
        collapse\s+of breakdown\s+of end(?:s|ed|ing)?(?!\s+(?:with|in|up|by|after|following|under|once|when|as)\b) shatter(?:s|ed|ing)?
        overturn(?:s|ed|ing)? torn\s+up tore\s+up withdr(?:ew|aw|awn)\s+from pull(?:s|ed)?\s+out\s+of
        colapso\s+d[aoe] fim\s+d[ao] fin\s+de(?:l|\s+la)? ruptura\s+d[aoe] rompimento\s+d[ao]
        rompimiento\s+de(?:l|\s+la)? puso\s+fi[nm]\s+(?:a|al|ao|a\s+la) pone\s+fi[nm]\s+(?:a|al|ao|a\s+la) ponen\s+fi[nm]\s+(?:a|al|ao|a\s+la) poniendo\s+fi[nm]\s+(?:a|al|ao|a\s+la)
        pondo\s+fi[nm]\s+(?:a|al|ao|a\s+la) pos\s+fi[nm]\s+(?:a|al|ao|a\s+la) poe\s+fi[nm]\s+(?:a|al|ao|a\s+la) poem\s+fi[nm]\s+(?:a|al|ao|a\s+la)
        mis\s+fi[nm]\s+(?:a|al|ao|a\s+la) mettant\s+fi[nm]\s+(?:a|al|ao|a\s+la) met\s+fi[nm]\s+(?:a|al|ao|a\s+la) mettent\s+fi[nm]\s+(?:a|al|ao|a\s+la) rupture\s+d[eu] effondrement\s+d[eu]
    """),
    _cue("collapsed", "any", 40, r"""
        abandon(?:s|ed|ing)? scrap(?:s|ped)? terminat(?:e|es|ed|ing) called\s+off renounc(?:e|es|ed) shattered
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
        renouvel(?:e|ee|er|lement) proroge(?:e)? ampli(?:a|an|am|ar|o|ou|aron|aram|ad[oa]|acion|acao)
    """),
)
# fmt: on

# One scan per sentence finds every stem of every term and cue.
_PATTERNS: tuple[Term | Cue, ...] = (STRONG_TERM, WEAK_TERM, HALT_TERM, *CUES)
# Every stem a scan looks for, including those of a pattern that also has stemless alternatives.
STEMS = StemIndex(stem for pattern in _PATTERNS for stem in pattern.scan.stems)
# An article none of whose words can start a strong term or a halt phrase states no ceasefire.
NAMING_STEMS = StemIndex(stem for pattern in (STRONG_TERM, HALT_TERM) for stem in pattern.stems or ())


def _cues_by_stem() -> dict[str, tuple[int, ...]]:
    by_stem: dict[str, tuple[int, ...]] = {}
    for index, cue in enumerate(CUES):
        for stem in cue.stems or ():
            by_stem[stem.text] = (*by_stem.get(stem.text, ()), index)
    return by_stem


# A sentence's stems name the cues worth trying; a cue without a stem is always tried.
CUES_BY_STEM = _cues_by_stem()
ALWAYS_TRIED: tuple[int, ...] = tuple(index for index, cue in enumerate(CUES) if cue.stems is None)

# "truce talks collapsed", "the ceasefire line": the term modifies another noun, which is what
# the verb after it speaks of.
# "Protests against the deal ended": a term after one of these prepositions complements another
# noun, which is what the verb after it speaks of.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:against|over|about|contra|sobre|contre|acerca\s+de)\s+(?:the\s+|a\s+|an\s+|o\s+|a\s+|el\s+|la\s+|le\s+|l')?$",
    _FLAGS,
)
COMPOUND_HEAD = re.compile(
    r"\s+(?:talks|negotiations|proposals?|plans?|offers?|efforts|negotiators|lines?|monitors|zone|mediators|"
    r"process|framework|bid|push)\b",
    _FLAGS,
)

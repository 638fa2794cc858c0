"""The words news copy uses for casualties, in English, Portuguese, Spanish and French.

One table for all four languages: the forms hardly collide ("muertos", "mortos", "morts"),
and a mislabelled or mixed-language article still reads correctly. Everything is matched
on the lowercased sentence; multiword phrases are allowed. Each outcome phrase says where
it sits relative to the number it reports:

- POST: after the number and its noun ("32 people were killed", "36 feridos");
- PRE: a transitive verb before the number ("killed at least 68 people", "mataram 19 pessoas");
- BOTH: either ("wounded");
- NOUN_OF: a noun that takes the number as complement ("the deaths of four officers").
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

from services.extraction.keywords import keyword_scanner, trie_pattern
from services.extraction.wordlists import alternation, phrases, word_set


class Place(Enum):
    POST = "post"
    PRE = "pre"
    BOTH = "both"
    NOUN_OF = "noun_of"


# (outcome, place, phrases). Phrases are alternatives separated by "|".
_OUTCOMES: Final[list[tuple[str, Place, str]]] = [
    (
        "killed",
        Place.BOTH,
        "killed|murdered|executed|slain|massacred|assassinados|assassinadas|asesinados|asesinadas|"
        "asesinó|asesinaron|assassinou|assassinaram|tué|tuée|tués|tuées|tue|tues|abattu|abattus|fusillés|"
        # Romance verbs that may come before their subject: "murieron al menos 12 personas"
        "morreram|morreu|foram mortos|foram mortas|foram assassinados|murieron|murió|fallecieron|"
        "fueron asesinados|fueron asesinadas|perdieron la vida|perderam a vida|ont été tués|ont été tuées|"
        "sont morts|ont péri|ont trouvé la mort|"
        # a perfect with its auxiliary, before the subject: "han muerto al menos 60 personas"
        "han muerto|ha muerto|habían muerto|han fallecido|ha fallecido|han sido asesinados|han sido asesinadas|"
        "han perdido la vida|têm morrido|tinham morrido|já morreram|foram assassinadas|sont mortes|"
        # military communiqués: "eliminated two militants"
        "eliminated|eliminó|eliminaron|eliminou|eliminaram|éliminé|éliminés|"
        # executions and the jargon of military communiqués
        "ejecutados|ejecutadas|executados|executadas|exécutés|exécutées|neutralised|neutralized|neutralisé|"
        "neutralisés|neutralizados|neutralizadas|neutralizó|neutralizaron|neutralizou|neutralizaram|"
        "martyred|were martyred|embraced martyrdom|sent to hell|were sent to hell|abatieron|abatió|abatidos|"
        "abatidas|abateram|abateu|abatidos a tiros|gunned down|slaughtered|beheaded|lynched|decapitados|"
        "degollados|fusilados|fuzilados|égorgés|décapités|lynchés|calcinados",
    ),
    (
        "killed",
        Place.POST,
        "dead|died|die|dies|deaths|fatalities|perished|lost their lives|lost his life|"
        "lost her life|were among the dead|lives lost|lives|bodies|corpses|"
        "mortos|mortas|morto|morta|mortes|morreram|morreu|morrem|morriam|óbitos|perderam a vida|perdeu a vida|corpos|"
        "muertos|muertas|muerto|muerta|muertes|murieron|murió|mueren|fallecieron|falleció|fallecidos|fallecidas|"
        "perdieron la vida|perdió la vida|víctimas mortales|cuerpos|cadáveres|"
        "homicides|homicidios|homicídios|asesinatos|assassinatos|"
        "drowned|morreram afogados|morreram afogadas|afogados|afogadas|murieron ahogados|murieron ahogadas|"
        "ahogados|ahogadas|se ahogaron|noyés|noyées|se sont noyés|ont péri noyés|"
        "morts|mortes|décédés|décédées|sont morts|ont péri|péri|périssent|ont perdu la vie|perdu la vie|"
        "trouvé la mort|décès|cadavres|succumbed to their wounds|succumbed to their injuries|succumbed|"
        "died of their wounds|died of wounds|died from their injuries|ont succombé à leurs blessures|"
        "succombé à leurs blessures|ont succombé|succombé|sucumbieron a sus heridas|sucumbieron|"
        "morreram em decorrência dos ferimentos|não resistiram aos ferimentos|beaten to death|burned to death|"
        "burnt to death|stabbed to death|shot to death|hacked to death|crushed to death|found dead",
    ),
    (
        "killed",
        Place.PRE,
        "kill|kills|killing|slaying|lost|has lost|had lost|have lost|perdieron|perdió|perderam|perdeu|"
        "a perdu|ont perdu|avait perdu|claimed the lives of|claiming the lives of|cost the lives of|"
        "took the lives of|claimed|claiming|left dead|"
        "mataram|matou|matando|matam|mata|matado|han matado a|ha matado a|vitimou|vitimaram|vitimando|tirou a vida de|custou a vida de|"
        "custaram a vida de|mató|mataron|matando a|mataron a|mató a|costó la vida a|costó la vida de|"
        "cobró la vida de|se cobró la vida de|acabó con la vida de|tuant|tuent|"
        "a coûté la vie à|ont coûté la vie à|coûté la vie à",
    ),
    (
        "killed",
        Place.NOUN_OF,
        "deaths of|death of|bodies of|remains of|corpses of|the lives of|killing of|killings of|"
        "mort de|la mort de|décès de|corps de|cadavres de|la vie de|"
        "morte de|mortes de|corpos de|cadáveres de|muerte de|muertes de|cuerpos de|restos de",
    ),
    (
        "injured",
        Place.BOTH,
        "wounded|injured|blessé|blessée|blessés|blessées|resultaron heridos|resultaron heridas|"
        "resultaron lesionados|ficaram feridos|ficaram feridas|foram feridos|foram feridas|fueron heridos|"
        "fueron heridas|ont été blessés|ont été blessées|han resultado heridos|han resultado heridas|"
        "han sido heridos|han sido heridas|resultaram feridos|resultaram feridas|ont été blessées",
    ),
    (
        "injured",
        Place.POST,
        "hurt|survived with injuries|suffered injuries|sustained injuries|were left injured|"
        "feridos|feridas|ferido|ferida|ficaram feridos|ficaram feridas|heridos|heridas|herido|herida|"
        "lesionados|lesionadas|resultaron heridos|resultaron heridas|baleados|baleadas|hospitalised|"
        "hospitalized|were hospitalised|were hospitalized|treated for injuries|treated for wounds|"
        "were treated for injuries|hospitalizados|hospitalizadas|fueron hospitalizados|"
        "fueron hospitalizadas|hospitalisés|hospitalisées|foram hospitalizados",
    ),
    (
        "injured",
        Place.PRE,
        "wounding|injuring|wounds|injures|injure|wound|feriu|feriram|ferindo|"
        "hirió|hirieron|hiriendo|hiriendo a|blessant|blessent|"
        # headline present: "Ataque na Ucrânia fere 12 civis"
        "fere|ferem|hiere|hieren|blesse|"
        # the nominal object of "causó": "causó la muerte de tres y heridas a otras veintidós"
        "heridas a|heridos a|lesiones a|ferimentos a|ferimentos em|blessures à",
    ),
    (
        "missing",
        Place.POST,
        "missing|unaccounted for|desaparecidos|desaparecidas|desaparecido|desaparecida|"
        "disparus|disparues|disparu|porté disparus|portés disparus|disappeared|have disappeared|went missing|"
        "sont portés disparus",
    ),
    (
        "missing",
        Place.BOTH,
        # before the subject too: "desaparecieron 14 personas", "han desaparecido 6 jóvenes"
        "desaparecieron|han desaparecido|desapareceram|ont disparu",
    ),
    (
        "missing",
        Place.NOUN_OF,
        # the nominalised event: "se reportó la desaparición de 14 personas"
        "desaparición de|desaparecimento de|disparition de|disappearance of|disappearances of",
    ),
    ("displaced", Place.BOTH, "displaced|deslocados|deslocadas|desplazados|desplazadas|déplacés|déplacées"),
    (
        "captured",
        Place.BOTH,
        "captured|taken prisoner|taken captive|taken hostage|abducted|kidnapped|capturados|"
        "capturadas|sequestrados|secuestrados|capturés|enlevés|faits prisonniers",
    ),
    ("evacuated", Place.BOTH, "evacuated|evacuados|evacuadas|évacués|évacuées"),
]


def _outcome_table() -> dict[str, tuple[str, Place]]:
    table: dict[str, tuple[str, Place]] = {}
    for outcome, place, listed in _OUTCOMES:
        for phrase in phrases(listed):
            table.setdefault(phrase, (outcome, place))
    return table


# Every outcome phrase, and one prefix-tree pattern that finds them all in one pass (longest
# phrase first at each position): one scan per sentence instead of one per table row.
OUTCOME_OF: Final = _outcome_table()
OUTCOME_SCANNER: Final = re.compile(r"\b(?:" + trie_pattern(OUTCOME_OF) + r")(?!\w)")


def outcome_of(match: re.Match[str]) -> tuple[str, Place]:
    """The outcome and place of a phrase found by OUTCOME_SCANNER."""
    return OUTCOME_OF[" ".join(match.group().split())]


# Words that make a figure ambiguous between outcomes: "86 casualties", "86 victims".
LUMPED_HEADS: Final = word_set("casualties casualty bajas baixas pertes")

# One fast scan (over the lowercased text) decides whether a sentence could hold a casualty figure.
CASUALTY_KEYWORDS: Final = keyword_scanner(phrase for _, _, listed in _OUTCOMES for phrase in phrases(listed))

# (name, pattern, endings): a qualifier ends the text before a number, so the text, stripped
# of trailing whitespace, must end with the last word of one of its phrases; `endswith` on
# those words spares most pattern searches.
QUALIFIERS: Final[list[tuple[str, re.Pattern[str], tuple[str, ...]]]] = [
    (
        name,
        re.compile(rf"(?<!\w)(?:{alternation(*phrases(listed))})\s*$"),
        tuple({phrase.split()[-1] for phrase in phrases(listed)}),
    )
    for name, listed in [
        (
            "at_least",
            "at least|more than|over|upwards of|no fewer than|no less than|in excess of|a minimum of|"
            "at least another|at least a further|more than a|"
            "pelo menos|ao menos|no mínimo|mais de|al menos|por lo menos|como mínimo|más de|"
            # the personal "a" of a verb's object after the qualifier: "mataron al menos a 104 personas"
            "al menos a|por lo menos a|como mínimo a|"
            "au moins|plus de|plus d'|plus d’|pas moins de|pas moins d'|au minimum|"
            # a toll that passed a mark: "climbed past 68,000", "supera los 200", "dépasse les 150"
            "climbed past|rose past|risen past|surpassed|surpasses|exceeded|exceeds|topped|passed the|"
            "supera|supera los|supera las|superó|superó los|superó las|sobrepasa|sobrepasa los|ultrapassou|"
            "ultrapassou os|ultrapassa|ultrapassa os|superou|superou os|supera os|dépasse|dépasse les|"
            "a dépassé|a dépassé les|dépassé les",
        ),
        (
            "approximately",
            "about|around|nearly|almost|some|roughly|approximately|an estimated|estimated|close to|"
            "just over|just under|cerca de|quase|aproximadamente|perto de|por volta de|uns|umas|casi|unos|unas|"
            "alrededor de|cerca de|près de|près d'|près d’|environ|quelque|presque|approximativement|une quarantaine de",
        ),
        (
            "at_most",
            "up to|fewer than|less than|no more than|at most|as many as|até|menos de|no máximo|"
            "hasta|como máximo|jusqu'à|jusqu’à|moins de|moins d'|moins d’|au plus|au maximum",
        ),
    ]
]

# "including two children", "among them 326 fighters", "dont trois Casques bleus".
SUBGROUP_CUE: Final = re.compile(
    r"(?<!\w)(?:"
    + alternation(
        *phrases(
            "including|among them|among whom|of whom|among the dead are|among the dead were|among the dead was|"
            "among the dead is|among those killed were|among those killed are|among the victims were|"
            "among the victims are|among the wounded were|among the wounded are|among the injured were|"
            "among the injured are|of them|of those|most of them|"
            "dont|parmi eux|parmi elles|parmi lesquels|parmi lesquelles|parmi les morts|parmi les victimes|"
            "parmi les blessés|y compris|incluindo|inclusive|entre eles|entre elas|entre os quais|entre as quais|"
            "entre os mortos|entre as vítimas|entre os feridos|dos quais|das quais|entre ellos|entre ellas|"
            "entre los cuales|entre las cuales|entre los muertos|entre las víctimas|entre los heridos|"
            "incluidos|incluidas|incluyendo|de los cuales|de las cuales|included|include|includes|"
            "the dead included|the dead include|those killed included|those killed include|the victims included|"
            "the wounded included|the injured included|the dead includes|"
            "les morts comprennent|os mortos incluem|entre los fallecidos|entre as vítimas mortais|"
            "entre las víctimas mortales|entre los fallecidos|entre os feridos|entre los lesionados|"
            "parmi les tués|among those who died|among those wounded|among those injured|"
            "among those who lost their lives|among those who were killed|among those who were wounded|"
            "among those who were injured|entre los que murieron|entre os que morreram|parmi ceux qui sont morts|"
            "of the dead|of those killed|of the victims|of the wounded|of the injured|dos mortos|das vítimas|"
            "dos feridos|de los muertos|de los fallecidos|de las víctimas|de los heridos|des morts|des victimes|"
            "des blessés"
        )
    )
    + r")\s*(?:(?:were|are|was|is|at least|more than|about|some|nearly|around|up to|pelo menos|al menos|"
    r"au moins|cerca de|près de|unos|unas|estão|estavam|há|havia|están|estaban|hay|había|figurent|figuraient|"
    r"sont|se trouvent|comptent|on compte|se cuentan|figuran|figuram|se encuentran|se encontram|,)\s*)*$"
)

# Words that end the stretch of text in which an outcome can still refer back to a number.
BLOCKERS: Final = word_set(
    "said says told according reported announced added stated estimated confirmed noted claimed while whereas "
    "but although though ; : disse afirmou informou segundo dijo afirmó informó según señaló indicó mientras "
    "pero aunque mas porém contudo dit affirmé selon indiqué tandis mais"
)

# Single words that glue list members; multiword glue ("as well as", "ainsi que") is matched in attachment.py.
CONNECTORS: Final = word_set(", and & plus e y et")

DETERMINERS: Final = word_set(
    "the those these its their them whom own his her our the of de d' d’ os as los las les des do da dos das del "
    "seus suas sus ses leurs eux ellos elas elles ellas entre"
)

COPULAS: Final = word_set("were was are is eram era foram eran fueron era étaient était sont")

INHERIT_HEADS: Final = word_set("others other more further additional otros otras outros outras autres demais")

CORRECTION_BEFORE: Final = re.compile(
    r"(?:(?:earlier|previous|initial|prior|first|preliminary) (?:death )?(?:figure|toll|count|tally|estimate|"
    r"report)s? of|up from|down from|from an earlier|from a previous|revised (?:up|down)?\s*from|"
    r"frente a los|ante(?:s|riormente)? de|contra os|contre|"
    # "revised the toll down to 52, from the 80 reported initially": the superseded figure
    r"to [\d.,]+,? from(?: the| an?)?)\s*$"
)

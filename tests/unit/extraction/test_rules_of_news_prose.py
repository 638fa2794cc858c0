"""General rules of news prose, each tested with sentences of my own wording in several languages.

None of these sentences comes from an evaluation set. Ceasefire cases expect the set of
(status, background) pairs the text states; casualty cases the (outcome, count) pairs.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.extractor import extract
from services.extraction.text.sentences import split_sentences
from tests.unit.extraction.casualty_helpers import pairs, read

Expected = set[tuple[str, bool]]

# A negation before a cue denies it, in every language: "not respected" is a violation, a
# negated violation states nothing, a negated agreement is still only proposed.
NEGATIONS: list[tuple[str, str, Expected]] = [
    ("de", "Die Feuerpause wurde am Wochenende nicht eingehalten.", {("violated", False)}),
    ("de", "Die Waffenruhe sei in der Nacht nicht gebrochen worden, sagte ein Armeesprecher.", set()),
    ("de", "Auf eine Waffenruhe haben sich die Parteien bislang nicht geeinigt.", {("proposed", False)}),
    ("en", "The truce in the north has not been respected by either militia.", {("violated", False)}),
    ("es", "La tregua no fue respetada por las milicias del norte.", {("violated", False)}),
    ("fr", "La trêve n'a pas été respectée par les milices du nord.", {("violated", False)}),
    ("pt", "A trégua não foi respeitada pelas milícias do norte.", {("violated", False)}),
]

# Announcing, settling on or striving for a truce, in German as in the other languages.
GERMAN_STATEMENTS: list[tuple[str, str, Expected]] = [
    ("de", "Der Präsident kündigte am Samstag eine dreitägige Feuerpause an.", {("agreed", False)}),
    ("de", "Die Regierung hat eine Waffenruhe für die Feiertage angekündigt.", {("agreed", False)}),
    ("de", "Armee und Miliz verständigten sich in der Nacht auf eine Waffenruhe.", {("agreed", False)}),
    # "kündigte an, …" announces what follows the comma, not a truce
    ("de", "Die Miliz kündigte an, trotz der Feuerpause weiterzukämpfen.", {("violated", False)}),
    ("de", "Die Nachbarstaaten bemühen sich seit Wochen um eine Feuerpause.", {("proposed", False)}),
    ("de", "Diplomaten ringen in Genf um eine Waffenruhe für die Region.", {("proposed", False)}),
    ("de", "Die Waffenruhe im Süden scheint zu halten.", {("in_effect", False)}),
    # the negation after the finite verb
    ("de", "Die Feuerpause hielt am Wochenende nicht.", {("violated", False)}),
    ("de", "Die Waffenruhe hält, teilte die Armee mit.", {("in_effect", False)}),
    # "since the truce began": it is in effect; "before it began" says nothing of today
    ("de", "Seit Beginn der Feuerpause sind Hunderte Familien zurückgekehrt.", {("in_effect", False)}),
    ("de", "Seit dem Inkrafttreten der Waffenruhe ist es in der Stadt ruhig.", {("in_effect", False)}),
    ("de", "Noch kurz vor Beginn der Waffenruhe wurde die Stadt beschossen.", set()),
]


# A cue after "whether", "if", "ob", "falls" is a condition, not a statement (ceasefire.conditions).
CONDITIONS: list[tuple[str, str, Expected]] = [
    ("de", "Ob die Feuerpause hält, ist unklar.", set()),
    ("de", "Falls die Waffenruhe eingehalten wird, sollen Hilfskonvois starten.", set()),
    ("en", "Whether the truce is respected will decide the fate of the talks.", set()),
    ("es", "Si la tregua se mantiene, los desplazados podrán regresar.", set()),
]

# A truce's terms that were to be met ("were supposed to", "debían", "sollten") are not a truce
# in effect; a date still to come ("deverá entrar em vigor") is an agreement.
TERMS_STILL_TO_COME: list[tuple[str, str, Expected]] = [
    ("en", "Under the accord, both armies were supposed to pull back five kilometres.", set()),
    ("es", "Según el acuerdo, las tropas debían retirarse de la frontera. La tregua fue violada.", {("violated", False)}),
    ("de", "Im Rahmen der Vereinbarung sollten beide Seiten ihre Truppen abziehen. Die Waffenruhe hielt nicht.", {("violated", False)}),
    ("pt", "O cessar-fogo deverá entrar em vigor na sexta-feira à meia-noite.", {("agreed", False)}),
    ("es", "El alto el fuego deberá entrar en vigor el domingo a las 8.", {("agreed", False)}),
    ("fr", "Le cessez-le-feu devrait entrer en vigueur lundi à minuit.", {("agreed", False)}),
    # present terms applied every day still describe a truce in effect
    ("en", "The truce began on Sunday. Under the deal, 200 trucks are supposed to cross every day.", {("in_effect", False)}),
]

# German closes a clause on its proposal; negated talks propose nothing; a truce after "despite"
# is that word's object, not the object of a cue before it.
PROPOSALS_AND_DESPITE: list[tuple[str, str, Expected]] = [
    ("de", "Die Miliz hatte am Montag eine dreitägige Waffenruhe angeboten.", {("proposed", False)}),
    ("de", "Die Regierung hat eine Feuerpause für die Erntezeit vorgeschlagen.", {("proposed", False)}),
    ("pt", "O encontro serve para acalmar os ânimos, e não para negociar qualquer cessar-fogo.", set()),
    ("en", "The summit will not negotiate a ceasefire, diplomats said.", set()),
    ("es", "La noticia llegó horas después de que, pese a la tregua, milicianos atacaran un cuartel.", {("violated", False)}),
    ("en", "The statement came a day after, despite the truce, gunmen attacked a checkpoint.", {("violated", False)}),
    # an agreement whose own term stands before "despite" still counts
    ("en", "The rebels announced a truce on Monday despite heavy shelling.", {("agreed", False)}),
]

# Wire copy: a dateline's own year dates the story, not an earlier truce; "that year" dates one;
# verb forms a truce is asked for, violated or in force with.
WIRE_COPY_AND_VERB_FORMS: list[tuple[str, str, Expected]] = [
    ("pt", "Maputo, 12 mar 2023 (Lusa) – A trégua no norte foi prorrogada por mais um mês.", {("extended", False)}),
    ("fr", "BAMAKO, 3 juin 2024 (AFP) - La trêve conclue à Alger a été violée dimanche.", {("agreed", False), ("violated", False)}),
    ("en", "A truce was signed that year but never respected.", {("agreed", True), ("violated", True)}),
    ("pt", "Um cessar-fogo assinado nesse ano nunca foi respeitado.", {("agreed", True), ("violated", True)}),
    ("pt", "O bispo voltou a pedir um cessar-fogo imediato em Cabo Delgado.", {("proposed", False)}),
    ("pt", "A polícia acusou os rebeldes de violarem a trégua durante a noite.", {("violated", False)}),
    ("pt", "O ataque ocorreu numa altura em que vigora um cessar-fogo entre as partes.", {("in_effect", False)}),
    ("es", "El ataque ocurrió cuando rige un alto el fuego entre las partes.", {("in_effect", False)}),
    # ", anunciou a Presidência": a reporting verb and its speaker, not the announcement of a deal
    (
        "pt",
        "A trégua entrou em vigor. A cimeira foi adiada por falta de acordo, anunciou a Presidência angolana.",
        {("in_effect", False)},
    ),
]

# German word order: the verb before its truce ("gilt … eine Waffenruhe"), the participle after it
# ("gefordert", "gehalten"); "seit" a date dates a truce still running; "zwei weitere Tage" counts no people.
GERMAN_WORD_ORDER: list[tuple[str, str, Expected]] = [
    ("de", "In der Provinz gilt seit den Überschwemmungen im Frühjahr offiziell eine Feuerpause.", {("in_effect", False)}),
    ("de", "Die Zusage gilt als Bedingung für eine Waffenruhe.", set()),
    ("de", "Der Außenminister hat eine sofortige Feuerpause von 72 Stunden gefordert.", {("proposed", False)}),
    ("de", "Die Waffenruhe hat seit Sonntag weitgehend gehalten.", {("in_effect", False)}),
    ("de", "Die Feuerpause ist um drei weitere Tage verlängert worden.", {("extended", False)}),
    ("de", "Zwischen den Milizen gilt seit dem 3. Februar 2024 eine Waffenruhe.", {("in_effect", False)}),
    # (held only two days: it collapsed, in 2019 — background)
    ("de", "Eine Feuerpause im Mai 2019 hatte nur zwei Tage gehalten.", {("collapsed", True)}),
    # a present auxiliary far before its participle is today's news, whatever year the truce was signed
    (
        "de",
        "Die 2020 vereinbarte Waffenruhe ist nach Ansicht vieler Diplomaten inzwischen zusammengebrochen.",
        {("agreed", True), ("collapsed", False)},
    ),
    ("de", "Die Milizen schlossen in der Nacht einen Waffenstillstand.", {("agreed", False)}),
    ("de", "Die Feuerpause wurde nach dem Anschlag ausgesetzt.", {("collapsed", False)}),
    ("de", "Unterhändler verhandeln in Kairo über eine Waffenruhe.", {("proposed", False)}),
    ("de", "Nach Ablauf der Feuerpause flammten die Kämpfe wieder auf.", {("collapsed", False)}),
    ("de", "Kurz vor Ablauf der Feuerpause wurden Geiseln übergeben.", set()),
    # a separable verb split by its adverbials
    ("de", "Die Feuerpause brach am frühen Sonntagmorgen zusammen.", {("collapsed", False)}),
]

# Efforts to save a truce propose one; a commitment to respect it agrees to it; idioms of a truce
# blown apart or on a knife's edge; a negated proposal proposes nothing.
EFFORTS_AND_IDIOMS: list[tuple[str, str, Expected]] = [
    ("en", "Envoys were scrambling to salvage the truce on Sunday.", {("proposed", False)}),
    ("fr", "Les émissaires tentent de sauver la trêve à Doha.", {("proposed", False)}),
    ("es", "Los enviados intentan salvar la tregua en Doha.", {("proposed", False)}),
    ("pt", "Os enviados tentam salvar a trégua em Doha.", {("proposed", False)}),
    ("de", "Die Gesandten versuchen in Doha, die Feuerpause zu retten.", {("proposed", False)}),
    ("fr", "Les milices se sont engagées à respecter la trêve.", {("agreed", False)}),
    ("es", "Las milicias se comprometieron a respetar la tregua.", {("agreed", False)}),
    ("pt", "As milícias comprometeram-se a respeitar a trégua.", {("agreed", False)}),
    ("de", "Beide Milizen bekannten sich am Montag zur Feuerpause.", {("agreed", False)}),
    ("es", "La tregua saltó por los aires tras el bombardeo.", {("collapsed", False)}),
    ("de", "Die Feuerpause im Norden steht auf der Kippe.", {("in_effect", False)}),
    ("en", "The rivals accused each other of undermining the truce.", {("violated", False)}),
    ("es", "La ONU presiona a las milicias para que acepten una tregua navideña.", {("proposed", False)}),
    ("pt", "A ONU pressiona as milícias a aceitarem uma trégua de Natal.", {("proposed", False)}),
    ("en", "No truce proposals were discussed at the summit.", set()),
    # a participle after a comma tells the past, not a date still to come
    ("fr", "La trêve, entrée en vigueur lundi, est globalement respectée.", {("in_effect", False)}),
]

CEASEFIRE_RULES = GERMAN_WORD_ORDER + EFFORTS_AND_IDIOMS + (
    NEGATIONS + GERMAN_STATEMENTS + CONDITIONS + TERMS_STILL_TO_COME + PROPOSALS_AND_DESPITE + WIRE_COPY_AND_VERB_FORMS
)


@pytest.mark.parametrize(("language", "text", "expected"), CEASEFIRE_RULES, ids=[c[1][:60] for c in CEASEFIRE_RULES])
def test_ceasefire_rule(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(s.status, s.background) for s in statements} == expected


# A verb before its number may be separated from it by an attribution ("according to …"), or
# stand first with a copula between ("Getötet wurden 4 Soldaten").
VERB_ATTRIBUTION_NUMBER: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("de", "Bei dem Unglück starben nach Angaben der Feuerwehr 6 Menschen, darunter zwei Kinder.", [("killed", 6), ("killed", 2)]),
    ("de", "In dem Dorf starben laut Augenzeugen mindestens 11 Menschen.", [("killed", 11)]),
    ("de", "Verletzt wurden nach Angaben des Roten Kreuzes 23 Menschen.", [("injured", 23)]),
    ("de", "Zwei Kinder starben, verletzt wurden 9 weitere Menschen.", [("killed", 2), ("injured", 9)]),
    ("en", "The shelling killed, according to the regional governor, at least 7 people.", [("killed", 7)]),
    ("es", "Murieron, según el hospital de la ciudad, al menos 13 personas.", [("killed", 13)]),
    ("fr", "Ont été blessées, selon les secours, 17 personnes.", [("injured", 17)]),
    # the attribution's own number is not counted
    ("de", "Dabei starben laut Polizei 2024 nach dem Krieg viele Menschen.", []),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"), VERB_ATTRIBUTION_NUMBER, ids=[c[1][:60] for c in VERB_ATTRIBUTION_NUMBER]
)
def test_a_verb_reaches_its_number_over_an_attribution(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected


# Injuries told as what people suffered, and a modal perfect in Portuguese ("podem ter morrido").
SUFFERED_AND_MODAL: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("en", "Eight passers-by suffered gunshot wounds in the exchange of fire.", [("injured", 8)]),
    ("de", "Sieben Bewohner erlitten Brandverletzungen, als das Haus Feuer fing.", [("injured", 7)]),
    ("de", "Fünfzehn Schüler erlitten leichte Verletzungen.", [("injured", 15)]),
    ("pt", "Nove agentes sofreram ferimentos durante a operação.", [("injured", 9)]),
    ("fr", "Onze manifestants ont subi des blessures lors de la dispersion.", [("injured", 11)]),
    ("pt", "Pelo menos 40 garimpeiros podem ter morrido no desabamento da mina.", [("killed", 40)]),
    ("pt", "Cerca de 25 pescadores teriam morrido no naufrágio.", [("killed", 25)]),
]

# "among the wounded taken to hospital were …": a phrase about the people between the cue and its verb.
QUALIFIED_SUBGROUPS: list[tuple[str, str, list[tuple[str, int]]]] = [
    (
        "en",
        "A car bomb wounded 30 people. Among the wounded flown to Baghdad were 6 policemen and two children.",
        [("injured", 30), ("injured", 6), ("injured", 2)],
    ),
    ("es", "Entre los heridos atendidos en el hospital de Cúcuta figuran 4 menores.", [("injured", 4)]),
    ("fr", "Parmi les blessés évacués vers Bunia figurent 5 casques bleus.", [("injured", 5)]),
    ("pt", "Entre os feridos transferidos para Maputo estão 3 jornalistas.", [("injured", 3)]),
    ("de", "Unter den Verletzten in der Klinik von Sumy sind 4 Kinder.", [("injured", 4)]),
]

# An article of the sentence's language is not another language's outcome word ("die" in German).
ARTICLE_COLLISIONS: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("de", "Die Armee hat drei Dörfer um die Stadt geräumt.", []),
    # people who fled are displaced (test_people_who_fled.py); "die" kills no one
    ("de", "Rund 5.000 Menschen flohen über die Grenze nach Polen.", [("displaced", 5000)]),
    ("de", "Beide Länder führten zwei Kriege um die Provinz.", []),
    # English "die" still counts
    ("en", "At least 14 migrants die as boat capsizes off Libya.", [("killed", 14)]),
]

# A short outcome word selects its sentence too ("a tué"); a day between a verb and its number;
# "unter den Todesopfern"; a toll naming its group ("el número de civiles muertos").
SHORT_WORDS_AND_DAYS: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("fr", "Le bombardement a tué 14 personnes près de Kherson.", [("killed", 14)]),
    ("fr", "Les tirs ont tué dimanche 6 bergers.", [("killed", 6)]),
    ("es", "Los sicarios asesinaron el sábado a 5 personas.", [("killed", 5)]),
    ("pt", "Os ataques mataram ontem 11 pessoas em Pemba.", [("killed", 11)]),
    ("de", "Unter den Todesopfern seien 3 Kinder.", [("killed", 3)]),
    ("es", "La ONG elevó a 210 el número de civiles muertos en la ciudad.", [("killed", 210)]),
    ("de", "Das Ministerium bestätigte den Tod von 7 Polizisten.", [("killed", 7)]),
    ("de", "Das Erdbeben hat mindestens 90 Menschenleben gefordert.", [("killed", 90)]),
    ("de", "Russische Drohnen töteten am Samstag 4 Menschen in Charkiw.", [("killed", 4)]),
]

ALL_FIGURES = SUFFERED_AND_MODAL + QUALIFIED_SUBGROUPS + ARTICLE_COLLISIONS + SHORT_WORDS_AND_DAYS


@pytest.mark.parametrize(("language", "text", "expected"), ALL_FIGURES, ids=[c[1][:60] for c in ALL_FIGURES])
def test_figure_rule(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"), SHORT_WORDS_AND_DAYS, ids=[c[1][:60] for c in SHORT_WORDS_AND_DAYS]
)
def test_the_keyword_gate_picks_the_sentence(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    """Through the whole extractor, whose keyword gate picks the sentences worth reading."""
    found = extract(text, language=language)
    assert [(f.outcome, f.count) for f in found.casualties if not f.background] == expected


# A dated episode over two weeks old is context, unless the date opens the report's own period; a
# relative past later in the figure's own clause dates it too.
DATED: list[tuple[str, str, str, list[tuple[int, bool]]]] = [
    ("en", "2025-03-20T10:00:00Z", "The floods on 1 March killed 19 people in the valley.", [(19, True)]),
    ("en", "2025-03-20T10:00:00Z", "In the week of 3 March, 19 people were killed in the valley.", [(19, False)]),
    ("es", "2025-03-20T10:00:00Z", "El 2 de marzo, 11 personas fueron asesinadas en un bar.", [(11, True)]),
    ("de", "2025-03-20T10:00:00Z", "Am 2. März waren bei einem Anschlag 9 Menschen ums Leben gekommen.", [(9, True)]),
    ("en", "2025-03-20T10:00:00Z", "Heavy rains killed 4 people on Tuesday.", [(4, False)]),
    (
        "en",
        "2025-03-20T10:00:00Z",
        "More than 900 people were killed in cartel violence across the state last year.",
        [(900, True)],
    ),
    # "damals", the event that triggered a war, "that war" after the figure, a month of this year
    ("de", "2025-03-20T10:00:00Z", "Damals waren nach Angaben der Regierung 4.100 Menschen getötet worden.", [(4100, True)]),
    ("en", "2025-03-20T10:00:00Z", "The raid that sparked the war killed about 700 people, officials say.", [(700, True)]),
    ("es", "2025-03-20T10:00:00Z", "El atentado que desató la guerra dejó 300 muertos.", [(300, True)]),
    ("en", "2025-03-20T10:00:00Z", "Historians say up to 90,000 people died in that war over two years.", [(90000, True)]),
    ("en", "2025-12-20T10:00:00Z", "Clashes in the valley in March 2025 killed at least 45 people.", [(45, True)]),
    ("en", "2025-12-20T10:00:00Z", "Clashes in the valley in December 2025 killed at least 45 people.", [(45, False)]),
    (
        "fr",
        "2025-03-20T10:00:00Z",
        "C'est l'attaque la plus meurtrière depuis mai 2024, lorsqu'un tir de roquette avait fait 21 morts.",
        [(21, True)],
    ),
    # a bare year that far after the figure names something else
    ("de", "2025-03-20T10:00:00Z", "Unter den Toten sind 3 Mitglieder der damals gegründeten Wahrheitskommission von 2019.", [(3, False)]),
]


@pytest.mark.parametrize(("language", "published", "text", "expected"), DATED, ids=[c[2][:60] for c in DATED])
def test_dated_figures(language: str, published: str, text: str, expected: list[tuple[int, bool]]) -> None:
    when = datetime.fromisoformat(published)
    assert [(f.count, f.background) for f in read(text, language, when)] == expected

"""Ways French, Spanish and Portuguese news tell deaths and wounds that the lexicon lacked (each
a construction, in every language where it exists; `outcomes.*` in lang/fr|es|pt.yaml):

- "massacred": "massacrés", "masacrados", "massacrados" (a participle after its people, or a verb);
- a collective in the singular: "une vingtaine a perdu la vie" ("a perdu" alone is a verb before
  its number, "l'armée a perdu 12 hommes", and took the phrase);
- what a riposte achieved, told as an infinitive: "a permis de neutraliser 30 assaillants";
- a death caused to its victims: "se han cobrado la vida de", "dieron muerte a", "provocou a morte a";
- the Portuguese personal infinitive: "após os rebeldes matarem quatro civis", "viu nove perderem a vida";
- a compound perfect whose auxiliary a verb before it shares: "habían disparado … e herido a tres".

Look-alikes: the same verbs with a count of things, and a plan in the infinitive. Sentences of
my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("fr", "Selon des témoins, onze villageois ont été massacrés à l'aube par des hommes armés.", [("killed", 11)]),
    ("es", "La fiscalía confirmó que nueve jornaleros fueron masacrados en un rancho de la sierra.", [("killed", 9)]),
    ("pt", "Pelo menos 14 camponeses foram massacrados num ataque à aldeia, disseram fontes locais.", [("killed", 14)]),
    ("fr", "Sur les 40 soldats du poste, une quinzaine a perdu la vie dans l'assaut.", [("killed", 15)]),
    ("fr", "L'intervention des hélicoptères a permis de neutraliser une dizaine de terroristes.", [("killed", 10)]),
    ("fr", "La contre-attaque a permis d'éliminer 25 jihadistes, selon l'état-major.", [("killed", 25)]),
    ("es", "Las inundaciones se han cobrado la vida de 41 personas en la provincia.", [("killed", 41)]),
    ("es", "Un comando armado dio muerte a cinco jóvenes frente a una tienda.", [("killed", 5)]),
    ("pt", "O bombardeamento provocou a morte a sete pessoas e destruiu uma escola.", [("killed", 7)]),
    ("pt", "A população fugiu depois de os insurgentes matarem seis pescadores na praia.", [("killed", 6)]),
    ("pt", "Os socorristas viram outras oito pessoas perderem a vida no incêndio.", [("killed", 8)]),
    ("es", "Los pistoleros habían atacado la comisaría e herido a cuatro agentes antes de huir.", [("injured", 4)]),
    # look-alikes: things counted, a plan not carried out
    ("fr", "Les soldats ont massacré 30 têtes de bétail, selon les éleveurs.", []),
    ("es", "Los atacantes incendiaron tres camionetas y 12 casas.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_romance_death_phrasings(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected

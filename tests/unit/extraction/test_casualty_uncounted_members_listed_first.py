"""A part of a toll listed after members without a number: "among the dead were patients,
relatives and two nurses".

News names who was among the dead or the missing as a list, often with the uncounted members
first: "Unter den Toten seien Patienten und zwei Krankenschwestern", "entre os mortos estão
pacientes, familiares e dois enfermeiros". The cue ("among the dead", "unter den Toten") still
governs the counted member at the end. The missing are listed the same way ("among the missing
are two girls", "entre los desaparecidos hay dos niñas"). A written number is never an uncounted
member: "including six children and two women, and wounded 27" lists two counted members, and
the wounded belong to the next clause.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]
LEAD = {
    "en": "Shells hit the clinic, killing 20 people. ",
    "es": "Los proyectiles alcanzaron la clínica y mataron a 20 personas. ",
    "fr": "Des obus ont frappé la clinique, tuant 20 personnes. ",
    "pt": "Os projéteis atingiram a clínica e mataram 20 pessoas. ",
    "de": "Granaten trafen die Klinik und töteten 20 Menschen. ",
}

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", LEAD["en"] + "Among the dead were patients, visitors and three doctors.",
     [("killed", 20, "exact", None), ("killed", 3, "exact", None)]),
    ("es", LEAD["es"] + "Entre los muertos hay pacientes, visitantes y tres médicos.",
     [("killed", 20, "exact", None), ("killed", 3, "exact", None)]),
    ("fr", LEAD["fr"] + "Parmi les morts figurent des patients et trois médecins.",
     [("killed", 20, "exact", None), ("killed", 3, "exact", None)]),
    ("pt", LEAD["pt"] + "Entre os mortos estão pacientes, visitantes e três médicos.",
     [("killed", 20, "exact", None), ("killed", 3, "exact", None)]),
    ("de", LEAD["de"] + "Unter den Toten seien Patienten und drei Ärzte.",
     [("killed", 20, "exact", None), ("killed", 3, "exact", None)]),
    # a part of the missing
    ("en", "Ten villagers remain missing. Among the missing are at least three boys.",
     [("missing", 10, "exact", None), ("missing", 3, "at_least", "children")]),
    ("es", "Diez aldeanos siguen desaparecidos. Entre los desaparecidos hay tres niños.",
     [("missing", 10, "exact", None), ("missing", 3, "exact", "children")]),
    ("pt", "Dez moradores continuam desaparecidos. Entre os desaparecidos estão três crianças.",
     [("missing", 10, "exact", None), ("missing", 3, "exact", "children")]),
    ("de", "Zehn Dorfbewohner werden vermisst. Unter den Vermissten sind drei Kinder.",
     [("missing", 10, "exact", None), ("missing", 3, "exact", "children")]),
    # look-alike: counted members, then the next clause's outcome
    ("en", "The raid killed 15 people, including four children and three women, and wounded 22 others.",
     [("killed", 15, "exact", None), ("killed", 4, "exact", "children"), ("killed", 3, "exact", "women"),
      ("injured", 22, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][-60:] for case in CASES])
def test_a_counted_member_after_uncounted_ones(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected

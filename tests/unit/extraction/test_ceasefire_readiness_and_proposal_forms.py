"""A party ready for a truce offers one, and a proposal or talks told in any tense propose one.

- Readiness with the truce for its object is `proposed`: "Ukraine is ready for a full 30-day
  ceasefire", "prête à un cessez-le-feu", "lista para un cese al fuego", "pronta para um
  cessar-fogo", "bereit zu einer Waffenruhe" and, verb-final, "zu einer Waffenruhe bereit"
  (lexicon `ceasefire.cues.ready`, `ready_after`; `ceasefire/readiness.py`). Readiness for
  something else, with the truce only in a condition after it, offers nothing; readiness to keep
  to the existing truce proposes none (as a call to keep to it does, `keeping.py`).
- Proposal verbs in the infinitive ("volvió a proponer", "voltou a propor", "veut proposer"),
  talks in the present ("négocient", "negociam") and the German separable present ("schlägt …
  vor", its particle closing the clause) propose a truce (lexicon `proposal_verb`, `talks`);
  "vor Ort" is no particle.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, str, set[str]]] = [
    ("en", "The foreign minister said his country remained ready for a full 30-day ceasefire along the river.", {"proposed"}),
    ("en", "The rebels say they are willing to accept an immediate and unconditional truce.", {"proposed"}),
    ("fr", "Le ministre a assuré que son pays était prêt à un cessez-le-feu de trente jours le long du fleuve.", {"proposed"}),
    ("es", "El ministro aseguró que su país está dispuesto a un alto el fuego de treinta días a lo largo del río.", {"proposed"}),
    ("pt", "O ministro garantiu que o seu país está pronto para um cessar-fogo de trinta dias ao longo do rio.", {"proposed"}),
    ("de", "Der Minister versicherte, sein Land sei zu einer dreißigtägigen Waffenruhe entlang des Flusses bereit.", {"proposed"}),
    ("de", "Die Rebellen erklärten sich bereit zu einer sofortigen Feuerpause.", {"proposed"}),
    # look-alikes: readiness for something else, the truce only in a condition; readiness to keep the truce
    ("en", "The army said it was ready for an offensive if the truce collapses.", set()),
    ("pt", "O exército está pronto para retomar a ofensiva se a trégua fracassar.", set()),
    ("fr", "Le gouvernement s'est dit prêt à respecter le cessez-le-feu.", set()),
    ("de", "Die Armee sei bereit, die Waffenruhe einzuhalten.", set()),
    # proposals and talks in every tense
    ("es", "El Kremlin volvió a proponer una tregua de tres días en la región.", {"proposed"}),
    ("pt", "O Kremlin voltou a propor uma trégua de três dias na região.", {"proposed"}),
    ("fr", "Le Kremlin veut proposer une trêve de trois jours dans la région.", {"proposed"}),
    ("fr", "Les deux camps négocient un cessez-le-feu dans la capitale voisine.", {"proposed"}),
    ("pt", "Os dois lados negociam um cessar-fogo na capital vizinha.", {"proposed"}),
    ("de", "Der Kreml schlägt eine dreitägige Waffenruhe in der Region vor.", {"proposed"}),
    # look-alikes: "négocié" is the participle of an agreed truce; "vor Ort" is no particle
    ("fr", "Le cessez-le-feu négocié par le Qatar est entré en vigueur lundi.", {"agreed", "in_effect"}),
    ("de", "Die Truppen schlagen den Angriff zurück, die Waffenruhe gilt vor Ort nicht mehr.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_readiness_and_proposals_in_any_tense_propose_a_truce(language: str, text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {statement.status for statement in statements if not statement.background} == expected

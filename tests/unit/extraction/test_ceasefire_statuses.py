"""Ceasefire statuses read from news phrasing in English, Portuguese, Spanish and French.

Each case is a short article of my own wording in the style of wire copy; the expected value
is the set of (status, background) pairs the article states. An empty set means the
article mentions a ceasefire (or something like one) without stating a status.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    # --- English ------------------------------------------------------------------------
    (
        "en",
        "The warring parties agreed to a 72-hour truce late on Thursday, the foreign ministry said.",
        {("agreed", False)},
    ),
    (
        "en",
        "Government and rebel negotiators signed a ceasefire agreement in Addis Ababa on Monday.",
        {("agreed", False)},
    ),
    ("en", "The junta declared a unilateral ceasefire on Sunday to allow relief operations.", {("agreed", False)}),
    (
        "en",
        "A truce brokered by Turkey between the two militias came into effect at noon.",
        {("agreed", False), ("in_effect", False)},
    ),
    (
        "en",
        "The ceasefire went into effect at dawn and the front lines were quiet by mid-morning.",
        {("in_effect", False)},
    ),
    ("en", "Residents said the truce was largely holding on its second day.", {("in_effect", False)}),
    ("en", "The ceasefire is due to take effect at midnight, the mediators said.", {("agreed", False)}),
    (
        "en",
        "Rebels violated the ceasefire within hours by shelling army positions, the military said.",
        {("violated", False)},
    ),
    ("en", "Both sides accused each other of breaching the truce on Tuesday.", {("violated", False)}),
    (
        "en",
        "Despite the ceasefire, artillery fire was heard overnight on the outskirts of the town.",
        {("violated", False)},
    ),
    ("en", "The ceasefire broke down on Wednesday as heavy clashes erupted in the north.", {("collapsed", False)}),
    ("en", "The rebels said they had abandoned the truce after a government air strike.", {("collapsed", False)}),
    ("en", "The truce expired at midnight without any agreement on a renewal.", {("collapsed", False)}),
    ("en", "The two sides agreed on Friday to extend the ceasefire by another 30 days.", {("extended", False)}),
    ("en", "The ceasefire was extended until the end of the month, the UN envoy said.", {("extended", False)}),
    ("en", "The UN secretary-general called for an immediate ceasefire in the region.", {("proposed", False)}),
    ("en", "Egypt has offered a three-phase truce proposal to both sides.", {("proposed", False)}),
    ("en", "Talks on a ceasefire are continuing in Cairo, officials said.", {("proposed", False)}),
    ("en", "The militia leader rejected a proposal for a nationwide ceasefire.", {("proposed", False)}),
    ("en", "The government turned down the rebels' ceasefire offer on Saturday.", {("proposed", False)}),
    ("en", "Diplomats are pressing both camps to accept a truce before the holiday.", {("proposed", False)}),
    ("en", "The ceasefire can be extended if both sides agree, the envoy said.", set()),
    ("en", "The truce has not been respected in the east, where fighting continues.", {("violated", False)}),
    ("en", "Ceasefire talks were held in Doha in March.", {("proposed", True)}),
    ("en", "A ceasefire signed in 2019 collapsed within weeks.", {("agreed", True), ("collapsed", True)}),
    ("en", "Previous truces between the two groups have all been broken within days.", {("violated", True)}),
    (
        "en",
        "The army and the rebels agreed to a ceasefire on Monday. A truce agreed last year collapsed after a month.",
        {("agreed", False), ("agreed", True), ("collapsed", True)},
    ),
    ("en", "The 2016 ceasefire has largely held since it was signed.", {("in_effect", False), ("agreed", True)}),
    ("en", "The ceasefire deal includes an exchange of prisoners and the reopening of crossings.", set()),
    ("en", "Aid agencies say the ceasefire zone remains dangerous for civilians.", set()),
    ("en", "The minister said peace would take years and the army would fight on.", set()),
    # shelling told since the truce took effect breaks it (test_ceasefire_attacks_since_the_truce.py)
    ("en", "Shelling on Sunday was the worst since a truce took effect in March.", {("in_effect", False), ("violated", False)}),
    (
        "en",
        "A truce signed in July has been repeatedly violated, officials said.",
        {("agreed", True), ("violated", False)},
    ),
    # --- Portuguese ---------------------------------------------------------------------
    (
        "pt",
        "As negociações começam na terça-feira com o objetivo de alcançar um cessar-fogo duradouro.",
        {("proposed", False)},
    ),
    ("pt", "O acordo de trégua foi aprovado pelo governo na quarta-feira.", {("agreed", False)}),
    (
        "pt",
        "O governo e os rebeldes assinaram um acordo de cessar-fogo nesta terça-feira em Luanda.",
        {("agreed", False)},
    ),
    ("pt", "A trégua entrou em vigor à meia-noite de sábado, segundo os mediadores.", {("in_effect", False)}),
    ("pt", "O cessar-fogo foi violado várias vezes durante a noite, denunciou o Exército.", {("violated", False)}),
    ("pt", "A trégua ruiu na quinta-feira depois de novos bombardeios na capital.", {("collapsed", False)}),
    ("pt", "As partes prorrogaram o cessar-fogo por mais 15 dias.", {("extended", False)}),
    ("pt", "O secretário-geral da ONU pediu um cessar-fogo imediato em Gaza.", {("proposed", False)}),
    ("pt", "O Hamas rejeitou a proposta de trégua apresentada pelo Egito.", {("proposed", False)}),
    ("pt", "Apesar do cessar-fogo, os confrontos continuaram no sul do país.", {("violated", False)}),
    ("pt", "Uma trégua anterior, assinada em 2021, fracassou em poucos dias.", {("agreed", True), ("collapsed", True)}),
    # --- Spanish ------------------------------------------------------------------------
    (
        "es",
        "La tregua entró en vigor después de que ambas partes firmaran el acuerdo en El Cairo.",
        {("in_effect", False), ("agreed", False)},
    ),
    ("es", "Una tregua anunciada el lunes se había roto al caer la noche.", {("agreed", False), ("collapsed", False)}),
    ("es", "Las partes mantienen un alto el fuego desde agosto.", {("in_effect", False)}),
    ("es", "El Gobierno y la guerrilla anunciaron un alto el fuego bilateral de seis meses.", {("agreed", False)}),
    ("es", "El cese al fuego entró en vigor este lunes a las 00.00 horas.", {("in_effect", False)}),
    ("es", "El Ejército denunció que los rebeldes violaron la tregua en dos ocasiones.", {("violated", False)}),
    ("es", "La tregua se rompió el domingo tras un ataque contra una patrulla.", {("collapsed", False)}),
    ("es", "Las partes acordaron prorrogar el alto el fuego hasta fin de año.", {("extended", False)}),
    ("es", "La ONU pidió un alto el fuego inmediato para permitir la entrada de ayuda.", {("proposed", False)}),
    ("es", "El grupo armado rechazó la propuesta de tregua del Gobierno.", {("proposed", False)}),
    ("es", "Pese al alto el fuego, se registraron combates en la frontera.", {("violated", False)}),
    ("es", "En 2016 el Gobierno y las FARC firmaron un cese al fuego definitivo.", {("agreed", True)}),
    # --- French -------------------------------------------------------------------------
    ("fr", "L'ONU appelle les deux camps à conclure rapidement un cessez-le-feu.", {("proposed", False)}),
    ("fr", "L'armée a annoncé avoir repris l'application du cessez-le-feu.", {("in_effect", False)}),
    (
        "fr",
        "Le cessez-le-feu est entré en vigueur quelques heures après son approbation par le Parlement.",
        {("in_effect", False), ("agreed", False)},
    ),
    ("fr", "Les deux camps ont signé un accord de cessez-le-feu samedi à Doha.", {("agreed", False)}),
    ("fr", "La trêve est entrée en vigueur lundi à minuit, selon les médiateurs.", {("in_effect", False)}),
    ("fr", "L'armée accuse les rebelles d'avoir violé le cessez-le-feu à plusieurs reprises.", {("violated", False)}),
    ("fr", "Le cessez-le-feu a volé en éclats dimanche après des frappes sur la ville.", {("collapsed", False)}),
    ("fr", "La trêve a été prolongée de 48 heures, a annoncé le Qatar.", {("extended", False)}),
    ("fr", "Le Conseil de sécurité a appelé à un cessez-le-feu immédiat.", {("proposed", False)}),
    ("fr", "Malgré la trêve, des tirs ont été entendus dans la nuit.", {("violated", False)}),
    (
        "fr",
        "Un précédent cessez-le-feu, conclu en 2022, avait été rompu au bout de quelques jours.",
        {("agreed", True), ("violated", True)},
    ),
]

# Harder phrasing: modality, reporting verbs, commitments restated, words that only look like statuses.
PHRASING: list[tuple[str, Expected]] = [
    ("Un accord de cessez-le-feu a été trouvé dans la nuit entre les deux camps.", {("agreed", False)}),
    ("Uma trégua humanitária de 72 horas foi decretada pelo governo.", {("agreed", False)}),
    ("El alto el fuego entró en vigencia a la medianoche.", {("in_effect", False)}),
    ("La tregua fue rota por un ataque con drones contra un cuartel.", {("violated", False)}),
    (
        "A truce took effect on Monday. Israel denied violations of international law in the raid.",
        {("in_effect", False)},
    ),
    ("Au moins 211 personnes ont été tuées depuis l'entrée en vigueur de la trêve.", {("in_effect", False)}),
    ("En las horas previas a la entrada en vigor de la tregua murieron 17 personas.", set()),
    ("Hamas said it would accept the ceasefire deal if Israel withdrew its troops.", {("proposed", False)}),
    ("The truce was shattered on Friday by a wave of air strikes.", {("collapsed", False)}),
    ("Putin ordered a 36-hour ceasefire for Orthodox Christmas.", {("agreed", False)}),
    ("Israel retomou os bombardeios, pondo fim ao cessar-fogo de dois meses.", {("collapsed", False)}),
    ("Naciones Unidas reclamó un alto el fuego inmediato en Gaza.", {("proposed", False)}),
    ("El ELN anunció un cese al fuego unilateral durante las elecciones.", {("agreed", False)}),
    ("Les médiateurs qatariens tentent d'arracher une trêve avant le ramadan.", {("proposed", False)}),
    ("Le Hamas a annoncé accepter la proposition de trêve.", {("agreed", False)}),
    ("Les pourparlers en vue d'un cessez-le-feu ont échoué.", {("proposed", False)}),
    (
        "La trêve, entrée en vigueur dimanche, a été violée à plusieurs reprises.",
        {("in_effect", False), ("violated", False)},
    ),
    (
        "El alto el fuego, negociado por Egipto y Qatar, se mantiene pese a incidentes aislados.",
        {("agreed", False), ("in_effect", False)},
    ),
    ("O cessar-fogo, mediado pelo Catar, está em vigor desde domingo.", {("agreed", False), ("in_effect", False)}),
    ("It was the first ceasefire since the war began in April 2023.", set()),
    ("The ceasefire that ended the 1990s war was brokered by Russia.", {("agreed", True)}),
    ("The Houthis said they would halt attacks on shipping if a ceasefire in Gaza took hold.", set()),
    ("A truce was agreed in 2019. It collapsed a month later.", {("agreed", True), ("collapsed", True)}),
    ("Last year's truce collapsed within days.", {("collapsed", True)}),
    ("A ceasefire is expected to be announced within hours, two officials said.", {("proposed", False)}),
    ("Both sides have been accused of repeated ceasefire violations.", {("violated", False)}),
    ("Both sides agreed to a prisoner exchange, but not to a ceasefire.", set()),
    ("Les deux parties se sont mises d'accord sur un cessez-le-feu de trois jours.", {("agreed", False)}),
    ("O governo e os rebeldes firmaram um acordo de cessar-fogo em Maputo.", {("agreed", False)}),
    ("La tregua rige desde el lunes en todo el departamento.", {("in_effect", False)}),
    ("Hamas said it was studying the latest ceasefire proposal and would respond within days.", {("proposed", False)}),
    ("Netanyahu said Israel would not agree to a ceasefire until Hamas was destroyed.", {("proposed", False)}),
    (
        "The UN Security Council failed to adopt a resolution calling for a ceasefire after a US veto.",
        {("proposed", False)},
    ),
    ("Under the terms of the ceasefire, Israel is to release 30 prisoners for every hostage.", set()),
    ("The first phase of the ceasefire is set to end on 1 March.", set()),
    ("Humanitarian organisations have called for the truce to be extended.", {("proposed", False)}),
    ("Both sides said they were committed to the truce, which has been largely respected.", {("in_effect", False)}),
    ("Fighting has continued despite repeated calls for a ceasefire from the African Union.", {("proposed", False)}),
    ("Shelling resumed along the ceasefire line on Tuesday.", set()),
    ("The truce allowed aid convoys to reach the city for the first time in months.", set()),
    (
        "Yemen's government and the rebels have agreed to extend the truce, hours before it was due to expire.",
        {("extended", False)},
    ),
    ("Le Hamas a accepté la proposition de cessez-le-feu présentée par l'Égypte et le Qatar.", {("agreed", False)}),
    ("Israel rejeitou a proposta de trégua e intensificou os bombardeios.", {("proposed", False)}),
    ("El Gobierno anunció la suspensión del cese al fuego con el ELN tras el ataque.", {("collapsed", False)}),
    ("La tregua, que expira el domingo, podría prorrogarse si avanzan las negociaciones.", set()),
    (
        "A fragile ceasefire brokered by the United States appeared to be holding on Monday.",
        {("agreed", False), ("in_effect", False)},
    ),
    (
        "Israel and Hezbollah traded fire despite a ceasefire agreed in November.",
        {("violated", False), ("agreed", True)},
    ),
    ("The truce, which began on Friday, has been repeatedly violated.", {("in_effect", False), ("violated", False)}),
    (
        "Hamas has accepted a ceasefire proposal put forward by Egyptian and Qatari mediators, a senior official told Reuters.",
        {("agreed", False)},
    ),
    ("The Security Council passed a resolution demanding an immediate ceasefire.", {("proposed", False)}),
    ("Mediators hope to announce a ceasefire deal within days.", {("proposed", False)}),
    ("Negotiators are close to a deal on a truce, two officials said.", {("proposed", False)}),
    ("Russia and Ukraine agreed to a 30-day moratorium on strikes against energy facilities.", {("agreed", False)}),
    ("The truce is set to expire on Saturday.", set()),
    ("The warring sides have largely observed the truce since Friday.", {("in_effect", False)}),
    ("The rebels declared an end to the truce on Sunday.", {("collapsed", False)}),
    (
        "The ceasefire announced by the army on Sunday was broken within hours.",
        {("agreed", False), ("violated", False)},
    ),
    ("Sudan's army said it would not join the truce.", set()),
    (
        "Israeli jets struck targets in southern Lebanon in violation of the ceasefire, Lebanese officials said.",
        {("violated", False)},
    ),
    ("Israel e Hamas concordaram com um cessar-fogo de seis semanas.", {("agreed", False)}),
    ("O acordo de trégua foi rompido na madrugada de sábado.", {("violated", False)}),
    ("O cessar-fogo começou a vigorar às 8h.", {("in_effect", False)}),
    ("Os dois lados acusaram-se mutuamente de violar a trégua.", {("violated", False)}),
    ("La tregua llegó a su fin el domingo por la noche.", {("collapsed", False)}),
    ("El Gobierno suspendió el cese al fuego con la disidencia de las FARC.", {("collapsed", False)}),
    ("Las partes firmaron un acuerdo de alto el fuego en Doha.", {("agreed", False)}),
    ("Le cessez-le-feu a été globalement respecté pendant la nuit.", {("in_effect", False)}),
    ("Les pays médiateurs appellent à une trêve humanitaire immédiate.", {("proposed", False)}),
    ("Le gouvernement a suspendu la trêve après l'attaque.", {("collapsed", False)}),
    ("Human rights groups documented violations by both sides.", set()),
    ("The truce ended the three-week siege of the town.", set()),
    ("Talks on extending the truce broke down on Thursday.", {("proposed", False)}),  # the talks broke down
    ("Israel said it would resume fighting once the truce ends.", set()),
    ("The UN said the humanitarian pause had allowed 200 trucks to enter Gaza.", set()),
    (
        "The rebels announced a unilateral ceasefire, which the government rejected.",
        {("agreed", False), ("proposed", False)},
    ),
    ("Ceasefire negotiations stalled on Tuesday after Israel refused to withdraw its troops.", {("proposed", False)}),
    ("Ukraine says Russia broke the Easter truce hundreds of times.", {("violated", False)}),
    ("The ceasefire deal was approved by the cabinet late on Thursday.", {("agreed", False)}),
    ("The two sides reached a truce after mediation by Qatar.", {("agreed", False)}),
    ("Heavy fighting erupted on Monday, a week after the ceasefire took effect.", {("in_effect", False)}),
    ("Both sides said they remained committed to the truce.", set()),
    ("Hostilities resumed after the truce lapsed at dawn.", {("collapsed", False)}),
    ("Israel has rejected calls for a ceasefire until the hostages are freed.", {("proposed", False)}),
    ("The army said it would observe a 48-hour ceasefire starting on Friday.", {("agreed", False)}),
    ("The government announced a 72-hour truce to allow civilians to leave.", {("agreed", False)}),
    ("Pakistan and India agreed to stop firing along the Line of Control.", {("agreed", False)}),
    ("A truce has been in place since March.", {("in_effect", False)}),
]


@pytest.mark.parametrize(("text", "expected"), PHRASING, ids=[case[0][:50] for case in PHRASING])
def test_statuses_read_in_context(text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), "en")
    assert {(s.status, s.background) for s in statements} == expected


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:50] for case in CASES])
def test_statuses_read_from_news_phrasing(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(s.status, s.background) for s in statements} == expected


def test_wrong_language_hint_still_reads_the_text() -> None:
    statements = find_ceasefire(split_sentences("La trêve est entrée en vigueur lundi à minuit."), "en")
    assert [s.status for s in statements] == ["in_effect"]


def test_no_ceasefire_word_gives_nothing() -> None:
    text = "Shelling killed four people in the city on Monday. The army said it had agreed to open a corridor."
    assert find_ceasefire(split_sentences(text), "en") == []

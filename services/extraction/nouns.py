"""What a number counts: the nouns for people (by contract group) and for things.

A number before "civilians" is a figure for the civilians group; before "people" or
"Palestinians" a figure with no group; before "missiles", "km" or "years" no figure at all.
Money, labels and dates are recognised from the words around the number.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.wordlists import alternation, phrases

GROUPS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (group, re.compile(rf"(?:{alternation(*phrases(listed))})(?!\w)"))
    for group, listed in [
        (
            "peacekeepers",
            "peacekeepers|peacekeeper|blue helmets|casques bleus|casque bleu|cascos azules|"
            "capacetes azuis|soldados de paz|soldats de la paix|soldados de la paz|forces de maintien de la paix",
        ),
        (
            "aid_workers",
            "aid workers|aid worker|humanitarian workers|humanitarian worker|relief workers|"
            "humanitarian staff|aid staff|humanitarians|trabajadores humanitarios|cooperantes|trabalhadores humanitários|"
            "humanitaires|travailleurs humanitaires|agentes humanitários|"
            # Red Cross/Crescent volunteers and rescuers are aid workers in conflict reporting
            "secouristes|secouriste|rescue workers|rescuers|first responders|red cross volunteers|"
            "red crescent volunteers|volontaires du croissant-rouge|volontaires de la croix-rouge|socorristas|"
            "voluntarios de la cruz roja|voluntários da cruz vermelha|rescatistas|"
            "trabajadores de rescate|equipes de resgate",
        ),
        (
            "journalists",
            "journalists|journalist|reporters|reporter|media workers|cameramen|cameraman|photographers|"
            "photojournalists|jornalistas|jornalista|periodistas|periodista|reporteros|journalistes|journaliste",
        ),
        (
            "police",
            "police officers|police officer|policemen|policeman|policewomen|police|officers|officer|"
            "gendarmes|gendarme|policiais|policial|policías|policía|agentes de policía|agentes|carabineros|"
            "policiers|policier|"
            # prison guards are counted with the police in conflict and crime reporting
            "prison guards|prison officers|guías penitenciarios|guardias penitenciarios|agentes penitenciarios|"
            "agentes penitenciários|guardas prisionais|gardiens de prison|surveillants pénitentiaires",
        ),
        (
            "soldiers",
            "soldiers|soldier|troops|servicemen|serviceman|service members|service personnel|"
            "military personnel|conscripts|marines|paratroopers|sailors|airmen|guardsmen|reservists|"
            "soldados|soldado|militares|militar|efectivos|efetivos|soldats|soldat|militaires|recrues|fuzileiros|infantes",
        ),
        (
            "fighters",
            "fighters|fighter|militants|militant|separatists|rebels|rebel|insurgents|insurgent|guerrillas|"
            "guerrillas|jihadists|militiamen|militia members|combatants|gunmen|attackers|assailants|"
            "combatentes|militantes|rebeldes|insurgentes|guerrilheiros|jihadistas|milicianos|combatientes|"
            "guerrilleros|disidentes|combattants|combattant|rebelles|insurgés|jihadistes|djihadistes|miliciens|terroristes|"
            "assaillants|atacantes|agresores|agressores|terrorists|terrorist|terroristas",
        ),
        (
            "children",
            "children|child|kids|boys|girls|boy|girl|minors|infants|babies|toddlers|teenagers|"
            "crianças|criança|menores|meninos|meninas|bebês|bebés|niños|niñas|niño|niña|menores de edad|"
            "enfants|enfant|mineurs|bébés|adolescents|"
            # newborns and infants are children in every toll
            "newborns|newborn babies|newborn|new-born babies|baby|infant|recém-nascidos|recém-nascidas|"
            "recém-nascido|bebê|bebé|lactentes|recién nacidos|recién nacidas|recién nacido|lactantes|"
            "nouveau-nés|nouveaux-nés|nouveau-né|nourrissons|nourrisson|bébé",
        ),
        ("women", "women|woman|mulheres|mulher|mujeres|mujer|femmes|femme"),
        ("civilians", "civilians|civilian|non-combatants|civis|civil|civiles|civils|civiles"),
    ]
]

# Nouns for people that carry no contract group ("32 people", "70 patients", "124 others").
PEOPLE: Final = re.compile(
    r"(?:"
    + alternation(
        *phrases(
            "people|persons|person|individuals|residents|inhabitants|villagers|passengers|patients|worshippers|"
            "pilgrims|students|migrants|refugees|tourists|workers|staff|employees|men|adults|members|family members|"
            "victims|hostages|prisoners|detainees|captives|protesters|demonstrators|settlers|farmers|miners|"
            "doctors|medics|nurses|paramedics|rescuers|firefighters|volunteers|others|more|"
            "pessoas|habitantes|moradores|pacientes|vítimas|homens|adultos|reféns|presos|outros|outras|"
            "personas|vecinos|víctimas|hombres|rehenes|presos|otros|otras|"
            "personnes|habitants|victimes|hommes|adultes|otages|prisonniers|autres|civils"
        )
    )
    + r")(?!\w)"
)

# Nouns that are certainly not people: a number before them is not a casualty figure.
NOT_PEOPLE: Final = re.compile(
    r"(?:"
    + alternation(
        *phrases(
            "missiles|missile|rockets|rocket|drones|drone|shells|bombs|strikes|strike|air strikes|attacks|attack|"
            "alvos|objetivos|blancos|cibles|sides|parties|lados|partes|camps|bandos|countries|nations|países|pays|"
            "assaults|targets|tanks|vehicles|cars|trucks|lorries|buses|ships|boats|aircraft|planes|helicopters|flights|"
            "buildings|homes|houses|flats|apartments|floors|storeys|stories|andares|andar|pisos|étages|"
            "apartamentos|departamentos|appartements|viviendas|prédios|immeubles|hospitals|schools|villages|towns|cities|districts|provinces|"
            "positions|bases|checkpoints|tunnels|roads|bridges|beds|tonnes|tons|barrels|parcels|rounds|truces|"
            "ceasefires|violations|times|percent|per cent|points|votes|seats|kilometres|kilometers|km|miles|metres|"
            "meters|hours|days|weeks|months|years|minutes|decades|dollars|euros|pounds|families|households|family|household|"
            "família|familia|famille|"
            "mísseis|foguetes|ataques|caminhões|edifícios|casas|aldeias|hospitais|escolas|dias|horas|meses|anos|"
            "semanas|famílias|quilômetros|quilómetros|metros|misiles|cohetes|camiones|edificios|viviendas|"
            "aldeas|hospitales|escuelas|días|semanas|años|familias|kilómetros|kilometros|"
            "roquettes|frappes|camions|bâtiments|maisons|villages|hôpitaux|écoles|jours|heures|semaines|mois|ans|"
            "familles|kilomètres|mètres|fois|ataques|attaques|violaciones|violations|incidents|incidentes|"
            "heures|horas|h|gmt|utc|a.m|p.m|am|pm|bn|m|kg|"
            # animals are counted in raids and floods, but they are not casualties
            "cows|cattle|sheep|goats|camels|livestock|animals|horses|donkeys|dogs|chickens|head of cattle|"
            "vacas|bois|gado|ovelhas|cabras|animais|ovejas|animales|reses|vaches|moutons|chèvres|animaux|chameaux|"
            "townships|municipalities|municípios|municipios|communes"
        )
    )
    + r")(?!\w)"
)

# What sits right before a number when the number is money or a label, not a count.
MONEY_OR_LABEL_BEFORE: Final = re.compile(
    r"(?:[$€£¥₹]|(?<!\w)(?:aged(?: between| from)?|ages of|âgés de|âgées de|âgés entre|de entre|"
    r"com idades entre|us\$|usd|eur|r\$|resolution|resolución|resolução|résolution|operation|operação|operación|"
    r"opération|route|highway|road|rodovia|carretera|flight|vuelo|voo|vol|article|artigo|artículo|no\.|number|"
    r"número|numéro|nº|n°|phase|fase|unit|unidad|brigade|brigada|battalion|batallón|km|kilometre|"
    r"kilometer|page|chapter|channel|level|category|magnitude|zone|sector|block|bloco|bloque|"
    r"district|distrito|ward|building|paragraph|point|punto|ponto))\s*$"
)

# What right after a number makes it a quantity of something other than people.
UNIT_AFTER: Final = re.compile(
    r"^\s*(?:%|percent|per cent|por ciento|por cento|pour cent|pour-cent|pc\b|"
    r"(?:de |d'|d’)?(?:dollars|dólares|euros|reais|pesos|francs|livres|libras|pounds|shekels|rubles|"
    r"hryvnias|dinars|riyals)\b|"
    r"(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|h\b|hrs\b|horas\b|heures\b|hours\b|minutes\b|minutos\b)|"
    r"(?:years? old|anos de idade|años de edad|ans\b|años\b|anos\b|year\b)|"
    r"(?:km|kilomet|kilómet|kilomèt|quilômet|quilómet|miles?\b|metres?\b|meters?\b|metros\b|mètres\b)|"
    r"(?:degrees|graus|grados|degrés)|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"(?:de )?(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"enero|febrero|marzo|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre)|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)"
)

MONTH_BEFORE: Final = re.compile(
    r"(?<!\w)(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s*$"
)

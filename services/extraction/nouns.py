"""What a number counts: the nouns for people (by contract group) and for things.

A number before "civilians" is a figure for the civilians group; before "people" or
"Palestinians" a figure with no group; before "missiles", "km" or "years" no figure at all.
Money, labels and dates are recognised from the words around the number.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction import lexicons
from services.extraction.wordlists import alternation, phrases

# The contract groups, in the order they are tried: the first whose noun matches wins.
GROUP_ORDER: Final = (
    "peacekeepers", "aid_workers", "journalists", "police", "soldiers", "fighters", "children", "women", "civilians",
)  # fmt: skip
GROUPS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (group, re.compile(rf"(?:{alternation(*lexicons.words('groups', group))})(?!\w)")) for group in GROUP_ORDER
]

# Nouns for people that carry no contract group ("32 people", "70 patients", "124 others").
PEOPLE: Final = re.compile(r"(?:" + alternation(*lexicons.words("people")) + r")(?!\w)")

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

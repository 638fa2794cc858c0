"""Casualty figures in English news phrasing: one test per rule of tests/eval/EXTRACTION.md."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full, pairs, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 14 people were killed in the blast.", [("killed", 14)]),
        ("The strike killed 9 people and wounded 21.", [("killed", 9), ("injured", 21)]),
        ("Nineteen people died and forty-two were hurt.", [("killed", 19), ("injured", 42)]),
        ("At least 8 villagers are missing after the raid.", [("missing", 8)]),
        ("Three men remain unaccounted for.", [("missing", 3)]),
        ("The clashes left 11 dead and 30 wounded.", [("killed", 11), ("injured", 30)]),
        ("Rescuers recovered the bodies of 6 people.", [("killed", 6)]),
        ("Seven people lost their lives in the fire at the camp.", [("killed", 7)]),
        ("The bombing claimed 23 lives.", [("killed", 23)]),
        ("4 killed, 9 injured in Quetta blast", [("killed", 4), ("injured", 9)]),
    ],
)
def test_outcomes_are_read_from_verbs_participles_and_nouns(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One hundred and twelve people were killed.", 112),
        ("Officials said 1,250 people were killed.", 1250),
        ("About 2.5 million people have been displaced and 3,400 killed.", 3400),
        ("A dozen soldiers were killed overnight.", 12),
        ("Two dozen protesters were killed.", 24),
        ("Thirty-one civilians were killed.", 31),
    ],
)
def test_written_and_grouped_numbers_become_counts(text: str, count: int) -> None:
    assert [c for o, c in pairs(text, "en") if o == "killed"] == [count]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 40 people were killed.", "at_least"),
        ("More than 40 people were killed.", "at_least"),
        ("Upwards of 40 people were killed.", "at_least"),
        ("No fewer than 40 people were killed.", "at_least"),
        ("About 40 people were killed.", "approximately"),
        ("Nearly 40 people were killed.", "approximately"),
        ("Some 40 people were killed.", "approximately"),
        ("Up to 40 people were killed.", "at_most"),
        ("Fewer than 40 people were killed.", "at_most"),
        ("40 people were killed.", "exact"),
        ("Between 40 and 55 people were killed.", "at_least"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert full(text, "en") == [("killed", 40, qualifier, None)]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Six civilians were killed.", "civilians"),
        ("Six children were killed.", "children"),
        ("Six women were killed.", "women"),
        ("Six soldiers were killed.", "soldiers"),
        ("Six troops were killed.", "soldiers"),
        ("Six servicemen were killed.", "soldiers"),
        ("Six militants were killed.", "fighters"),
        ("Six rebels were killed.", "fighters"),
        ("Six police officers were killed.", "police"),
        ("Six journalists were killed.", "journalists"),
        ("Six aid workers were killed.", "aid_workers"),
        ("Six UN peacekeepers were killed.", "peacekeepers"),
        ("Six people were killed.", None),
        ("Six Palestinians were killed.", None),
    ],
)
def test_groups(text: str, group: str | None) -> None:
    assert full(text, "en") == [("killed", 6, "exact", group)]


def test_subgroups_are_their_own_entries_nested_in_the_total() -> None:
    text = "Officials said 32 people were killed. Among the dead are seven civilians, including two children."
    assert full(text, "en") == [
        ("killed", 32, "exact", None),
        ("killed", 7, "exact", "civilians"),
        ("killed", 2, "exact", "children"),
    ]


def test_a_subgroup_takes_the_outcome_of_its_parent() -> None:
    text = "At least 60 people were injured, including 12 children, and 9 were killed."
    assert full(text, "en") == [
        ("injured", 60, "at_least", None),
        ("injured", 12, "exact", "children"),
        ("killed", 9, "exact", None),
    ]


def test_lists_split_per_group_without_inventing_a_total() -> None:
    text = "Four police officers and two civilians were killed in the ambush."
    assert full(text, "en") == [("killed", 4, "exact", "police"), ("killed", 2, "exact", "civilians")]


def test_list_governed_by_a_verb_before_it() -> None:
    text = "The drone strike killed 5 soldiers, 3 rebels and 2 children."
    assert pairs(text, "en") == [("killed", 5), ("killed", 3), ("killed", 2)]


def test_a_bare_second_figure_takes_the_group_of_the_first() -> None:
    assert full("Ten civilians were killed and 34 wounded.", "en") == [
        ("killed", 10, "exact", "civilians"),
        ("injured", 34, "exact", "civilians"),
    ]


def test_others_take_the_group_of_the_main_figure() -> None:
    assert full("Three soldiers died and 8 others were wounded.", "en") == [
        ("killed", 3, "exact", "soldiers"),
        ("injured", 8, "exact", "soldiers"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people were killed in the shelling.",
        "Hundreds were wounded, and scores are missing.",
        "Several soldiers died and many civilians were hurt.",
        "A few people were injured.",
        "A soldier was killed and the pilot died.",
        "A Reuters cameraman was wounded.",
        "No one was hurt.",
    ],
)
def test_vague_words_and_singulars_give_nothing(text: str) -> None:
    assert pairs(text, "en") == []


def test_one_written_out_is_a_figure() -> None:
    assert full("One soldier was killed.", "en") == [("killed", 1, "exact", "soldiers")]


@pytest.mark.parametrize(
    "text",
    [
        "At least 86 people were killed and wounded in the clashes.",
        "The attack left 40 dead or injured.",
        "The fighting caused 120 casualties.",
    ],
)
def test_lumped_outcomes_give_nothing(text: str) -> None:
    assert pairs(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "The army said on 20/09 that its positions were shelled and one 32-year-old was arrested.",
        "A 25-year-old man was killed in the raid.",
        "The $4.3 billion appeal for 2024 was welcomed, officials said, after strikes killed a farmer.",
        "The strike destroyed 14 vehicles and 6 buildings, killing a guard.",
        "The convoy of 30 trucks was hit 12 km from the border and its driver was killed.",
        "Talks lasted 16 hours before the attack; the mayor died.",
        "Casualties fell by 50 percent, killing fewer people than in 2022.",
        "Under Resolution 1701, Route 4 reopened; a soldier was killed nearby.",
        "Russia fired 38 missiles and Ukraine shot down 30 of them, killing none.",
        "The 60-day truce began at 4 a.m.; one resident, a 62-year-old farmer, said relatives were among the dead.",
    ],
)
def test_numbers_that_are_not_casualties_give_nothing(text: str) -> None:
    assert pairs(text, "en") == []


def test_tolls_rising_and_corrected_give_the_new_figure() -> None:
    assert pairs("The death toll rose to 58 on Friday.", "en") == [("killed", 58)]
    assert pairs("Officials revised the toll to 14.", "en") == [("killed", 14)]
    assert pairs("Rescuers raised the death toll from Saturday's strike to 40.", "en") == [("killed", 40)]


def test_an_earlier_figure_superseded_in_the_same_sentence_is_still_stated() -> None:
    text = "The minister said 105 soldiers had been killed, raising an earlier figure of 49."
    assert full(text, "en") == [("killed", 105, "exact", "soldiers"), ("killed", 49, "exact", "soldiers")]


def test_a_figure_repeated_in_heading_and_body_is_emitted_each_time() -> None:
    text = "More than 30 deaths in one day\n\nOfficials said 32 people were killed in less than 24 hours."
    assert pairs(text, "en") == [("killed", 30), ("killed", 32)]


def test_partitives_and_predicates_give_the_group() -> None:
    text = "A spokesman said 174 of those killed were children and 89 were women."
    assert full(text, "en") == [("killed", 174, "exact", "children"), ("killed", 89, "exact", "women")]
    assert full("The ministry recorded the deaths of 1,339 of its servicemen.", "en") == [
        ("killed", 1339, "exact", "soldiers")
    ]


def test_evidence_points_at_the_sentence_in_the_article() -> None:
    text = "Calm returned on Sunday. The ministry said 12 people were killed in the fighting. Talks resume."
    [figure] = read(text, "en")
    assert (
        text[figure.start : figure.end] == figure.sentence == "The ministry said 12 people were killed in the fighting."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Four children were among the 15 people killed.",
            [("killed", 4, "exact", "children"), ("killed", 15, "exact", None)],
        ),
        (
            "Officials said 40 were killed. Of the dead, 12 were children.",
            [("killed", 40, "exact", None), ("killed", 12, "exact", "children")],
        ),
        (
            "Eight people, among them four women, were hurt.",
            [("injured", 8, "exact", None), ("injured", 4, "exact", "women")],
        ),
        ("Gunmen killed a policeman and two civilians.", [("killed", 2, "exact", "civilians")]),
        (
            "Militants killed about 20 soldiers, the army said, including no fewer than 5 officers.",
            [("killed", 20, "approximately", "soldiers"), ("killed", 5, "at_least", "police")],
        ),
    ],
)
def test_subgroups_named_before_or_after_their_total(
    text: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert full(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eight terrorists were sent to hell and two policemen were martyred.", [("killed", 8), ("killed", 2)]),
        ("The army said it had lost 50 servicemen.", [("killed", 50)]),
        ("Three patients succumbed to their wounds.", [("killed", 3)]),
        ("20 people had been reported missing after the raid.", [("missing", 20)]),
    ],
)
def test_communique_idioms(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 200 people gathered in the square on Sunday to mourn those killed.", []),
        ("Twelve people who attended the wedding were killed.", [("killed", 12)]),
        ("About 100 people are believed to have been killed.", [("killed", 100)]),
    ],
)
def test_the_counted_people_doing_something_else_is_not_a_casualty(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Airstrike kills 10-12 civilians in Idlib", [("killed", 10, "at_least", "civilians")]),
        (
            "Somalia: 7 dead, 20 hurt in Mogadishu car bombing",
            [("killed", 7, "exact", None), ("injured", 20, "exact", None)],
        ),
        ("Authorities said 11 people, aged between 19 and 45, were killed.", [("killed", 11, "exact", None)]),
        ("Eleven of the 25 passengers died.", [("killed", 11, "exact", None)]),
        ("Some 1,500 troops have been killed or wounded since May.", []),
        (
            "The death toll stands at 1,200, with 3,500 injured and 400 missing.",
            [("killed", 1200, "exact", None), ("injured", 3500, "exact", None), ("missing", 400, "exact", None)],
        ),
    ],
)
def test_headline_forms_ranges_ages_and_populations(
    text: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert full(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KYIV, March 3 (Reuters) - Russian drones killed 4 people in Odesa overnight, officials said.",
            [("killed", 4)],
        ),
        ('"Eight of my relatives were killed," he said.', [("killed", 8)]),
        ("At least two people, including a child, were killed.", [("killed", 2)]),
        ("Seven members of one family, including four children, were killed.", [("killed", 7), ("killed", 4)]),
        ("The military said 21 soldiers were wounded, three of them seriously.", [("injured", 21), ("injured", 3)]),
        ("Russia said it shot down 30 drones, and falling debris injured two people.", [("injured", 2)]),
        ("Israel said 1,200 people were killed and 251 taken hostage.", [("killed", 1200), ("captured", 251)]),
    ],
)
def test_wire_copy_sentences(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen gunned down 12 villagers.", [("killed", 12)]),
        ("Three men were beaten to death by a mob.", [("killed", 3)]),
        ("Forty migrants went missing at sea.", [("missing", 40)]),
        ("Nine people were treated for injuries.", [("injured", 9)]),
        ("Rescuers said 6 people were found dead in the rubble.", [("killed", 6)]),
    ],
)
def test_more_ways_to_say_it(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "en") == expected


def test_a_part_of_a_stated_toll_keeps_the_toll() -> None:
    text = "A hospital official said 3 of the 22 dead were women."
    assert full(text, "en") == [("killed", 3, "exact", "women"), ("killed", 22, "exact", None)]
    both_sides = read("In 2006 a war between the two sides killed some 1,200 people.", "en")
    assert [f.count for f in both_sides] == [1200]  # "two sides" are not two people

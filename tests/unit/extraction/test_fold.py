"""Accent folding keeps every offset: one character in, one character out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.extraction.text.fold import _TABLE, fold


def test_folds_accents_quotes_and_dashes_in_place() -> None:
    assert fold("Trégua – Ta’ang, São Tomé") == "Tregua - Ta'ang, Sao Tome"
    assert fold("plain ascii") == "plain ascii"
    assert fold("`quoted`") == "'quoted'"


@given(st.text(alphabet=st.sampled_from([*map(chr, _TABLE), *"abcXYZ -'.\n", "İ", "ı", "字"]) | st.characters()))
def test_fold_is_the_table_applied_character_by_character(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == text.translate(_TABLE)

"""The rebuild folds with Python's cyclic collector paused, and gives it back as it found it —
also when the fold fails (a `sitmon rebuild` that reports an error must not leave it off)."""

from __future__ import annotations

import gc

import pytest

from services.rederive.fold_log import _collector_paused


def test_the_collector_is_paused_while_folding_and_back_on_after() -> None:
    assert gc.isenabled()
    with _collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_fold_gives_the_collector_back() -> None:
    with pytest.raises(RuntimeError), _collector_paused():
        raise RuntimeError("broker gone")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with _collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()

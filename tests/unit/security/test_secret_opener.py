"""The alerting service opens sealed secrets: wrong keys stop a start, a new key id is read again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.secrets import SecretOpener
from streams import subscriptions as subs
from streams.errors import WrongSealingKey
from streams.sealing import Keyring, seal_event

T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


class Source:
    """A key source whose keys change underneath, like a key file after `sitmon keys rotate`."""

    def __init__(self, keyring: Keyring) -> None:
        self.held, self.on_disk, self.reloads = keyring, keyring, 0

    def __call__(self, reload: bool = False) -> Keyring:
        if reload:
            self.reloads += 1
            self.held = self.on_disk
        return self.held


def test_a_key_added_since_start_is_read_again_once() -> None:
    source = Source(Keyring.generate())
    opener = SecretOpener(source)
    created = subs.create(url="https://hooks.example.org/a", now=T0)
    source.on_disk = source.held.with_new_key()
    opened = opener.open(seal_event(created, source.on_disk), live=True)
    assert opened == created and source.reloads == 1


def test_wrong_keys_stop_a_start_but_a_later_good_event_or_a_tombstone_clears_it() -> None:
    right, wrong = Keyring.generate(), Keyring.generate()
    opener = SecretOpener(Source(right))
    a = subs.create(url="https://hooks.example.org/a", now=T0)
    b = subs.create(url="https://hooks.example.org/b", now=T0)
    assert opener.open(seal_event(a, wrong), live=False) is None
    assert opener.open(seal_event(b, wrong), live=False) is None
    assert opener.open(seal_event(a, right), live=False) == a  # a later event of a opens
    with pytest.raises(WrongSealingKey, match=r"of 1 subscription\(s\): key 'k1' does not open"):
        opener.check()
    opener.forget(b.subscription.subscription_id)
    opener.check()


def test_live_an_unopenable_event_is_skipped_not_remembered() -> None:
    opener = SecretOpener(Source(Keyring.generate()))
    event = seal_event(subs.create(url="https://hooks.example.org/a", now=T0), Keyring.generate())
    assert opener.open(event, live=True) is None
    opener.check()  # nothing to stop: the service keeps the subscription's last good state

"""Secrets sealed at rest: AES-GCM under a keyring, bound to their subscription, wrong keys detected."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams import subscriptions as subs
from streams.envelope import decode, encode
from streams.errors import BadKeyring, UnknownSealingKey, WrongSealingKey
from streams.sealing import Keyring, open_event, seal_event, sealed_key_id

T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


def test_a_sealed_event_carries_no_secret_and_opens_to_the_same_subscription() -> None:
    keyring = Keyring.generate()
    created = subs.create(url="https://hooks.example.org/a", now=T0)
    secret = created.subscription.secrets[0].secret
    sealed = seal_event(created, keyring)
    wire = encode(sealed, subject=created.subscription.subscription_id)
    assert secret.encode() not in wire and b"whsec_" not in wire
    decoded = decode(wire)
    assert isinstance(decoded, subs.SubscriptionCreated)
    assert open_event(decoded, keyring) == created


def test_the_newest_key_seals_and_every_key_opens() -> None:
    old = Keyring.generate()
    created = subs.create(url="https://hooks.example.org/a", now=T0)
    under_old = seal_event(created, old)
    rotated = old.with_new_key()
    assert rotated.ids == ("k1", "k2") and rotated.current_id == "k2"
    assert open_event(under_old, rotated) == created
    resealed = seal_event(under_old, rotated)  # opens with k1, seals with k2
    assert sealed_key_id(resealed.subscription.secrets[0].secret) == "k2"
    assert open_event(resealed, rotated.without("k1")) == created


def test_wrong_and_missing_keys_are_named_never_the_secret() -> None:
    created = subs.create(url="https://hooks.example.org/a", now=T0)
    secret = created.subscription.secrets[0].secret
    sealed = seal_event(created, Keyring.generate())
    with pytest.raises(WrongSealingKey, match="key 'k1' does not open") as wrong:
        open_event(sealed, Keyring.generate())  # same id, other key
    with pytest.raises(UnknownSealingKey, match="sealed under key 'k1'") as unknown:
        open_event(sealed, Keyring.generate("other"))
    assert secret not in str(wrong.value) + str(unknown.value)


def test_a_sealed_secret_moved_to_another_subscription_does_not_open() -> None:
    keyring = Keyring.generate()
    a = seal_event(subs.create(url="https://hooks.example.org/a", now=T0), keyring).subscription
    b = subs.create(url="https://hooks.example.org/b", now=T0).subscription
    forged = b.model_copy(update={"secrets": a.secrets})
    with pytest.raises(WrongSealingKey):
        open_event(subs.SubscriptionCreated(event_id="x", occurred_at=T0, subscription=forged), keyring)


def test_keyring_text_round_trips_and_bad_text_is_one_clear_line() -> None:
    keyring = Keyring.generate().with_new_key()
    again = Keyring.parse("# comment\n" + keyring.serialise(), "test")
    assert again.ids == keyring.ids and again.serialise() == keyring.serialise()
    assert Keyring.parse(keyring.serialise().replace("\n", ","), "env").ids == ("k1", "k2")
    for text, expected in (
        ("", "holds no key"),
        ("k1", "is not `id:key`"),
        ("k1:c2hvcnQ=", "expected 32 bytes"),
        ("k1:!!!", "not base64url"),
        (keyring.serialise() + keyring.serialise(), "appears twice"),
    ):
        with pytest.raises(BadKeyring, match=expected) as caught:
            Keyring.parse(text, "SITMON_SECRET_KEYS")
        assert "\n" not in str(caught.value) and str(caught.value).startswith("SITMON_SECRET_KEYS")

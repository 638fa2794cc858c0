"""Signing secrets sealed at rest: AES-256-GCM under a keyring of named keys.

Anyone who can read the subscriptions topic (kcat, a replay, a backup) sees only
`sealed:v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`. The subscription id is the
associated data, so a sealed value copied onto another subscription does not open. AES-GCM
(from `cryptography`) authenticates as it encrypts: a wrong key is detected, never
silently decrypted into garbage.

A keyring holds several keys, oldest first. The newest seals; every one opens, so keys
rotate without downtime: add a key, re-seal what is stored, and retire the old key once
nothing sealed under it is still read. Keyrings are written as text, one `id:key` per line
(or comma-separated in SITMON_SECRET_KEYS), key = base64url of 32 random bytes.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Sequence
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from streams.errors import BadKeyring, SealingError, UnknownSealingKey, WrongSealingKey
from streams.subscriptions import AnySubscriptionEvent, Subscription

SEALED_PREFIX = "sealed:v1:"
KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), altchars=b"-_", validate=True)


def is_sealed(value: str) -> bool:
    return value.startswith(SEALED_PREFIX)


def sealed_key_id(value: str) -> str:
    return value.removeprefix(SEALED_PREFIX).partition(":")[0]


class Keyring:
    """Named AES-256 keys, oldest first; the last one seals."""

    def __init__(self, keys: Sequence[tuple[str, bytes]]) -> None:
        if not keys:
            raise BadKeyring("a keyring needs at least one key")
        seen: set[str] = set()
        for key_id, key in keys:
            if not KEY_ID_PATTERN.match(key_id):
                raise BadKeyring(f"key id {key_id!r}: expected 1-32 letters, digits, '_', '.' or '-'")
            if key_id in seen:
                raise BadKeyring(f"key id {key_id!r} appears twice")
            if len(key) != KEY_BYTES:
                raise BadKeyring(f"key {key_id!r}: expected {KEY_BYTES} bytes, got {len(key)}")
            seen.add(key_id)
        self._keys = dict(keys)
        self.current_id = keys[-1][0]

    @classmethod
    def parse(cls, text: str, where: str) -> Keyring:
        """Entries `id:base64url-key`, separated by newlines, commas or spaces; `#` starts a comment line."""
        entries: list[tuple[str, bytes]] = []
        lines = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
        for number, entry in enumerate(re.split(r"[\s,]+", " ".join(lines)), start=1):
            if not entry:
                continue
            key_id, sep, encoded = entry.partition(":")
            if not sep:
                raise BadKeyring(f"{where}: entry {number} is not `id:key` (keys come from `sitmon keys generate`)")
            try:
                key = _b64decode(encoded)
            except (binascii.Error, ValueError):
                raise BadKeyring(f"{where}: key {key_id!r} is not base64url") from None
            entries.append((key_id, key))
        if not entries:
            raise BadKeyring(f"{where} holds no key (`sitmon keys generate` makes one)")
        try:
            return cls(entries)
        except BadKeyring as exc:
            raise BadKeyring(f"{where}: {exc}") from None

    @classmethod
    def generate(cls, key_id: str = "k1") -> Keyring:
        return cls([(key_id, os.urandom(KEY_BYTES))])

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def with_new_key(self) -> Keyring:
        """This keyring plus a fresh key that seals from now on (ids k1, k2, … continue)."""
        numbers = [int(key_id[1:]) for key_id in self._keys if re.fullmatch(r"k\d+", key_id)]
        new_id = f"k{max(numbers, default=0) + 1}"
        while new_id in self._keys:
            new_id += "x"
        return Keyring([*self._keys.items(), (new_id, os.urandom(KEY_BYTES))])

    def without(self, key_id: str) -> Keyring:
        if key_id not in self._keys:
            raise BadKeyring(f"no key {key_id!r} in the keyring (it holds {', '.join(self._keys)})")
        return Keyring([(k, v) for k, v in self._keys.items() if k != key_id])

    def serialise(self) -> str:
        return "".join(f"{key_id}:{_b64encode(key)}\n" for key_id, key in self._keys.items())

    def seal(self, plaintext: str, context: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self._keys[self.current_id]).encrypt(nonce, plaintext.encode(), context.encode())
        return f"{SEALED_PREFIX}{self.current_id}:{_b64encode(nonce + sealed)}"

    def open(self, value: str, context: str) -> str:
        if not is_sealed(value):
            raise SealingError(f"{context}: the value is not sealed (expected {SEALED_PREFIX}…)")
        key_id, _, encoded = value.removeprefix(SEALED_PREFIX).partition(":")
        key = self._keys.get(key_id)
        if key is None:
            raise UnknownSealingKey(
                f"{context} is sealed under key {key_id!r}, which the keyring lacks (it holds {', '.join(self._keys)})"
            )
        try:
            raw = _b64decode(encoded)
            return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode()).decode()
        except (InvalidTag, binascii.Error, ValueError, UnicodeDecodeError):
            raise WrongSealingKey(
                f"key {key_id!r} does not open the secret of {context}: a different key under that id?"
            ) from None


class KeySource(Protocol):
    """The keyring to use now; `reload=True` reads its source again (a key file may have gained a key)."""

    def __call__(self, reload: bool = False) -> Keyring: ...


# --- subscriptions -----------------------------------------------------------------------


def seal_subscription(sub: Subscription, keyring: Keyring) -> Subscription:
    """Every secret sealed under the keyring's newest key (already sealed ones are opened and re-sealed)."""
    context = sub.subscription_id
    sealed = tuple(
        s.model_copy(
            update={"secret": keyring.seal(keyring.open(s.secret, context) if s.sealed else s.secret, context)}
        )
        for s in sub.secrets
    )
    return sub.model_copy(update={"secrets": sealed})


def open_subscription(sub: Subscription, keyring: Keyring) -> Subscription:
    context = sub.subscription_id
    opened = tuple(
        s.model_copy(update={"secret": keyring.open(s.secret, context)}) if s.sealed else s for s in sub.secrets
    )
    return sub.model_copy(update={"secrets": opened})


def seal_event(event: AnySubscriptionEvent, keyring: Keyring) -> AnySubscriptionEvent:
    return event.model_copy(update={"subscription": seal_subscription(event.subscription, keyring)})


def open_event(event: AnySubscriptionEvent, keyring: Keyring) -> AnySubscriptionEvent:
    return event.model_copy(update={"subscription": open_subscription(event.subscription, keyring)})

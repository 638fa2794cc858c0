"""Where the keys that seal signing secrets come from: SITMON_SECRET_KEYS or a key file.

`SITMON_SECRET_KEYS` holds the keyring inline (`k1:…,k2:…`); `SITMON_SECRET_KEY_FILE` names a
file of one `id:key` per line that only its owner may read (mode 0600, as ssh insists for
private keys). The newest key — the last — seals; all of them open. Commands that seal or
open secrets call `require_keyring`, which refuses with one line (exit 2) when none is set.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.errors import BadInput
from streams.errors import SealingError
from streams.sealing import Keyring

HOW_TO = "set SITMON_SECRET_KEY_FILE to a key file made by `sitmon keys generate --file PATH`, or SITMON_SECRET_KEYS"


class KeySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITMON_", extra="ignore")

    secret_keys: SecretStr | None = None
    secret_key_file: Path | None = None


def load_keyring(settings: KeySettings | None = None) -> Keyring | None:
    """The configured keyring, or None when neither variable is set. Bad key material: BadInput."""
    settings = settings or KeySettings()
    inline = settings.secret_keys.get_secret_value().strip() if settings.secret_keys else ""
    if inline and settings.secret_key_file:
        raise BadInput("set SITMON_SECRET_KEYS or SITMON_SECRET_KEY_FILE, not both")
    try:
        if inline:
            return Keyring.parse(inline, "SITMON_SECRET_KEYS")
        if settings.secret_key_file:
            return read_key_file(settings.secret_key_file)
    except SealingError as exc:
        raise BadInput(str(exc)) from exc
    return None


def require_keyring(who: str, settings: KeySettings | None = None) -> Keyring:
    keyring = load_keyring(settings)
    if keyring is None:
        raise BadInput(f"{who} needs the key that seals signing secrets: {HOW_TO}")
    return keyring


class KeysFromSettings:
    """The keyring, read again on request: a key file may have gained a key (`sitmon keys rotate`)."""

    def __init__(self, settings: KeySettings, who: str) -> None:
        self.settings = settings
        self.who = who
        self.keyring = require_keyring(self.who, settings)

    def __call__(self, reload: bool = False) -> Keyring:
        if reload and self.settings.secret_key_file is not None:
            with contextlib.suppress(BadInput):  # a half-written or broken file: keep the keys we have
                self.keyring = require_keyring(self.who, self.settings)
        return self.keyring


def read_key_file(path: Path) -> Keyring:
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"key file {path}: {exc.strerror or exc}") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise BadInput(f"key file {path} is open to others (mode {stat.S_IMODE(mode):04o}); run `chmod 600 {path}`")
    try:
        return Keyring.parse(text, f"key file {path}")
    except SealingError as exc:
        raise BadInput(str(exc)) from exc


def write_key_file(path: Path, keyring: Keyring) -> None:
    """Write atomically (a temporary file in the same folder, then rename), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("# sitmon secret keys: the last one seals, every one opens. Keep this file secret.\n")
            out.write(keyring.serialise())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def demo_key_file() -> tuple[Path, bool]:
    """The key file `sitmon up --demo` uses (made on first use). Returns the path and whether it was made now."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    path = config / "sitmon" / "demo-secret-keys"
    if path.exists():
        return path, False
    write_key_file(path, Keyring.generate())
    return path, True

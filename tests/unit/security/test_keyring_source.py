"""Where keys come from: SITMON_SECRET_KEYS or a 0600 key file; every mistake is one clear line."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from services.errors import BadInput
from services.keyring_source import (
    KeySettings,
    KeysFromSettings,
    demo_key_file,
    load_keyring,
    require_keyring,
    write_key_file,
)
from streams.sealing import Keyring


def test_a_key_file_is_written_for_its_owner_only_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    keyring = Keyring.generate().with_new_key()
    write_key_file(path, keyring)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_keyring(KeySettings(secret_key_file=path))
    assert loaded is not None and loaded.serialise() == keyring.serialise() and loaded.current_id == "k2"


def test_a_key_file_others_may_read_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    write_key_file(path, Keyring.generate())
    path.chmod(0o644)
    with pytest.raises(BadInput, match=r"open to others \(mode 0644\); run `chmod 600"):
        load_keyring(KeySettings(secret_key_file=path))


def test_no_key_both_sources_or_a_missing_file_are_one_line_each(tmp_path: Path) -> None:
    assert load_keyring(KeySettings()) is None
    with pytest.raises(BadInput, match="sitmon alerts needs the key that seals signing secrets"):
        require_keyring("sitmon alerts", KeySettings())
    inline = Keyring.generate().serialise().strip()
    with pytest.raises(BadInput, match="not both"):
        load_keyring(KeySettings(secret_keys=inline, secret_key_file=tmp_path / "k"))  # type: ignore[arg-type]
    with pytest.raises(BadInput, match=r"key file .*missing: No such file"):
        load_keyring(KeySettings(secret_key_file=tmp_path / "missing"))


def test_a_key_file_is_read_again_when_asked_so_a_rotation_needs_no_restart(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    first = Keyring.generate()
    write_key_file(path, first)
    keys = KeysFromSettings(KeySettings(secret_key_file=path), "sitmon api")
    write_key_file(path, first.with_new_key())
    assert keys().ids == ("k1",)  # not read again unless asked
    assert keys(reload=True).ids == ("k1", "k2")
    path.write_text("broken")  # a half-written file keeps the keys already held
    assert keys(reload=True).ids == ("k1", "k2")


def test_the_demo_key_file_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path, made = demo_key_file()
    assert made and path == tmp_path / "sitmon" / "demo-secret-keys"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again, made_again = demo_key_file()
    assert again == path and not made_again

"""People's commands on feeds, checked before anything touches the network or the log:
the URL passes the SSRF guard, the schedule and language are valid, a feeds file is read whole.

Shared by `sitmon feeds …` and the API's /feeds routes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from netguard.errors import UnsafeUrl
from netguard.ssrf import FETCHES, Network, Resolver, check_url, system_resolver
from services.errors import BadInput
from services.feeds.errors import BadFeedFile
from streams import feeds
from streams.feeds import MAX_EVERY_S, MIN_EVERY_S, FeedAdded

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def parse_every(value: str | int) -> int:
    """`5m`, `30s`, `1h`, `1d` or seconds → seconds, within the allowed range."""
    match = _DURATION.match(str(value))
    if not match:
        raise BadInput(f"--every {value!r}: expected a duration like 30s, 5m, 1h or 1d")
    seconds = int(float(match.group(1)) * _UNIT_S[(match.group(2) or "s").lower()])
    if not MIN_EVERY_S <= seconds <= MAX_EVERY_S:
        raise BadInput(f"--every {value!r}: must be between {MIN_EVERY_S}s and {MAX_EVERY_S // 86400}d")
    return seconds


@dataclass(frozen=True)
class FeedSpec:
    url: str
    name: str | None = None
    language: str | None = None
    every: str | int = "5m"


def new_feed(
    spec: FeedSpec,
    now: datetime,
    *,
    allowed_networks: Sequence[Network] = (),
    resolver: Resolver = system_resolver,
) -> FeedAdded:
    """The FeedAdded event of a valid spec; BadInput naming the problem otherwise."""
    every_s = parse_every(spec.every)  # the options first: the URL check resolves the host (network)
    if spec.language is not None and not _LANGUAGE.match(spec.language):
        raise BadInput(f"--language {spec.language!r}: expected an ISO 639 code such as en, pt or es")
    name = (spec.name or "").strip() or _host(spec.url)
    if len(name) > 100:
        raise BadInput(f"--name is {len(name)} characters; at most 100")
    try:
        check_url(spec.url, allowed_networks, resolver=resolver, purpose=FETCHES)
    except UnsafeUrl as exc:
        raise BadInput(str(exc)) from exc
    return feeds.add(url=spec.url, name=name, language=spec.language, every_s=every_s, now=now)


def read_feed_file(path: Path) -> list[FeedSpec]:
    """`seeds/feeds.yaml`: a list of {url, name, language, every}; any mistake names its place."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadFeedFile(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise BadFeedFile(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    entries: Any = document.get("feeds") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise BadFeedFile(f"{path}: expected a list of feeds (or a mapping with a `feeds` list)")
    specs = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise BadFeedFile(f"{path}: feed {number}: expected a mapping with a `url`")
        unknown = set(entry) - {"url", "name", "language", "every"}
        if unknown:
            raise BadFeedFile(f"{path}: feed {number}: unknown field(s) {', '.join(sorted(unknown))}")
        specs.append(FeedSpec(entry["url"], entry.get("name"), entry.get("language"), entry.get("every", "5m")))
    return specs


def _host(url: str) -> str:
    return urlsplit(url).hostname or url[:100]

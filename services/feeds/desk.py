"""The feeds topic behind the API's /feeds routes: the same checks and events as `sitmon feeds`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime

from netguard.ssrf import Network
from services.errors import BadInput
from services.feeds.book import publish_commands, read_book
from services.feeds.commands import FeedSpec, new_feed
from streams import feeds
from streams.feeds import FeedBook, FeedEvent, FeedSource
from streams.topics import Catalogue

ACTIONS: dict[str, Callable[[FeedSource, datetime], FeedEvent]] = {
    "pause": feeds.pause,
    "resume": feeds.resume,
    "remove": feeds.remove,
}


class KafkaFeedDesk:
    def __init__(
        self,
        bootstrap: str,
        catalogue: Catalogue,
        allowed_networks: Sequence[Network],
        clock: Callable[[], datetime],
    ) -> None:
        self._bootstrap = bootstrap
        self._catalogue = catalogue
        self._allowed = allowed_networks
        self._clock = clock

    async def book(self) -> FeedBook:
        return await read_book(self._bootstrap, self._catalogue)

    async def add(self, url: str, name: str | None, language: str | None, every: str) -> FeedSource:
        try:
            spec = FeedSpec(url, name, language, every)  # the URL check resolves the host: off the event loop
            event = await asyncio.to_thread(new_feed, spec, self._clock(), allowed_networks=self._allowed)
        except BadInput as exc:
            raise ValueError(str(exc)) from exc
        await publish_commands(self._bootstrap, self._catalogue, [event])
        return event.feed

    async def change(self, source: FeedSource, action: str) -> None:
        await publish_commands(self._bootstrap, self._catalogue, [ACTIONS[action](source, self._clock())])

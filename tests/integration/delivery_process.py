"""A dispatcher in its own process, for kill -9 tests: submits one message, then runs until killed.

python -m tests.integration.delivery_process BOOTSTRAP PREFIX SUBSCRIPTION_JSON MESSAGE_JSON
"""

from __future__ import annotations

import asyncio
import sys

import httpx

from alerts.delivery.dispatcher import Dispatcher
from alerts.delivery.journal import KafkaJournal
from streams.deliveries import OutboundMessage
from streams.subscriptions import Subscription
from streams.topics import Catalogue
from tests.unit.alerts.delivery_fixtures import fast_settings


async def main(bootstrap: str, prefix: str, subscription_json: str, message_json: str) -> None:
    sub = Subscription.model_validate_json(subscription_json)
    message = OutboundMessage.model_validate_json(message_json)
    journal = await KafkaJournal.connect(bootstrap, Catalogue(prefix))
    async with httpx.AsyncClient(trust_env=False) as client:
        dispatcher = Dispatcher(journal, client, {sub.subscription_id: sub}.get, fast_settings(attempt_timeout_s=60))
        await dispatcher.start()
        await dispatcher.submit(sub, message)
        print("submitted", flush=True)
        await asyncio.Event().wait()  # until SIGKILL


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))

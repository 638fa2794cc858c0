"""The discriminated union of every event type on sitmon's topics.

Decoding picks the model by the event's `type`. A new event type is added here once.
"""

from typing import Annotated

from pydantic import Field

from streams.access import AnyTokenEvent, AuditRecorded
from streams.alerting import AnyAlertEvent
from streams.deliveries import DeliveryEvent
from streams.events import ArticleReceived, DeadLettered, ReportsExtracted
from streams.feeds import AnyFeedEvent
from streams.situation import SituationChanged
from streams.subscriptions import AnySubscriptionEvent
from streams.worker_versions import AnyWorkerVersionEvent

SitmonEvent = Annotated[
    ArticleReceived
    | ReportsExtracted
    | SituationChanged
    | DeadLettered
    | AnyAlertEvent
    | AnySubscriptionEvent
    | DeliveryEvent
    | AnyTokenEvent
    | AuditRecorded
    | AnyFeedEvent
    | AnyWorkerVersionEvent,
    Field(discriminator="type"),
]

"""Which Kafka failures are worth waiting out, and how long to wait between attempts.

A broker restart surfaces as many different errors (connection refused, LeaderNotAvailable,
NotLeaderForPartition, request or metadata timeouts, a transaction coordinator that moved).
Rather than list every transient one, the few that no amount of waiting fixes are listed:
a record or request the broker will never accept, missing rights, a producer fenced by
another process with the same transactional id. Everything else is retried until a deadline.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

from aiokafka import errors

FATAL: tuple[type[BaseException], ...] = (
    errors.ProducerFenced,
    errors.RecordTooLargeError,
    errors.MessageSizeTooLargeError,
    errors.RecordListTooLargeError,
    errors.InvalidTopicError,
    errors.TopicAuthorizationFailedError,
    errors.ClusterAuthorizationFailedError,
    errors.TransactionalIdAuthorizationFailed,
    errors.AuthenticationFailedError,
    errors.SaslAuthenticationFailed,
    errors.UnsupportedVersionError,
    errors.UnsupportedForMessageFormatError,
    errors.KafkaConfigurationError,
    errors.InvalidTransactionTimeout,
)


def is_retriable(exc: BaseException) -> bool:
    """True for a failure a broker restart or leader move explains; False when retrying cannot help."""
    if isinstance(exc, FATAL):
        return False
    return isinstance(exc, errors.KafkaError | asyncio.TimeoutError | ConnectionError)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter (AWS's recommendation): first ≈ `first`, at most `longest`."""

    first: float = 0.5
    longest: float = 5.0
    factor: float = 2.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        ceiling = min(self.longest, self.first * self.factor**attempt)
        return (rng or random).uniform(ceiling / 2, ceiling)

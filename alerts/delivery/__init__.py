"""Webhook delivery: Standard Webhooks signing, per-subscription queues, Svix-style retries,
a circuit breaker per endpoint, dead letters, and an SSRF guard that pins resolved addresses."""

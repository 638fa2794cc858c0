"""A cheap structural check of a CloudEvents 1.0 document, for replay's bulk path.

Replay writes what the log holds; it needs only to know whether a value *is* a CloudEvent
(else it is kept raw with the reason). Checking the few required attributes by hand costs a
fraction of validating the pydantic envelope per record (see bench_replay), and it accepts
and refuses what `streams.envelope.decode_envelope` does for these attributes.
"""

from __future__ import annotations

from typing import Any

REQUIRED_TEXT = ("id", "source", "type")


def envelope_problem(document: Any) -> str | None:
    """None for a CloudEvents 1.0 object with object `data`; else why not, in one line."""
    if not isinstance(document, dict):
        return f"value is JSON {type(document).__name__}, expected a CloudEvents object"
    if document.get("specversion") != "1.0":
        return f"not a CloudEvents 1.0 envelope: specversion is {document.get('specversion')!r}"
    for name in REQUIRED_TEXT:
        value = document.get(name)
        if not isinstance(value, str) or not value:
            return f"not a CloudEvents 1.0 envelope: {name} is missing or empty"
    if not isinstance(document.get("data"), dict):
        return "not a CloudEvents 1.0 envelope: data is not a JSON object"
    return None

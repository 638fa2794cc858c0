"""Errors of the extraction package. Messages say which stage failed and why."""

from __future__ import annotations

from typing import Final

# A reason goes into a dead letter and a log line; an exception message can quote a whole
# article, so it is cut to what identifies the failure.
_REASON_LIMIT: Final = 300


class ExtractionError(Exception):
    """Extraction could not read an article."""


class StageFailed(ExtractionError):
    """One stage of extraction raised: the article's facts are unknown, not empty.

    `stage` names the stage (language, sentences, casualties, ceasefire, region); `reason` is
    the exception's type and message, short enough for a dead letter.
    """

    def __init__(self, stage: str, cause: BaseException) -> None:
        reason = f"{type(cause).__name__}: {cause}"
        self.stage = stage
        self.reason = reason if len(reason) <= _REASON_LIMIT else reason[:_REASON_LIMIT] + "…"
        super().__init__(f"extraction stage {stage!r} failed: {self.reason}")

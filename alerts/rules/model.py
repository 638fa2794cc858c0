"""The rule set, validated: what `seeds/rules.yaml` may say, and nothing else.

Levels are ordered info < yellow < orange < red. Tiers map a level to the minimum `best`
killed in a window; a higher level must need a higher figure, or the file is refused.
"""

from __future__ import annotations

from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field, model_validator

from streams.events import Outcome
from streams.situation import CeasefirePhase
from streams.subscriptions import LEVELS, Level


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def level_rank(level: Level) -> int:
    return LEVELS.index(level)


def raise_level(level: Level, tiers: int) -> Level:
    return LEVELS[min(level_rank(level) + tiers, len(LEVELS) - 1)]


class SpikeRule(_Strict):
    factor: float = Field(default=3.0, gt=1.0)
    minimum: int = Field(default=10, ge=1)
    baseline_days: int = Field(default=14, ge=1)
    level: Level = "orange"


class CasualtyRules(_Strict):
    outcome: Outcome = "killed"
    tiers: dict[str, dict[Level, int]] = Field(min_length=1)
    spike: SpikeRule | None = SpikeRule()
    children_raise_tiers: int = Field(default=1, ge=0, le=3)
    confirmed_sources: int = Field(default=2, ge=1)

    @model_validator(mode="after")
    def _tiers_make_sense(self) -> CasualtyRules:
        for window, tiers in self.tiers.items():
            if window not in ("24h", "7d"):
                raise ValueError(f"tiers.{window}: unknown window; expected 24h or 7d")
            ordered = sorted(tiers.items(), key=lambda item: level_rank(item[0]))
            for (low_level, low), (high_level, high) in pairwise(ordered):
                if high <= low:
                    raise ValueError(
                        f"tiers.{window}: {high_level} ({high}) must need more killed than {low_level} ({low})"
                    )
            for level, threshold in tiers.items():
                if threshold < 1:
                    raise ValueError(f"tiers.{window}.{level}: threshold {threshold} must be at least 1")
        return self


class RuleSet(_Strict):
    casualties: CasualtyRules
    ceasefire: dict[CeasefirePhase, Level] = Field(default_factory=dict)

    def with_thresholds(self, overrides: dict[str, int]) -> RuleSet:
        """The rules with a subscriber's overrides, keys like `24h.orange` (unknown keys refused)."""
        if not overrides:
            return self
        tiers = {window: dict(levels) for window, levels in self.casualties.tiers.items()}
        for key, value in overrides.items():
            window, _, level = key.partition(".")
            if window not in ("24h", "7d") or level not in LEVELS:
                raise ValueError(f"threshold {key!r}: expected <24h|7d>.<{'|'.join(LEVELS)}>")
            tiers.setdefault(window, {})[level] = value
        casualties = CasualtyRules.model_validate(self.casualties.model_dump() | {"tiers": tiers})
        return self.model_copy(update={"casualties": casualties})

"""Read and validate a rules file; every problem becomes one RulesInvalid line."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from alerts.rules.errors import RulesInvalid
from alerts.rules.model import RuleSet

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "seeds" / "rules.yaml"


def parse_rules(text: str, origin: str = "<rules>") -> RuleSet:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulesInvalid(f"{origin}: not valid YAML ({exc})".replace("\n", " ")) from exc
    if not isinstance(document, dict):
        raise RulesInvalid(f"{origin}: expected a mapping with `casualties` and `ceasefire`")
    try:
        return RuleSet.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "(root)"
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise RulesInvalid(f"{origin}: {where}: {message}{more}") from exc


def load_rules(path: Path | None = None) -> RuleSet:
    source = path or DEFAULT_RULES
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesInvalid(f"{source}: cannot read the rules file ({exc.strerror})") from exc
    return parse_rules(text, str(source))

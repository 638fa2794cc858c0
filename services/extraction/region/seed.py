"""The region gazetteer as written in seeds/regions.yaml, validated when it is loaded.

A typo in the seed file (an unknown ISO code, a bad key, a name claimed by two regions)
must stop the extractor with one line that names the entry, not mis-resolve articles
silently for weeks. See the header of seeds/regions.yaml for the meaning of each field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from services.errors import SitmonError

DEFAULT_SEED = Path(__file__).resolve().parents[3] / "seeds" / "regions.yaml"

RegionKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


def _iso2(code: str) -> str:
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


class RegionSeed(BaseModel):
    """One conflict zone: its names and the places inside it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Name
    country: str | None
    whole_country: bool = False
    alias_weight: float = Field(default=1.0, gt=0, le=1)
    aliases: tuple[Name, ...] = Field(min_length=1)
    places: tuple[Name, ...] = ()
    actors: tuple[Name, ...] = ()

    @field_validator("country")
    @classmethod
    def _known_country(cls, code: str | None) -> str | None:
        return None if code is None else _iso2(code)

    @model_validator(mode="after")
    def _whole_country_needs_a_country(self) -> RegionSeed:
        if self.whole_country and self.country is None:
            raise ValueError("whole_country: true needs a country")
        return self


class GazetteerSeed(BaseModel):
    """The whole seed file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    regions: dict[RegionKey, RegionSeed] = Field(min_length=1)
    countries: dict[str, tuple[Name, ...]] = {}

    @field_validator("regions")
    @classmethod
    def _reserved_keys(cls, regions: dict[str, RegionSeed]) -> dict[str, RegionSeed]:
        for key in regions:
            if key == "unknown" or key.startswith("country-"):
                raise ValueError(f"region key {key!r} is reserved for the fallbacks ('unknown', 'country-xx')")
        return regions

    @field_validator("countries")
    @classmethod
    def _country_codes(cls, countries: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for code in countries:
            _iso2(code)
        return countries

    @model_validator(mode="after")
    def _one_owner_per_name(self) -> GazetteerSeed:
        owners: dict[str, str] = {}
        whole: dict[str, str] = {}
        for key, region in self.regions.items():
            for name in {n.casefold() for n in (*region.aliases, *region.places, *region.actors)}:
                if owners.setdefault(name, key) != key:
                    raise ValueError(f"{name!r} is listed under both {owners[name]!r} and {key!r}")
            country = region.country if region.whole_country else None
            if country is not None and whole.setdefault(country, key) != key:
                raise ValueError(f"{whole[country]!r} and {key!r} both claim the whole of {country}")
        return self


def load_seed(path: Path = DEFAULT_SEED) -> GazetteerSeed:
    """Read and validate the seed file; any problem is one SitmonError naming the file and entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SitmonError(f"{path}: cannot read the region gazetteer ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise SitmonError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from error
    try:
        return GazetteerSeed.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise SitmonError(f"{path}: {where}: {first['msg']}") from error

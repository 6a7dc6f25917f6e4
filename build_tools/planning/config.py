"""Settings of the planning section: ``options: {planning: {...}}`` in the atlas block.

Declared once; :func:`planning_settings` validates them and names the option on failure.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..config import AtlasConfig, ConfigProblem

METRIC_CRS = "EPSG:25832"


class PlanningSettings(BaseModel):
    """Options under ``atlas.options.planning`` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid")

    noindex: bool = Field(
        True, description="Planungsseiten für Suchmaschinen sperren (robots: noindex)."
    )
    distances_m: list[int] = Field(
        [500, 1000, 2000],
        min_length=1,
        max_length=6,
        description="Luftlinien-Entfernungen in Metern für die Erreichbarkeit.",
    )
    walking_speed_kmh: float = Field(
        4.5, gt=0, le=20, description="Gehgeschwindigkeit in km/h für die geschätzte Gehzeit."
    )
    detour_factor: float = Field(
        1.3,
        ge=1,
        le=3,
        description="Umwegfaktor: tatsächlicher Fußweg ÷ Luftlinie (üblich 1,2–1,4).",
    )
    default_threshold_m: int = Field(
        1000, gt=0, description="Schwelle in Metern: weiter entfernte Sozialräume werden markiert."
    )
    thresholds_m: dict[str, int] = Field(
        default_factory=dict,
        description="Schwelle je Kategorie-id in Metern, z. B. {essen: 1500}.",
    )
    evening_hour: int = Field(
        18, ge=12, le=23, description="Ab dieser Stunde gilt eine Öffnung als „abends“."
    )
    population_grid: str | None = Field(
        None,
        description="Bevölkerungsgitter (GeoJSON, Pfad im Inhaltsordner): Punkte oder Zellen "
        "mit population; dann sind die Anteile der Erreichbarkeit Anteile der Einwohner.",
    )
    crs: str = Field(
        METRIC_CRS, description="Metrisches Koordinatensystem für Flächen und Entfernungen."
    )

    @field_validator("distances_m")
    @classmethod
    def _positive_sorted(cls, value: list[int]) -> list[int]:
        if any(d <= 0 for d in value):
            raise ValueError("Entfernungen müssen größer als 0 sein")
        return sorted(set(value))

    @field_validator("thresholds_m")
    @classmethod
    def _positive_thresholds(cls, value: dict[str, int]) -> dict[str, int]:
        for key, metres in value.items():
            if metres <= 0:
                raise ValueError(f"Schwelle für {key!r} muss größer als 0 sein")
        return dict(sorted(value.items()))

    def threshold(self, category_id: str) -> int:
        """The distance beyond which a district is flagged for this category."""
        return self.thresholds_m.get(category_id, self.default_threshold_m)

    def walking_minutes(self, metres: float) -> float:
        """Estimated walking time for a straight-line distance (detour factor applied)."""
        return metres * self.detour_factor / (self.walking_speed_kmh * 1000 / 60)


def planning_settings(config: AtlasConfig) -> PlanningSettings:
    """Validated planning settings of an atlas; ConfigProblem names the faulty option."""
    raw = config.options.get("planning") or {}
    if not isinstance(raw, dict):
        raise ConfigProblem("mkdocs.yml: atlas.options.planning: erwartet eine Zuordnung")
    try:
        return PlanningSettings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigProblem(f"mkdocs.yml: atlas.options.planning.{where}: {first['msg']}") from None

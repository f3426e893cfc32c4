"""Territories of the border region: countries, regions, provinces, municipalities, places."""

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.lib.languages import current_language
from trefpunt.lib.text import fold


class Level(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
    PROVINCE = "province", _("Province or department")
    MUNICIPALITY = "municipality", _("Municipality")
    # A populated place from a gazetteer that is not (known to be) a municipality.
    PLACE = "place", _("Place")


LEVEL_ORDER = [Level.COUNTRY, Level.REGION, Level.PROVINCE, Level.MUNICIPALITY, Level.PLACE]


class Degurba(models.IntegerChoices):
    CITY = 1, _("City")
    TOWN = 2, _("Town or suburb")
    RURAL = 3, _("Rural area")


class NameKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    EXONYM = "exonym", _("Exonym")
    ALTERNATIVE = "alternative", _("Alternative")


class TerritoryQuerySet(models.QuerySet):
    def current(self):
        return self.filter(valid_to__isnull=True)

    def in_country(self, country: str):
        return self.filter(country=country.upper())

    def at_level(self, level: str):
        return self.filter(level=level)

    def with_names(self):
        return self.prefetch_related("names")

    def population_between(self, minimum: int | None, maximum: int | None):
        qs = self
        if minimum is not None:
            qs = qs.filter(population__gte=minimum)
        if maximum is not None:
            qs = qs.filter(population__lte=maximum)
        return qs

    def ordered_by_name(self, language: str, *first: str):
        """Sorted by the name shown in ``language`` (its official, else exonym, else the
        official name), accent- and case-insensitively, after the ``first`` fields."""
        names = TerritoryName.objects.filter(territory=OuterRef("pk"))
        in_language = names.filter(
            language=language, kind__in=(NameKind.OFFICIAL, NameKind.EXONYM)
        ).order_by("-kind", "name")
        official = names.filter(name=OuterRef("name")).order_by("pk")
        return self.annotate(
            name_key=Coalesce(
                Subquery(in_language.values("folded")[:1]),
                Subquery(official.values("folded")[:1]),
                Lower("name"),
            )
        ).order_by(*first, "name_key", "code")

    def matching_name(self, query: str):
        """Territories one of whose names starts with the query (accent/case-insensitive)."""
        key = fold(query)
        if not key:
            return self.none()
        return self.filter(
            Q(names__folded__startswith=key) | Q(names__folded__contains=" " + key)
        ).distinct()


class Territory(models.Model):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Stable official code with its scheme, e.g. BE-NIS:62063 or NL-CBS:GM0363."),
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, db_index=True)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("Official name."))
    name_language = models.CharField(_("language of the name"), max_length=3, blank=True)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    area_km2 = models.FloatField(_("area (km²)"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    degurba = models.PositiveSmallIntegerField(
        _("degree of urbanisation"), choices=Degurba.choices, null=True, blank=True
    )
    nuts3 = models.CharField(_("NUTS 3 region"), max_length=5, blank=True)
    languages = models.CharField(
        _("official languages"),
        max_length=20,
        blank=True,
        help_text=_("Language area: official languages, comma-separated (e.g. fr,nl in Brussels)."),
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["country", "name"]
        indexes = [
            models.Index(fields=["country", "level"], name="territory_country_level"),
            models.Index(fields=["level", "population"], name="territory_level_population"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="territory_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="territory_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("places:territory", args=[self.code])

    @property
    def density(self) -> float | None:
        if self.population and self.area_km2:
            return self.population / self.area_km2
        return None

    def name_in(self, language: str | None = None) -> str:
        """The name in ``language`` (official, then exonym), else the official name.

        Uses prefetched names when present so lists cost no extra query.
        """
        language = language or current_language()
        if self.name_language == language:
            return self.name
        best = None
        for item in self.names.all():
            if item.language != language:
                continue
            if item.kind == NameKind.OFFICIAL:
                return item.name
            if item.kind == NameKind.EXONYM and best is None:
                best = item.name
        return best or self.name

    def names_by_language(self) -> dict[str, str]:
        """{language: name} over the four UI languages and any other official language."""
        result: dict[str, str] = {}
        for item in sorted(self.names.all(), key=lambda n: n.kind != NameKind.OFFICIAL):
            if item.language and item.kind != NameKind.ALTERNATIVE:
                result.setdefault(item.language, item.name)
        if self.name_language:
            result.setdefault(self.name_language, self.name)
        return result

    @property
    def has_boundary(self) -> bool:
        """Whether a boundary is stored, without loading the polygon."""
        return TerritoryBoundary.objects.filter(territory_id=self.pk).exists()

    def ancestors(self) -> list["Territory"]:
        chain = []
        node = self.parent
        while node is not None and len(chain) < 8:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


class TerritoryName(models.Model):
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(
        _("language"), max_length=3, blank=True, help_text=_("Empty when not known.")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=NameKind.choices)
    folded = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("territory name")
        verbose_name_plural = _("territory names")
        ordering = ["language", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "language", "name"], name="territory_name_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language or '?'})"

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class TerritoryBoundary(models.Model):
    """Kept apart from Territory so lists never load polygons."""

    territory = models.OneToOneField(Territory, on_delete=models.CASCADE, related_name="boundary")
    geojson = models.JSONField(_("GeoJSON geometry"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("boundary")
        verbose_name_plural = _("boundaries")

    def __str__(self) -> str:
        return str(self.territory)

"""Capability kinds (a taxonomy named in four languages) and capabilities: what an owner can
send, where it stands, how many, how fast it leaves and how long it lasts on its own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.legal.models import LegalAct
from trefpunt.lib.languages import current_language
from trefpunt.organisations.models import Organisation


class KindGroup(models.TextChoices):
    EU_MODULE = "eu_module", _("EU civil-protection module")
    LOCAL = "local", _("Local resource")


class CapabilityKind(models.Model):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    group = models.CharField(_("group"), max_length=12, choices=KindGroup.choices)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("e.g. beds"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("capability kind")
        verbose_name_plural = _("capability kinds")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        language = language or current_language()
        names = {n.language: n.name for n in self.names.all()}
        return names.get(language) or names.get("en") or self.slug


class CapabilityKindName(models.Model):
    kind = models.ForeignKey(CapabilityKind, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=2)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("capability kind name")
        verbose_name_plural = _("capability kind names")
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="capability_kind_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class OwnerType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    FIRE_RESCUE_ZONE = "fire_rescue_zone", _("Fire and rescue zone")
    SAFETY_REGION = "safety_region", _("Safety region")
    HOSPITAL = "hospital", _("Hospital")
    NATIONAL_SERVICE = "national_service", _("National service")
    OTHER = "other", _("Other")


class CapabilityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def of_kind(self, slug: str):
        return self.filter(kind__slug=slug)

    def with_related(self):
        return self.select_related("kind", "owner", "legal_basis").prefetch_related("kind__names")


class Capability(models.Model):
    kind = models.ForeignKey(
        CapabilityKind,
        verbose_name=_("kind"),
        on_delete=models.PROTECT,
        related_name="capabilities",
    )
    name = models.CharField(_("name"), max_length=300)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="capabilities",
    )
    owner_name = models.CharField(
        _("owner"), max_length=300, blank=True, help_text=_("As given, when not in the directory.")
    )
    owner_type = models.CharField(_("type of owner"), max_length=20, choices=OwnerType.choices)
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region"), max_length=12, blank=True, help_text=_("e.g. DE-NW"))
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    quantity = models.PositiveIntegerField(
        _("quantity"), null=True, blank=True, help_text=_("Empty when the source does not say.")
    )
    activation_minutes = models.PositiveIntegerField(_("activation time (minutes)"), default=0)
    self_sufficiency_hours = models.PositiveIntegerField(
        _("self-sufficiency (hours)"), null=True, blank=True
    )
    availability = models.CharField(
        _("availability windows"), max_length=200, blank=True, help_text=_("e.g. 24/7")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    legal_basis = models.ForeignKey(
        LegalAct,
        verbose_name=_("legal basis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    details = models.JSONField(
        _("details as given"), default=dict, blank=True, help_text=_("Address, contacts, source.")
    )
    flags = models.JSONField(_("data quality flags"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=40, blank=True)
    source_key = models.CharField(_("key in the source"), max_length=80, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = CapabilityQuerySet.as_manager()

    class Meta:
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        ordering = ["country", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"],
                condition=~models.Q(source_key=""),
                name="capability_source_key_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_label(self) -> str:
        return self.owner.name_in() if self.owner_id else self.owner_name


class Agreement(models.Model):
    """A legal act under which two parties (countries ``BE`` or regions ``DE-NW``) help each
    other. A pair with no agreement shows a warning."""

    act = models.ForeignKey(
        LegalAct, verbose_name=_("legal act"), on_delete=models.PROTECT, related_name="+"
    )
    party_a = models.CharField(_("party"), max_length=12)
    party_b = models.CharField(_("other party"), max_length=12)
    scope = models.CharField(_("scope"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("preference"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["act", "party_a", "party_b"], name="agreement_unique")
        ]

    def __str__(self) -> str:
        return f"{self.party_a}–{self.party_b}: {self.act.bwb_id}"

    def covers(self, one: set[str], other: set[str]) -> bool:
        """Does it bind a party of ``one`` (country and region codes) to one of ``other``?"""
        a, b = self.party_a, self.party_b
        return (a in one and b in other) or (b in one and a in other)

"""Organisations, people, posts (who holds which role when), relations and presidencies."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.lib.languages import current_language
from trefpunt.lib.text import fold
from trefpunt.places.models import Territory

from .competences import Competence, CompetenceTheme, ContactVisibility

__all__ = ["Competence", "CompetenceTheme", "ContactVisibility"]  # registered with this app


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region or province")
    NATIONAL_AUTHORITY = "national_authority", _("National authority")
    BENELUX_INSTITUTION = "benelux_institution", _("Benelux institution")
    AGENCY = "agency", _("Agency")
    CRISIS_CENTRE = "crisis_centre", _("Crisis centre")
    KNOWLEDGE_INSTITUTE = "knowledge_institute", _("Knowledge institute")
    HOUSING_CORPORATION = "housing_corporation", _("Housing corporation")
    COMPANY = "company", _("Company")
    NGO = "ngo", _("Non-governmental organisation")
    TEAM = "team", _("Team or department")
    NETWORK = "network", _("Cross-border network or commission")


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def in_country(self, country: str):
        return self.filter(country=country.upper())

    def with_competence(self, theme: str):
        """Organisations handling ``theme`` themselves or through one of their posts."""
        return self.filter(
            Q(competences__theme=theme, competences__archived_at__isnull=True)
            | Q(posts__competences__theme=theme, posts__competences__archived_at__isnull=True)
        ).distinct()

    def with_contact_point(self, has: bool = True):
        return self.filter(contact_post__isnull=not has)

    def search(self, query: str):

        key = fold(query)
        if not key:
            return self
        return self.filter(
            Q(names__folded__contains=key) | Q(acronym__iexact=query.strip())
        ).distinct()


class Organisation(models.Model):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language of the name"), max_length=2)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("Empty for Benelux and international bodies."),
    )
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    # Institutional contact details: public by nature (a switchboard, not a person's line).
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("switchboard phone"), max_length=40, blank=True)
    email = models.EmailField(_("general e-mail"), blank=True)
    contact_post = models.ForeignKey(
        "Post",
        verbose_name=_("cross-border contact point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The post to ask first about cross-border questions."),
    )
    description = models.TextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:organisation", args=[self.slug])

    def name_in(self, language: str | None = None) -> str:
        language = language or current_language()
        if language == self.language:
            return self.name
        for item in self.names.all():
            if item.language == language:
                return item.name
        return self.name

    def names_by_language(self) -> dict[str, str]:
        names = {item.language: item.name for item in self.names.all()}
        names.setdefault(self.language, self.name)
        return names


class OrganisationName(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=2)
    name = models.CharField(_("name"), max_length=200)
    folded = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("organisation name")
        verbose_name_plural = _("organisation names")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "language"], name="organisation_name_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"

    def save(self, *args, **kwargs):

        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class Person(models.Model):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=20,
        blank=True,
        help_text=_("Comma-separated, e.g. nl,fr."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def get_absolute_url(self) -> str:
        return reverse("organisations:person", args=[self.slug])


class Role(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    ALDERMAN = "alderman", _("Alderman")
    GOVERNOR = "governor", _("Governor")
    MINISTER = "minister", _("Minister")
    CHAIR = "chair", _("Chair")
    PRESIDENT = "president", _("President")
    SECRETARY_GENERAL = "secretary_general", _("Secretary-General")
    DIRECTOR = "director", _("Director")
    HEAD = "head", _("Head of unit")
    ADVISER = "adviser", _("Adviser")
    OFFICER = "officer", _("Officer")
    CONTACT = "contact", _("Contact person")


class PostQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(start__isnull=True) | Q(start__lte=on)).filter(
            Q(end__isnull=True) | Q(end__gte=on)
        )

    def past(self, on=None):
        on = on or timezone.localdate()
        return self.filter(end__lt=on)

    def listed(self):
        """Posts of people and organisations not archived, for indexes and exports."""
        return self.filter(person__archived_at__isnull=True, organisation__archived_at__isnull=True)

    def in_country(self, country: str):
        return self.filter(organisation__country=country.upper())

    def with_competence(self, theme: str):
        return self.filter(competences__theme=theme, competences__archived_at__isnull=True)


class Post(models.Model):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="posts"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="posts"
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    title = models.CharField(
        _("job title"),
        max_length=200,
        blank=True,
        help_text=_("Exact title, if the role is not enough."),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    # Work contact of the post (not the person's own): who sees it is chosen per post and
    # decided by ``access.visible_contact``.
    work_email = models.EmailField(_("work e-mail"), blank=True)
    work_phone = models.CharField(_("work phone"), max_length=40, blank=True)
    contact_visibility = models.CharField(
        _("contact visible to"),
        max_length=12,
        choices=ContactVisibility.choices,
        default=ContactVisibility.MEMBERS,
    )
    history = HistoricalRecords()

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="post_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.get_role_display()} ({self.organisation})"

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return (self.start is None or self.start <= on) and (self.end is None or self.end >= on)


class RelationKind(models.TextChoices):
    """What a relation means, read from ``source`` to ``target`` ("the Council prepares the
    Committee of Ministers"). ``twinning`` and ``partnership`` became ``twinned_with`` and
    ``partner_of`` (migration 0004)."""

    PREPARES = "prepares", _("prepares")
    ADVISES = "advises", _("advises")
    HOSTS_SECRETARIAT = "hosts_secretariat", _("hosts the secretariat of")
    MEMBER_OF = "member_of", _("member of")
    PARTNER_OF = "partner_of", _("partner of")
    TWINNED_WITH = "twinned_with", _("twinned with")
    SUPPORTS = "supports", _("supports")


# Kinds that read the same both ways (drawn without an arrow).
SYMMETRIC_KINDS = frozenset({RelationKind.PARTNER_OF, RelationKind.TWINNED_WITH})


class RelationQuerySet(models.QuerySet):
    def involving(self, organisation):
        return self.filter(Q(source=organisation) | Q(target=organisation))

    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gte=on))

    def for_listing(self):
        """Relations with both ends and their names loaded, in a stable order."""
        return (
            self.select_related("source", "target")
            .prefetch_related("source__names", "target__names")
            .order_by("kind", "source__name", "target__name", "pk")
        )


class Relation(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=RelationKind.choices)
    source = models.ForeignKey(
        Organisation, verbose_name=_("from"), on_delete=models.PROTECT, related_name="relations_out"
    )
    target = models.ForeignKey(
        Organisation, verbose_name=_("to"), on_delete=models.PROTECT, related_name="relations_in"
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    source_reference = models.CharField(_("source"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = RelationQuerySet.as_manager()

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        ordering = ["kind", "since"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "source", "target"], name="relation_unique"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} — {self.get_kind_display()} — {self.target}"


class Presidency(models.Model):
    """The rotating presidency of the Benelux Union (one member state per calendar year)."""

    country = models.CharField(_("country"), max_length=2)
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("presidency")
        verbose_name_plural = _("presidencies")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.country}"


class MembershipRole(models.TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Administrator")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "accounts_membership"  # created by accounts before memberships moved here
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class InvitationQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """An organisation administrator invites a colleague's address with a role; the link in
    the mail works once and until ``expires_at``. Only the SHA-256 of the link's token is kept."""

    organisation = models.ForeignKey(
        "Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices)
    language = models.CharField(_("language of the invitation"), max_length=2, default="en")
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation} ({self.get_role_display()})"

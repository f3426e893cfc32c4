"""The legal library: treaties and other legal acts, their articles and the links between them.

An act is identified by its ``bwb_id`` (the wetten.overheid.nl identifier, e.g. BWBV0002224).
Acts are imported, not edited by people, so there is no ``version`` field; history still records
every import that changed an act.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.legal.themes import THEMES

PARTY_LABELS = {
    "BE": _("Belgium"),
    "NL": _("Netherlands"),
    "LU": _("Luxembourg"),
    "DE": _("Germany"),
    "FR": _("France"),
    "BENELUX": _("Benelux"),
    "DE-NW": _("North Rhine-Westphalia"),
    "DE-NI": _("Lower Saxony"),
}

LANGUAGE_LABELS = {
    "nl": _("Dutch"),
    "fr": _("French"),
    "de": _("German"),
    "en": _("English"),
}


class Kind(models.TextChoices):
    TREATY = "treaty", _("Treaty")
    PROTOCOL = "protocol", _("Protocol")
    MEMORANDUM = "memorandum", _("Memorandum of understanding")
    AGREEMENT = "agreement", _("Agreement")
    NATIONAL_LAW = "national_law", _("National law")
    OTHER = "other", _("Other")


class LinkKind(models.TextChoices):
    SUPPLEMENTS = "supplements", _("supplements")
    AMENDS = "amends", _("amends")
    IMPLEMENTS = "implements", _("implements")
    CITES = "cites", _("cites")


class LegalActQuerySet(models.QuerySet):
    def with_party(self, code: str):
        # JSON "contains" is not available on SQLite; the quoted code is unique within the list.
        return self.filter(parties__icontains=f'"{code}"')

    def with_theme(self, slug: str):
        return self.filter(themes__icontains=f'"{slug}"')

    def crisis(self, value: bool = True):
        return self.filter(crisis_related=value)

    def title_matches(self, q: str):
        return self.filter(title__icontains=q)


class LegalAct(models.Model):
    bwb_id = models.CharField(_("identifier"), max_length=20, unique=True)
    eli_uri = models.CharField(_("ELI URI"), max_length=300, blank=True)
    title = models.TextField(_("title"))
    language = models.CharField(_("original language"), max_length=2, default="nl")
    languages = models.JSONField(
        _("languages of the text"), default=list, blank=True, help_text=_('e.g. ["nl", "de"]')
    )
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown as imported."))
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices, default=Kind.TREATY)
    parties = models.JSONField(_("parties"), default=list, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force since"), null=True, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    crisis_related = models.BooleanField(_("crisis related"), default=False)
    source = models.CharField(_("source"), max_length=500, blank=True)
    source_commit = models.CharField(_("source commit"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = LegalActQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")
        ordering = ["bwb_id"]

    def __str__(self) -> str:
        return f"{self.bwb_id} {self.title[:120]}"

    def get_absolute_url(self) -> str:
        return reverse("legal:act", kwargs={"bwb_id": self.bwb_id})

    def party_labels(self) -> list[str]:
        return [str(PARTY_LABELS.get(code, code)) for code in self.parties]

    def theme_labels(self) -> list[str]:
        return [str(THEMES.get(slug, slug)) for slug in self.themes]

    def language_labels(self) -> list[str]:
        return [str(LANGUAGE_LABELS.get(code, code)) for code in self.languages]


class Article(models.Model):
    act = models.ForeignKey(
        LegalAct, verbose_name=_("legal act"), on_delete=models.CASCADE, related_name="articles"
    )
    number = models.CharField(_("number"), max_length=30)
    anchor = models.CharField(_("anchor"), max_length=60)
    language = models.CharField(_("language"), max_length=2, default="nl")
    heading = models.CharField(_("heading"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["act", "position"]
        constraints = [
            models.UniqueConstraint(fields=["act", "anchor"], name="legal_article_anchor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.act.bwb_id} art. {self.number}"

    def get_absolute_url(self) -> str:
        return f"{self.act.get_absolute_url()}#{self.anchor}"


class ActLink(models.Model):
    from_act = models.ForeignKey(
        LegalAct, verbose_name=_("from"), on_delete=models.CASCADE, related_name="links_out"
    )
    to_act = models.ForeignKey(
        LegalAct, verbose_name=_("to"), on_delete=models.CASCADE, related_name="links_in"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=LinkKind.choices)

    class Meta:
        verbose_name = _("link between acts")
        verbose_name_plural = _("links between acts")
        ordering = ["from_act", "kind", "to_act"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_act", "to_act", "kind"], name="legal_actlink_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_act=models.F("to_act")), name="legal_actlink_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_act.bwb_id} {self.kind} {self.to_act.bwb_id}"

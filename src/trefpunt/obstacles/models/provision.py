"""The legal provisions behind an obstacle, one side of the border at a time."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.legal.models import Article, LegalAct

from .obstacle import Obstacle


class Provision(models.Model):
    """A rule that causes (or could solve) the obstacle: an act of the legal library, maybe one
    of its articles, or a free citation of a national rule the library does not hold."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="provisions")
    country = models.CharField(_("side"), max_length=2)
    act = models.ForeignKey(
        LegalAct,
        verbose_name=_("legal act"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="obstacle_provisions",
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="obstacle_provisions",
    )
    citation = models.CharField(
        _("citation"),
        max_length=500,
        blank=True,
        help_text=_("A national rule not in the legal library, e.g. “Art. 5 Wet X”."),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal provision")
        verbose_name_plural = _("legal provisions")
        ordering = ["country", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(act__isnull=False) | ~Q(citation=""),
                name="provision_act_or_citation",
            ),
            models.CheckConstraint(
                condition=Q(article__isnull=True) | Q(act__isnull=False),
                name="provision_article_needs_act",
            ),
        ]

    def __str__(self) -> str:
        if self.article_id:
            return str(self.article)
        if self.act_id:
            return self.act.bwb_id
        return self.citation

    @property
    def url(self) -> str:
        if self.article_id:
            return self.article.get_absolute_url()
        if self.act_id:
            return self.act.get_absolute_url()
        return ""

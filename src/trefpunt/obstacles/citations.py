"""Tells the legal library which obstacles cite an act (its "cited by" list): published
obstacles only, through ``legal.citations`` so that ``legal`` never imports this app."""

from django.utils.translation import gettext_lazy as _

from trefpunt.legal import citations

from .lifecycle import PUBLISHED
from .models import Obstacle


def citing_obstacles(act):
    return (
        Obstacle.objects.filter(status__in=PUBLISHED, provisions__act=act)
        .distinct()
        .order_by("-submitted_at", "-pk")
    )


citations.register("obstacles", label=_("Obstacles"), records=citing_obstacles)

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from trefpunt.assistance.models import ContactPoint


class Command(BaseCommand):
    help = "List the 24/7 contact points not verified in the last 90 days."

    def handle(self, *args, **options):
        stale = list(ContactPoint.objects.stale().select_related("organisation"))
        for point in stale:
            self.stdout.write(
                f"{point.country} {point.region or '-'}\t{point.label}\t{point.value}\t"
                f"{point.last_verified or _('never verified')}"
            )
        self.stdout.write(
            _("%(count)d contact points are stale (not verified in 90 days).")
            % {"count": len(stale)}
        )

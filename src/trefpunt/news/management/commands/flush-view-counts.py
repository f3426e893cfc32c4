from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from trefpunt.news import counting


class Command(BaseCommand):
    help = (
        "Write the article view counts this process still holds to the database (they are "
        "also written every TREFPUNT_VIEW_FLUSH_SECONDS and at exit)."
    )

    def handle(self, *args, **options):
        written = counting.flush()
        self.stdout.write(_("%(count)s view count rows written.") % {"count": written})

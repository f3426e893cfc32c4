from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from trefpunt.subscriptions.models import Frequency
from trefpunt.subscriptions.operations import send_digests


class Command(BaseCommand):
    help = (
        "Mail each subscribed user one digest with what is new for what they follow. Run "
        "--frequency immediate every few minutes, daily once a day, weekly once a week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Frequency.values, required=True)
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, but neither send nor record anything."
        )

    def handle(self, *args, frequency, dry_run, **options):
        def progress(digest):
            self.stdout.write(
                _("%(user)s: %(count)s items (%(language)s)")
                % {
                    "user": digest.user.get_username(),
                    "count": len(digest.items),
                    "language": digest.language,
                }
            )

        summary = send_digests(frequency=frequency, dry_run=dry_run, progress=progress)
        counts = {
            "mails": summary.mails,
            "items": summary.items,
            "nothing": summary.nothing_new,
            "no_email": summary.no_email,
        }
        if dry_run:
            line = _(
                "Dry run, nothing sent or recorded: would send %(mails)s mails with %(items)s "
                "items (%(nothing)s users with nothing new, %(no_email)s without email address)."
            )
        else:
            line = _(
                "Sent %(mails)s mails with %(items)s items (%(nothing)s users with nothing new, "
                "%(no_email)s without email address)."
            )
        self.stdout.write(self.style.SUCCESS(line % counts))

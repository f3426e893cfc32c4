from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from trefpunt.obstacles.operations import send_obstacle_reminders


class Command(BaseCommand):
    help = (
        "Mail the curators about obstacles whose assessment or solution is overdue. Each "
        "reminder goes once per due date, so it is safe to run every hour (beside "
        "send-reminders)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the reminders; send and write nothing."
        )

    def handle(self, *args, dry_run, **options):
        s = send_obstacle_reminders(dry_run=dry_run)
        counts = {
            "assessment": s.assessment,
            "redress": s.redress,
            "already": s.already_sent,
            "none": s.no_recipient,
        }
        if dry_run:
            line = _(
                "Dry run, nothing sent or written: would send %(assessment)s assessment and "
                "%(redress)s solution reminders (%(already)s already sent, %(none)s without "
                "recipient)."
            )
        else:
            line = _(
                "Sent %(assessment)s assessment and %(redress)s solution reminders "
                "(%(already)s already sent, %(none)s without recipient)."
            )
        self.stdout.write(self.style.SUCCESS(line % counts))

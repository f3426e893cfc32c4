from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trefpunt.meetings.operations import send_reminders


def summary_line(summary) -> str:
    counts = {
        "meetings": ngettext(
            "%(count)s meeting reminder", "%(count)s meeting reminders", summary.meeting_reminders
        )
        % {"count": summary.meeting_reminders},
        "actions": ngettext(
            "%(count)s overdue-action reminder",
            "%(count)s overdue-action reminders",
            summary.action_reminders,
        )
        % {"count": summary.action_reminders},
        "no_email": ngettext(
            "%(count)s without email address",
            "%(count)s without email address",
            summary.skipped_no_email,
        )
        % {"count": summary.skipped_no_email},
        "already": ngettext(
            "%(count)s already sent", "%(count)s already sent", summary.already_sent
        )
        % {"count": summary.already_sent},
    }
    if summary.dry_run:
        return (
            _(
                "Dry run, nothing sent or written: would send %(meetings)s and %(actions)s "
                "(%(no_email)s, %(already)s)."
            )
            % counts
        )
    return _("Sent %(meetings)s and %(actions)s (%(no_email)s, %(already)s).") % counts


class Command(BaseCommand):
    help = (
        "Mail reminders: upcoming meetings to registered participants, overdue actions to "
        "their owners. Each reminder goes once, so it is safe to run every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-ahead",
            type=int,
            default=7,
            help="Remind of meetings starting within this many days (default 7).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the reminders; send and write nothing."
        )

    def handle(self, *args, days_ahead, dry_run, **options):
        if days_ahead < 0:
            raise CommandError(_("--days-ahead cannot be negative."))
        summary = send_reminders(days_ahead=days_ahead, dry_run=dry_run)
        self.stdout.write(self.style.SUCCESS(summary_line(summary)))

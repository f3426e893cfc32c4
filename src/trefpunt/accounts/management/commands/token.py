from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from trefpunt.accounts.operations import issue_token


class Command(BaseCommand):
    help = "API tokens: `trefpunt token create USER [--name NAME]` prints the raw token once."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Issue a token for USER (user name).")
        create.add_argument("username")
        create.add_argument("--name", default="CLI", help="The token's label (default: CLI).")

    def handle(self, *args, action, username, name, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user is called %(name)s.") % {"name": username})
        try:
            token, raw = issue_token(user=user, label=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        # Only the raw token on stdout, so that scripts can capture it.
        self.stdout.write(raw)
        self.stderr.write(
            _("Token %(prefix)s… (%(label)s) for %(user)s: store it now, it is not shown again.")
            % {"prefix": token.prefix, "label": token.label, "user": user.username}
        )

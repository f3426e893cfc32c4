"""What every programme operation shares: refusals and field errors raised at once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


class Errors(dict):
    """Field errors gathered over a whole input, raised at once."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def refuse(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change the work programme."))

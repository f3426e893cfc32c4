"""What every assistance operation shares: field errors, the refusal (404) and the audit."""

from django.core.exceptions import ValidationError

from .. import access
from ..models import AuditAction


class Errors(dict):
    """Field errors gathered over a whole input, raised at once."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def allowed(user) -> None:
    """``user=None`` is the system (CLI, demo loader); anyone else must be crisis staff."""
    if user is not None:
        access.require(user)


def written(user, what: str, obj) -> None:
    access.audit(user, AuditAction.WRITE, what, obj)

"""Demo accounts for trying the editing flows locally (only when DEBUG is on)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from trefpunt.organisations.models import Organisation

from . import operations

DEMO_PASSWORD = "trefpunt-demo"  # noqa: S105 — local demo only, never created when DEBUG is off


def load() -> int:
    if not settings.DEBUG:
        return 0
    User = get_user_model()
    created = 0
    curator, new = User.objects.get_or_create(
        username="curator", defaults={"email": "curator@example.org"}
    )
    if new:
        curator.set_password(DEMO_PASSWORD)
        curator.save()
        created += 1
    operations.grant_role(by=None, user=curator, role="curator")
    editor, new = User.objects.get_or_create(
        username="editor.menen", defaults={"email": "editor@example.org"}
    )
    if new:
        editor.set_password(DEMO_PASSWORD)
        editor.save()
        created += 1
    menen = Organisation.objects.filter(slug="menen").first()
    if menen:
        operations.add_member(by=None, user=editor, organisation=menen, role="editor")
    return created

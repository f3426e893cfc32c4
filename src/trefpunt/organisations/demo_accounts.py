"""Demo accounts for trying the editing flows locally (only when DEBUG is on)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from trefpunt.accounts import operations as accounts

from . import operations
from .models import Organisation, Person

DEMO_PASSWORD = "trefpunt-demo"  # noqa: S105 — local demo only, never created when DEBUG is off


def load_accounts() -> int:
    if not settings.DEBUG:
        return 0
    created = 0
    curator, new = _account("curator")
    created += new
    accounts.grant_role(by=None, user=curator, role="curator")
    # Editors organise their organisation's meetings: Menen, and the Eurometropolis agency
    # that runs the local consultations of French and Belgian mayors.
    for username, slug in (("editor.menen", "menen"), ("editor.eurometropolis", "eurometropolis")):
        editor, new = _account(username)
        created += new
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation:
            operations.add_member(by=None, user=editor, organisation=organisation, role="editor")
    # The (fictional) mayor of Halluin co-chairs the consultations: as a participant he reads
    # their participants-only minutes.
    mayor, new = _account("mayor.halluin")
    created += new
    person = Person.objects.filter(slug="marc-duhamel", user__isnull=True).first()
    if person is not None:
        person.user = mayor
        operations.save_directory_record(person, user=None)
    return created


def _account(username: str):
    user, new = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if new:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user, int(new)

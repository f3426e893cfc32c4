"""The data set of the permission matrix: the demo data, one user per role, and a Menen meeting
with every kind of record, so that every URL of the site has something real to point at."""

import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from trefpunt.accounts import operations as accounts
from trefpunt.accounts.models import ApiToken
from trefpunt.meetings import operations as meetings
from trefpunt.meetings.models import Meeting, Series, Visibility
from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation, Person, Post
from trefpunt.places.importers import packaged
from trefpunt.places.operations import import_territories

ROLES = ("anonymous", "other", "editor", "subunit", "participant", "curator", "crisis")
ROLE_HELP = {
    "anonymous": "not signed in",
    "other": "editor of Kortrijk, another organisation",
    "editor": "editor of Menen, the organiser of the matrix meeting",
    "subunit": "editor of Menen's housing department, a sub-unit of Menen",
    "participant": "member of no organisation, registered participant of the matrix meeting",
    "curator": "platform curator",
    "crisis": "crisis-centre staff (platform role)",
}


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> user (anonymous: None)
    tokens: dict = field(default_factory=dict)  # role -> raw API token
    objects: dict = field(default_factory=dict)  # name -> object or value for URL arguments


def _user(username: str):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="a long test password"
    )


def build() -> World:

    with override_settings(
        TREFPUNT_EMBEDDER="none",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        import_territories(packaged.records())
        call_command("load-demo", "--no-gazetteer", verbosity=0, stdout=io.StringIO())
        return _cast()


def _cast() -> World:
    world = World()
    menen = Organisation.objects.get(slug="menen")
    kortrijk = Organisation.objects.get(slug="kortrijk")
    housing = directory.create_organisation(
        user=None,
        slug="matrix-menen-housing",
        name="Menen housing",
        kind="team",
        language="nl",
        country="BE",
        parent=menen,
    )
    users = {role: _user(f"matrix.{role}") for role in ROLES[1:]}
    directory.add_member(by=None, user=users["other"], organisation=kortrijk, role="editor")
    directory.add_member(by=None, user=users["editor"], organisation=menen, role="editor")
    directory.add_member(by=None, user=users["subunit"], organisation=housing, role="editor")
    accounts.grant_role(by=None, user=users["curator"], role="curator")
    accounts.grant_role(by=None, user=users["crisis"], role="crisis_staff")
    world.users = {"anonymous": None, **users}
    world.tokens = {
        role: accounts.issue_token(user=user, label="matrix")[1] for role, user in users.items()
    }

    # A participants-only meeting of Menen with an agenda item, a decision, an action, minutes
    # and a registered participant who is the participant role's person.
    mayor = Post.objects.current().get(organisation__slug="menen", role="mayor")
    meeting = meetings.schedule_meeting(
        user=None,
        organiser=menen,
        kind="local_consultation",
        language="nl",
        title="Matrixoverleg Menen",
        description="<p>Overleg.</p>",
        start=datetime(2026, 3, 26, 14, 0),
        end=datetime(2026, 3, 26, 16, 0),
        timezone="Europe/Brussels",
        address="Grote Markt 1, Menen",
        chairs=[{"person": mayor.person, "post": mayor, "country": None}],
        visibility=Visibility.PARTICIPANTS,
    )
    person = Person.objects.get(slug="sofie-vandamme")
    person.user = users["participant"]
    person.save(update_fields=["user"])
    participant = meetings.invite(meeting, user=None, person=person)
    meetings.set_participant_status(participant, user=None, status="registered")
    item = meetings.add_agenda_item(meeting, user=None, title="Mobiliteit")
    decision = meetings.record_decision(meeting, user=None, text="Een werkgroep starten.")
    action = meetings.assign_action(
        meeting,
        user=None,
        title="Werkgroep samenstellen",
        owner_organisation=menen,
        due_date=date(2026, 4, 30),
    )
    meetings.save_minutes(meeting, user=None, language="nl", body="<p>Verslag.</p>")
    world.objects.update(
        menen=menen,
        meeting=meeting,
        participant=participant,
        agenda_item=item,
        decision=decision,
        action=action,
        series=Series.objects.order_by("pk").first(),
        token=ApiToken.objects.filter(user=users["editor"]).get(),
        other_meeting=Meeting.objects.exclude(pk=meeting.pk).order_by("pk").first(),
    )
    return world

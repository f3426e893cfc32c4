"""The loader of the demo meetings: turns the specs of ``meetings.json`` into meetings through
the meetings operations, resolving organisations and people by their slug in the demo
directory; a meeting whose organisations or people are missing is skipped whole."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation, Person, Post
from trefpunt.places.models import Territory
from trefpunt.practices.models import Practice

from .. import operations
from ..models import Meeting, Series

# Minutes are approved some weeks after their meeting (never later than the loading moment).
MINUTES_APPROVED_AFTER = timedelta(days=21)


def first_thursday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def months_before(day: date, months: int) -> date:
    """The first Thursday of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return first_thursday(index // 12, index % 12 + 1)


def dated_action(action: dict, day: date) -> dict:
    """A series action whose ``due_days_after`` its meeting's ``day`` becomes a ``due`` date."""
    if "due_days_after" not in action:
        return action
    dated = {k: v for k, v in action.items() if k != "due_days_after"}
    dated["due"] = (day + timedelta(days=action["due_days_after"])).isoformat()
    return dated


class Missing(Exception):
    """A record the meeting needs is not in the directory: skip the meeting."""


class Loader:
    def __init__(self):
        self.created = 0
        self.organisations = {o.slug: o for o in Organisation.objects.all()}
        self.people = {p.slug: p for p in Person.objects.all()}
        self.practices = {
            p.external_id: p for p in Practice.objects.filter(external_id__startswith="demo:")
        }

    def organisation(self, slug: str) -> Organisation:
        if slug not in self.organisations:
            raise Missing(slug)
        return self.organisations[slug]

    def person(self, slug: str) -> Person:
        if slug not in self.people:
            raise Missing(slug)
        return self.people[slug]

    def territory(self, code: str | None, host: Organisation | None = None):
        if code:
            return Territory.objects.filter(code=code).first()
        return host.territory if host is not None else None

    def meeting(self, spec: dict, *, series=None, start=None, end=None, chairs=(), sides=()):
        """Create one meeting with everything it records; False when it exists already."""
        if Meeting.objects.filter(is_demo=True, title=spec["title"]).exists():
            return False
        organiser = self.organisation(spec.get("organiser") or series.organiser.slug)
        host = self.organisation(spec["host"]) if spec.get("host") else None
        territory = self.territory(spec.get("territory"), host)
        # A host town missing from the gazetteer is still a place: its name as the address.
        address = host.name if host is not None and territory is None else ""
        supporting = [self.organisation(slug) for slug in spec.get("supporting", ())]
        participants = self._participants(spec)
        agenda = [
            (title, self.person(presenter) if presenter else None, minutes, practices)
            for title, presenter, minutes, practices in spec["agenda"]
        ]
        decisions = [
            (text, [self._owner(a) for a in actions]) for text, actions in spec["decisions"]
        ]
        chairs = chairs or self._chairs(spec)
        with transaction.atomic():
            meeting = operations.schedule_meeting(
                user=None,
                organiser=organiser,
                kind=spec.get("kind") or series.kind,
                language=spec.get("language") or series.language,
                title=spec["title"],
                description=spec["description"],
                start=start or datetime.fromisoformat(spec["start"]),
                end=end or datetime.fromisoformat(spec["end"]),
                timezone=spec["timezone"],
                series=series,
                territory=territory,
                address=address,
                supporting=supporting,
                sides=sides,
                visibility=spec.get("visibility", "public"),
                chairs=chairs,
                is_demo=True,
            )
            self.created += 1
            for language, (title, description) in spec["translations"].items():
                operations.save_meeting_translation(
                    meeting, user=None, language=language, title=title, description=description
                )
                self.created += 1
            for kind, record, status, country, level in participants:
                participant = operations.invite(
                    meeting,
                    user=None,
                    person=record if kind == "person" else None,
                    organisation=record if kind == "organisation" else None,
                    delegation_country=country,
                    delegation_level=level,
                )
                if status != participant.status:
                    operations.set_participant_status(participant, user=None, status=status)
                self.created += 1
            for title, presenter, minutes, practice_keys in agenda:
                operations.add_agenda_item(
                    meeting,
                    user=None,
                    title=title,
                    presenter=presenter,
                    duration_minutes=minutes,
                    practices=[
                        self.practices[f"demo:{key}"]
                        for key in practice_keys
                        if f"demo:{key}" in self.practices
                    ],
                )
                self.created += 1
            for text, actions in decisions:
                decision = operations.record_decision(meeting, user=None, text=text)
                self.created += 1
                for action in actions:
                    self._action(meeting, decision, action)
            for language, (body, visibility) in spec["minutes"].items():
                minutes = operations.save_minutes(
                    meeting, user=None, language=language, body=body, visibility=visibility
                )
                # Approved three weeks after the meeting, as a real series would, not on the
                # day the demo is installed.
                operations.approve_minutes(
                    minutes, user=None, at=meeting.end + MINUTES_APPROVED_AFTER
                )
                self.created += 1
        return True

    def _participants(self, spec: dict) -> list[tuple]:
        rows = []
        for kind, slug, status, country, level in spec["participants"]:
            record = self.person(slug) if kind == "person" else self.organisation(slug)
            rows.append((kind, record, status, country, level))
        return rows

    def _chairs(self, spec: dict) -> list[dict]:
        chairs = []
        for person_slug, organisation_slug, country in spec.get("chairs", ()):
            person = self.person(person_slug)
            post = (
                Post.objects.current()
                .filter(person=person, organisation=self.organisation(organisation_slug))
                .first()
            )
            chairs.append({"person": person, "post": post, "country": country})
        return chairs

    def _owner(self, action: dict) -> dict:
        action = dict(action)
        if "person" in action:
            action["person"] = self.person(action["person"])
        else:
            action["organisation"] = self.organisation(action["organisation"])
        return action

    def _action(self, meeting, decision, spec: dict) -> None:
        action = operations.assign_action(
            meeting,
            user=None,
            title=spec["title"],
            owner_person=spec.get("person"),
            owner_organisation=spec.get("organisation"),
            due_date=date.fromisoformat(spec["due"]),
            decision=decision,
        )
        self.created += 1
        if spec["status"] != action.status:
            operations.update_action(
                action, user=None, version=action.version, status=spec["status"]
            )

    # --- The Eurometropolis series ---------------------------------------------------------

    def mayor(self, municipality: str, given: str, family: str, languages: str) -> Post:
        """The current mayor's post; a demo one is appointed only when there is none."""
        organisation = self.organisation(municipality)
        post = (
            Post.objects.current()
            .filter(organisation=organisation, role="mayor")
            .select_related("person", "organisation")
            .first()
        )
        if post is not None:
            return post
        slug = slugify(f"{given} {family}")
        person = self.people.get(slug) or directory.create_person(
            user=None,
            slug=slug,
            given_name=given,
            family_name=family,
            languages=languages,
            is_demo=True,
        )
        self.people[slug] = person
        post = directory.appoint(
            user=None,
            person=person,
            organisation=organisation,
            role="mayor",
            start=date(timezone.localdate().year, 1, 1),
        )
        self.created += 2
        return post

    def series(self, spec: dict) -> Series:
        series = Series.objects.filter(slug=spec["slug"]).first()
        if series is None:
            series = operations.create_series(
                user=None,
                organiser=self.organisation(spec["organiser"]),
                slug=spec["slug"],
                name=spec["name"],
                language=spec["language"],
                kind=spec["kind"],
                description=spec["description"],
                names=spec["names"],
                is_demo=True,
            )
            self.created += 1
        return series

    def series_meetings(self, spec: dict, upcoming: date) -> None:
        """The series ``spec`` and its meetings; a meeting without a ``day`` is on ``upcoming``."""
        for key in ("eurometropolis", "halluin", "menen"):
            self.organisation(key)
        with transaction.atomic():
            french = self.mayor("halluin", "Marc", "Duhamel", "fr")
            belgian = self.mayor("menen", "Anneleen", "Vercruysse", "nl,fr")
            series = self.series(spec)
        chairs = [
            {"person": french.person, "post": french, "country": "FR"},
            {"person": belgian.person, "post": belgian, "country": "BE"},
        ]
        opening, closing = (time.fromisoformat(hour) for hour in spec["hours"])
        for meeting in spec["meetings"]:
            day = months_before(upcoming, meeting["months_before_upcoming"])
            participants = [
                (kind, slug, status, country, level)
                for (kind, slug, country, level), status in zip(
                    spec["participants"], meeting["statuses"], strict=True
                )
            ]
            full = {
                **meeting,
                "decisions": [
                    (text, [dated_action(action, day) for action in actions])
                    for text, actions in meeting["decisions"]
                ],
                "language": "fr",
                "timezone": spec["timezone"],
                "participants": participants,
            }
            try:
                self.meeting(
                    full,
                    series=series,
                    start=datetime.combine(day, opening),
                    end=datetime.combine(day, closing),
                    chairs=chairs,
                    sides=["FR", "BE"],
                )
            except Missing:
                continue

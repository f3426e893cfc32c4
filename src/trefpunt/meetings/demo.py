"""Demo meetings, written by us and marked ``is_demo``.

The dates of the first three meetings are public facts of the Benelux cooperation (the
Secretary-General meeting the mayor of Brussels on 16 November 2021, the Benelux Council of
25 November 2021, the crisis-centre directors under the Belgian presidency on 24 June 2024);
what they discussed is retold in our own words, without real people. The Eurometropolis series
of local consultations is invented to show a series at work: two past meetings with decisions,
actions and minutes, and an upcoming one on whose agenda the open actions return by
themselves. Loading is idempotent: a meeting is keyed by its original title, a series by its
slug; a meeting whose organisations or people are missing is skipped whole.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation, Person, Post
from trefpunt.places.models import Territory
from trefpunt.practices.models import Practice

from . import operations
from .models import Meeting, Series

SERIES = {
    "slug": "eurometropolis-local-consultation",
    "organiser": "eurometropolis",
    "kind": "local_consultation",
    "language": "fr",
    "name": "Concertation locale de l'Eurométropole",
    "names": {
        "nl": "Lokaal overleg Eurometropool",
        "en": "Eurometropolis local consultation",
        "de": "Lokale Abstimmung der Eurometropole",
    },
    "description": (
        "Les maires des communes frontalières françaises et belges de l'Eurométropole se "
        "retrouvent plusieurs fois par an pour régler ensemble les petits problèmes de la "
        "frontière au quotidien : transports, sécurité, services aux habitants."
    ),
}

BRUSSELS = "BE-NIS:21004"

# People are referred to by their slug in the demo directory (organisations/demo.py).
MEETINGS = [
    {
        "title": (
            "Gesprek van de secretaris-generaal van de Benelux Unie met de burgemeester van "
            "Brussel over samenwerking tussen de Beneluxhoofdsteden"
        ),
        "language": "nl",
        "description": (
            "<p>De secretaris-generaal van de Benelux Unie ontvangt de burgemeester van de Stad "
            "Brussel. Brussel, Amsterdam en Luxemburg zijn sinds 1956 met elkaar verbroederd; "
            "het gesprek verkent hoe die oude band vandaag kan dienen om ervaringen tussen de "
            "drie hoofdsteden uit te wisselen en waar het Secretariaat-Generaal daarbij kan "
            "helpen.</p>"
        ),
        "translations": {
            "fr": (
                "Entretien du secrétaire général de l'Union Benelux avec le bourgmestre de "
                "Bruxelles sur la coopération entre les capitales du Benelux",
                "<p>Le secrétaire général de l'Union Benelux reçoit le bourgmestre de la Ville "
                "de Bruxelles. Bruxelles, Amsterdam et Luxembourg sont jumelées depuis 1956 ; "
                "l'entretien examine comment ce lien ancien peut servir aujourd'hui à échanger "
                "des expériences entre les trois capitales et ce que le Secrétariat général "
                "peut y apporter.</p>",
            ),
        },
        "kind": "bilateral",
        "organiser": "benelux-secretariat-general",
        "supporting": [],
        "start": (date(2021, 11, 16), time(10, 0)),
        "end": (date(2021, 11, 16), time(11, 30)),
        "timezone": "Europe/Brussels",
        "territory": BRUSSELS,
        "visibility": "public",
        "participants": [
            ("organisation", "brussels", "attended", "BE", "municipal"),
            ("person", "tom-wouters", "attended", "", "benelux"),
        ],
        "agenda": [
            ("Stand van de samenwerking tussen de drie hoofdsteden", "tom-wouters", 30, []),
            ("Mogelijke gezamenlijke initiatieven", None, 45, []),
        ],
        "decisions": [
            (
                "Het Secretariaat-Generaal brengt de bestaande samenwerking tussen Brussel, "
                "Amsterdam en Luxemburg in kaart.",
                [
                    {
                        "title": "Overzicht van de samenwerking tussen de hoofdsteden opstellen",
                        "organisation": "sg-team-cross-border",
                        "due": date(2022, 3, 31),
                        "status": "done",
                    }
                ],
            ),
        ],
        "minutes": {},
    },
    {
        "title": "Beneluxraad: voorbereiding van het Comité van Ministers",
        "language": "nl",
        "description": (
            "<p>De Beneluxraad, waarin hoge ambtenaren van de drie landen zitten, bereidt de "
            "komende vergadering van het Comité van Ministers voor: de stand van het jaarplan, "
            "de punten die de ministers moeten beslissen en de stukken die daarvoor nodig "
            "zijn.</p>"
        ),
        "translations": {
            "fr": (
                "Conseil Benelux : préparation du Comité de Ministres",
                "<p>Le Conseil Benelux, qui réunit de hauts fonctionnaires des trois pays, "
                "prépare la prochaine réunion du Comité de Ministres : l'état du plan annuel, "
                "les points sur lesquels les ministres doivent décider et les documents "
                "nécessaires.</p>",
            ),
        },
        "kind": "strategic",
        "organiser": "benelux-council",
        "supporting": ["benelux-secretariat-general"],
        "start": (date(2021, 11, 25), time(10, 0)),
        "end": (date(2021, 11, 25), time(13, 0)),
        "timezone": "Europe/Brussels",
        "territory": BRUSSELS,
        "visibility": "participants",
        "participants": [
            ("organisation", "benelux-secretariat-general", "attended", "", "benelux"),
            ("person", "tom-wouters", "attended", "", "benelux"),
            ("person", "nadia-benali", "attended", "", "benelux"),
        ],
        "agenda": [
            ("Stand van de uitvoering van het jaarplan", "tom-wouters", 45, []),
            ("Ontwerpagenda van het Comité van Ministers", None, 60, []),
            ("Rondvraag", None, 15, []),
        ],
        "decisions": [
            (
                "De Beneluxraad stelt de ontwerpagenda van het Comité van Ministers vast.",
                [
                    {
                        "title": "Ontwerpagenda en stukken aan de delegaties bezorgen",
                        "organisation": "benelux-secretariat-general",
                        "due": date(2021, 12, 3),
                        "status": "done",
                    }
                ],
            ),
        ],
        "minutes": {
            "nl": (
                "<p>De raad overloopt de uitvoering van het jaarplan en stelt vast dat de "
                "meeste projecten op schema liggen. De ontwerpagenda van het Comité van "
                "Ministers wordt vastgesteld; het Secretariaat-Generaal bezorgt de stukken "
                "aan de delegaties.</p>",
                "participants",
            ),
        },
    },
    {
        "title": "Strategisch overleg van de directeurs van de crisiscentra",
        "language": "nl",
        "description": (
            "<p>Onder het Belgische voorzitterschap komen de directeurs van de nationale "
            "crisiscentra van België, Nederland en Luxemburg samen om de wederzijdse bijstand "
            "bij crisissen voor te bereiden: wie kan wat sturen, en hoe snel, en hoe werken "
            "de centra samen bij grote evenementen.</p>"
        ),
        "translations": {
            "fr": (
                "Concertation stratégique des directeurs des centres de crise",
                "<p>Sous la présidence belge, les directeurs des centres de crise nationaux de "
                "Belgique, des Pays-Bas et du Luxembourg se réunissent pour préparer "
                "l'assistance mutuelle en cas de crise : qui peut envoyer quoi, en combien de "
                "temps, et comment les centres coopèrent lors de grands événements.</p>",
            ),
        },
        "kind": "strategic",
        "organiser": "nccn-be",
        "supporting": ["sg-team-security"],
        "start": (date(2024, 6, 24), time(10, 0)),
        "end": (date(2024, 6, 24), time(16, 0)),
        "timezone": "Europe/Brussels",
        "territory": BRUSSELS,
        "visibility": "restricted",
        "chairs": [("veronique-lambert", "nccn-be", "BE")],
        "participants": [
            ("person", "veronique-lambert", "attended", "BE", "national"),
            ("person", "bram-de-wit", "attended", "NL", "national"),
            ("person", "paul-schmit", "attended", "LU", "national"),
            ("person", "nadia-benali", "attended", "", "benelux"),
        ],
        "agenda": [
            ("Kaart van de wederzijdse bijstand: capaciteiten en contactpunten", None, 90, []),
            ("Grote evenementen met grensoverschrijdende gevolgen", "bram-de-wit", 90, []),
            ("Werkprogramma en volgend overleg", "nadia-benali", 30, []),
        ],
        "decisions": [
            (
                "De kaart van de wederzijdse bijstand tussen de drie crisiscentra wordt vóór "
                "het einde van het jaar voltooid.",
                [
                    {
                        "title": "De kaart van de wederzijdse bijstand vervolledigen",
                        "organisation": "sg-team-security",
                        "due": date(2024, 12, 31),
                        "status": "done",
                    }
                ],
            ),
            (
                "Bij grote evenementen met grensoverschrijdende gevolgen wisselen de centra "
                "vooraf hun planning en hun contactpunten uit.",
                [
                    {
                        "title": (
                            "De lijst van grote evenementen van het komende jaar met "
                            "grensoverschrijdende gevolgen delen"
                        ),
                        "person": "bram-de-wit",
                        "due": date(2024, 10, 31),
                        "status": "done",
                    },
                    {
                        "title": (
                            "Een gemeenschappelijke werkwijze voor informatie-uitwisseling "
                            "tijdens grote evenementen opstellen"
                        ),
                        "organisation": "nccn-be",
                        "due": date(2025, 3, 31),
                        "status": "done",
                    },
                ],
            ),
        ],
        "minutes": {
            "nl": (
                "<p>De directeurs bespreken de stand van de kaart van de wederzijdse bijstand. "
                "Ze spreken af die vóór het einde van het jaar te voltooien en daarna elk jaar "
                "bij te werken. Voor grote evenementen delen de centra voortaan vooraf hun "
                "planning en hun contactpunten.</p>",
                "participants",
            ),
            "fr": (
                "<p>Les directeurs font le point sur la cartographie de l'assistance mutuelle. "
                "Ils conviennent de l'achever avant la fin de l'année puis de la mettre à jour "
                "chaque année. Pour les grands événements, les centres partageront désormais "
                "à l'avance leur planification et leurs points de contact.</p>",
                "participants",
            ),
        },
    },
]

# The Eurometropolis series: French and Belgian border mayors, a co-chair from each side.
SERIES_PARTICIPANTS = [
    ("person", "marc-duhamel", "FR", "municipal"),
    ("person", "anneleen-vercruysse", "BE", "municipal"),
    ("person", "isabelle-lemaire", "FR", "municipal"),
    ("person", "hanne-demeulenaere", "BE", "municipal"),
    ("person", "sofie-vandamme", "BE", "municipal"),
    ("person", "pieter-declercq", "BE", "municipal"),
    ("organisation", "eurometropolis", "", "regional"),
]

SERIES_MEETINGS = [
    {
        "title": "Concertation locale franco-belge : mobilité et travail frontalier",
        "translations": {
            "nl": (
                "Frans-Belgisch lokaal overleg: mobiliteit en grensarbeid",
                "<p>De burgemeesters van de grensgemeenten bespreken hoe inwoners makkelijker "
                "over de grens naar hun werk raken en waar grensarbeiders met hun vragen "
                "terechtkunnen.</p>",
            ),
        },
        "description": (
            "<p>Les maires des communes frontalières examinent comment faciliter les "
            "déplacements domicile-travail de part et d'autre de la frontière et où les "
            "travailleurs frontaliers peuvent trouver réponse à leurs questions.</p>"
        ),
        "day": date(2026, 3, 5),
        "host": "halluin",
        "statuses": ["attended", "attended", "excused", "attended", "attended", "attended"]
        + ["attended"],
        "agenda": [
            ("Liaison de bus transfrontalière entre Menin et Halluin", "pieter-declercq", 40, []),
            (
                "Information des travailleurs frontaliers",
                None,
                40,
                ["eurometropolis-job-exchange", "mouscron-workplace-french"],
            ),
            ("Divers", None, 10, []),
        ],
        "decisions": [
            (
                "Les deux villes demandent aux autorités organisatrices des transports d'étudier "
                "une liaison de bus transfrontalière entre les centres de Menin et d'Halluin.",
                [
                    {
                        "title": "Rédiger une note commune sur les besoins de transport "
                        "transfrontalier",
                        "organisation": "eurometropolis",
                        "due": date(2026, 5, 29),
                        "status": "done",
                    }
                ],
            ),
            (
                "Une permanence commune d'information pour les travailleurs frontaliers se tient "
                "une fois par mois, alternativement à Menin et à Halluin.",
                [
                    {
                        "title": "Organiser la première permanence commune pour les "
                        "travailleurs frontaliers",
                        "person": "pieter-declercq",
                        "due": date(2026, 9, 30),
                        "status": "open",
                    }
                ],
            ),
        ],
        "minutes": {
            "fr": (
                "<p>Les maires constatent que de nombreux habitants traversent chaque jour la "
                "frontière pour travailler, sans transport en commun direct entre les deux "
                "centres. Ils demandent une étude de liaison de bus et décident d'organiser "
                "une permanence commune d'information pour les travailleurs frontaliers.</p>",
                "public",
            ),
            "nl": (
                "<p>De burgemeesters stellen vast dat veel inwoners elke dag over de grens "
                "gaan werken, zonder rechtstreeks openbaar vervoer tussen beide centra. Ze "
                "vragen een studie naar een busverbinding en besluiten een gezamenlijk "
                "infopunt voor grensarbeiders te organiseren.</p>",
                "public",
            ),
        },
    },
    {
        "title": "Concertation locale franco-belge : sécurité et coopération de proximité",
        "translations": {
            "nl": (
                "Frans-Belgisch lokaal overleg: veiligheid en samenwerking in de grensstreek",
                "<p>De burgemeesters bespreken hoe lokale politie en gemeentediensten aan "
                "beide kanten van de grens elkaar sneller informeren, vooral bij evenementen "
                "die volk van beide kanten trekken.</p>",
            ),
        },
        "description": (
            "<p>Les maires examinent comment les polices locales et les services communaux "
            "des deux côtés de la frontière peuvent s'informer plus vite, notamment lors des "
            "manifestations qui attirent du public des deux pays.</p>"
        ),
        "day": date(2026, 6, 4),
        "host": "menen",
        "statuses": ["attended", "attended", "attended", "declined", "attended", "attended"]
        + ["attended"],
        "agenda": [
            ("Manifestations communes et sécurité", None, 45, ["baarle-joint-police"]),
            ("Suivi de la concertation précédente", None, 30, []),
            ("Divers", None, 10, []),
        ],
        "decisions": [
            (
                "Les communes frontalières tiennent un calendrier commun des manifestations, "
                "partagé avec les polices locales des deux côtés.",
                [
                    {
                        "title": "Établir le calendrier commun des manifestations des "
                        "communes frontalières",
                        "organisation": "menen",
                        "due": date(2027, 2, 26),
                        "status": "in_progress",
                    }
                ],
            ),
        ],
        "minutes": {
            "fr": (
                "<p>Les maires conviennent de partager un calendrier commun des manifestations "
                "avec les polices locales. Menin en prépare une première version. La "
                "permanence pour les travailleurs frontaliers reste à organiser.</p>",
                "public",
            ),
            "nl": (
                "<p>De burgemeesters spreken af een gezamenlijke evenementenkalender met de "
                "lokale politie te delen. Menen maakt een eerste versie. Het infopunt voor "
                "grensarbeiders moet nog georganiseerd worden.</p>",
                "public",
            ),
        },
    },
    {
        "title": "Concertation locale franco-belge : suivi des actions et programme de l'année",
        "translations": {
            "nl": (
                "Frans-Belgisch lokaal overleg: opvolging van de acties en jaarprogramma",
                "<p>De burgemeesters overlopen de acties die nog openstaan en kiezen de "
                "onderwerpen van het nieuwe jaar.</p>",
            ),
        },
        "description": (
            "<p>Les maires passent en revue les actions encore ouvertes et choisissent les "
            "sujets de la nouvelle année.</p>"
        ),
        "day": None,  # the first Thursday at least 30 days after loading
        "host": "halluin",
        "statuses": ["registered", "registered", "invited", "registered", "invited"]
        + ["registered", "registered"],
        "agenda": [
            ("Suivi des actions ouvertes", None, 30, []),
            ("Programme de travail de l'année", None, 60, []),
            ("Divers", None, 10, []),
        ],
        "decisions": [],
        "minutes": {},
    },
]
SERIES_TIMEZONE = "Europe/Paris"
SERIES_HOURS = (time(14, 0), time(16, 30))


def next_first_thursday(today: date, at_least_days: int = 30) -> date:
    """The first Thursday of a month, at least ``at_least_days`` after ``today``."""
    earliest = today + timedelta(days=at_least_days)
    year, month = earliest.year, earliest.month
    while True:
        day = date(year, month, 1)
        day += timedelta(days=(3 - day.weekday()) % 7)
        if day >= earliest:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class _Missing(Exception):
    """A record the meeting needs is not in the directory: skip the meeting."""


class _Loader:
    def __init__(self):
        self.created = 0
        self.organisations = {o.slug: o for o in Organisation.objects.all()}
        self.people = {p.slug: p for p in Person.objects.all()}
        self.practices = {
            p.external_id: p for p in Practice.objects.filter(external_id__startswith="demo:")
        }

    def organisation(self, slug: str) -> Organisation:
        if slug not in self.organisations:
            raise _Missing(slug)
        return self.organisations[slug]

    def person(self, slug: str) -> Person:
        if slug not in self.people:
            raise _Missing(slug)
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
                start=start or datetime.combine(*spec["start"]),
                end=end or datetime.combine(*spec["end"]),
                timezone=spec.get("timezone", SERIES_TIMEZONE),
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
                operations.approve_minutes(minutes, user=None)
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
            due_date=spec["due"],
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

    def series(self) -> Series:
        series = Series.objects.filter(slug=SERIES["slug"]).first()
        if series is None:
            series = operations.create_series(
                user=None,
                organiser=self.organisation(SERIES["organiser"]),
                slug=SERIES["slug"],
                name=SERIES["name"],
                language=SERIES["language"],
                kind=SERIES["kind"],
                description=SERIES["description"],
                names=SERIES["names"],
                is_demo=True,
            )
            self.created += 1
        return series

    def series_meetings(self) -> None:
        for key in ("eurometropolis", "halluin", "menen"):
            self.organisation(key)
        with transaction.atomic():
            french = self.mayor("halluin", "Marc", "Duhamel", "fr")
            belgian = self.mayor("menen", "Anneleen", "Vercruysse", "nl,fr")
            series = self.series()
        chairs = [
            {"person": french.person, "post": french, "country": "FR"},
            {"person": belgian.person, "post": belgian, "country": "BE"},
        ]
        zone = SERIES_TIMEZONE
        upcoming = next_first_thursday(timezone.localdate())
        for spec in SERIES_MEETINGS:
            day = spec["day"] or upcoming
            participants = [
                (kind, slug, status, country, level)
                for (kind, slug, country, level), status in zip(
                    SERIES_PARTICIPANTS, spec["statuses"], strict=True
                )
            ]
            full = {**spec, "language": "fr", "timezone": zone, "participants": participants}
            try:
                self.meeting(
                    full,
                    series=series,
                    start=datetime.combine(day, SERIES_HOURS[0]),
                    end=datetime.combine(day, SERIES_HOURS[1]),
                    chairs=chairs,
                    sides=["FR", "BE"],
                )
            except _Missing:
                continue


def load(stdout=None) -> int:
    """Create the demo meetings that are missing; returns how many records were created."""
    loader = _Loader()
    for spec in MEETINGS:
        try:
            loader.meeting(spec)
        except _Missing:
            continue
    try:
        loader.series_meetings()
    except _Missing:  # no Eurometropolis, Halluin or Menen in the directory
        pass
    return loader.created

"""Demo news, written by us and marked ``is_demo``.

The events and their dates are public facts (the Secretary-General's visit to the mayor of
Brussels on 16 November 2021, the Benelux Council of 25 November 2021, the strategic meeting
of the crisis-centre directors on 24 June 2024 under the Belgian presidency, the customs
convention signed in London on 5 September 1944, the renewed Benelux Treaty in force on
1 January 2012, the Luxembourg presidency of 2025); every sentence is ours and no one is
quoted. The article on the Eurometropolis local consultations describes the format, not one
meeting: its publication date is our own. View counts are not invented: they start at zero.

Loading is idempotent: an article is keyed by ``demo:<key>``. Meetings are linked when the
meetings demo holds one on the article's day (tolerating its absence).
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.exceptions import FieldError

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Theme

from . import operations
from .models import Article, Origin, Status

BRUSSELS = ZoneInfo("Europe/Brussels")
H, M = Origin.HUMAN, Origin.MACHINE

ARTICLES = [
    {
        "key": "capitals-2021",
        "published": (date(2021, 11, 16), time(16, 0)),
        "author": "benelux-secretariat-general",
        "language": "nl",
        "title": "Secretaris-generaal bij de burgemeester van Brussel over samenwerking tussen "
        "de Beneluxhoofdsteden",
        "summary": "De secretaris-generaal van de Benelux Unie heeft met de burgemeester van "
        "Brussel besproken hoe de drie hoofdsteden meer van elkaar kunnen leren.",
        "body": "<p>Brussel, Amsterdam en Luxemburg zijn al sinds 1956 met elkaar verbonden. Op "
        "16 november 2021 zocht de secretaris-generaal de burgemeester van Brussel op om te "
        "bekijken hoe die band vandaag concreet kan worden ingevuld.</p>"
        "<p>De drie steden staan voor dezelfde vragen: betaalbaar wonen, drukte in het "
        "verkeer, een snel groeiende en meertalige bevolking. Het Secretariaat-Generaal biedt "
        "aan om ambtenaren van de hoofdsteden geregeld samen te brengen, ervaringen te "
        "verzamelen en goede praktijken in de drie talen te delen.</p>",
        "themes": ["mobility-transport", "spatial-planning"],
        "territories": ["BE-NIS:21004"],
        "organisations": ["brussels", "amsterdam", "luxembourg-city"],
        "translations": {
            "fr": {
                "origin": H,
                "title": "Le secrétaire général chez le bourgmestre de Bruxelles pour la "
                "coopération entre capitales du Benelux",
                "summary": "Le secrétaire général de l'Union Benelux et le bourgmestre de "
                "Bruxelles ont discuté de la manière dont les trois capitales peuvent apprendre "
                "davantage l'une de l'autre.",
                "body": "<p>Bruxelles, Amsterdam et Luxembourg sont liées depuis 1956. Le 16 "
                "novembre 2021, le secrétaire général a rendu visite au bourgmestre de "
                "Bruxelles pour voir comment donner à ce lien un contenu concret "
                "aujourd'hui.</p><p>Les trois villes se posent les mêmes questions : logement "
                "abordable, circulation saturée, population multilingue en forte croissance. "
                "Le Secrétariat général propose de réunir régulièrement des fonctionnaires "
                "des capitales, de rassembler leurs expériences et de partager les bonnes "
                "pratiques dans les trois langues.</p>",
            },
        },
    },
    {
        "key": "benelux-council-2021",
        "published": (date(2021, 11, 25), time(17, 0)),
        "author": "benelux-secretariat-general",
        "language": "fr",
        "title": "Le Conseil Benelux prépare le Comité de Ministres",
        "summary": "Réunis le 25 novembre 2021, les hauts fonctionnaires des trois pays ont "
        "préparé les points que les ministres trancheront lors de leur prochaine réunion.",
        "body": "<p>Le Conseil Benelux rassemble des hauts fonctionnaires de Belgique, des "
        "Pays-Bas et du Luxembourg. Sa tâche : préparer le travail du Comité de Ministres, "
        "l'organe qui décide des orientations de la coopération.</p>"
        "<p>Sa réunion du 25 novembre 2021 servait à cette préparation. D'une manière "
        "générale, le Conseil fait le point sur le plan annuel, sur les dossiers "
        "transfrontaliers qui attendent une décision politique et sur les textes que les "
        "ministres pourront adopter ; le Secrétariat général en assure le suivi.</p>",
        "themes": ["labour-market"],
        "territories": ["ISO:BE", "ISO:NL", "ISO:LU"],
        "organisations": ["benelux-council", "benelux-committee-of-ministers"],
        "translations": {
            "nl": {
                "origin": H,
                "title": "Beneluxraad bereidt het Comité van Ministers voor",
                "summary": "Op 25 november 2021 bereidden de hoge ambtenaren van de drie "
                "landen de punten voor waarover de ministers op hun volgende vergadering "
                "beslissen.",
                "body": "<p>In de Beneluxraad zitten hoge ambtenaren uit België, Nederland en "
                "Luxemburg. Hij bereidt het werk voor van het Comité van Ministers, dat de "
                "koers van de samenwerking bepaalt.</p><p>Zijn vergadering van 25 november "
                "2021 diende die voorbereiding. Doorgaans bekijkt de Raad de voortgang van "
                "het jaarplan, de grensdossiers die op een politieke beslissing wachten en de "
                "teksten die de ministers kunnen aannemen; het Secretariaat-Generaal volgt ze "
                "op.</p>",
            },
        },
    },
    {
        "key": "crisis-centres-2024",
        "published": (date(2024, 6, 24), time(18, 0)),
        "author": "sg-team-security",
        "language": "nl",
        "title": "Directeurs van de crisiscentra overleggen onder Belgisch voorzitterschap",
        "summary": "Op 24 juni 2024 kwamen de directeurs van de nationale crisiscentra van de "
        "Benelux samen voor hun strategisch overleg over wederzijdse bijstand.",
        "body": "<p>Overstromingen, grote evenementen en stroomonderbrekingen houden niet op "
        "aan de grens. Daarom spreken de crisiscentra van België, Nederland en Luxemburg "
        "geregeld af hoe ze elkaar snel kunnen helpen.</p>"
        "<p>Het overleg van 24 juni 2024 vond plaats onder het Belgische "
        "Beneluxvoorzitterschap. Zulke strategische ontmoetingen gaan over de grote lijnen: "
        "contactpunten die dag en nacht bereikbaar zijn, een overzicht van wat elk land kan "
        "sturen en de voorbereiding van grote evenementen in de grensstreek.</p>",
        "themes": ["crisis-management"],
        "territories": ["ISO:BE", "ISO:NL", "ISO:LU"],
        "organisations": ["nccn-be", "ncc-nl", "hcpn-lu"],
        "translations": {
            "fr": {
                "origin": H,
                "title": "Les directeurs des centres de crise se concertent sous présidence belge",
                "summary": "Le 24 juin 2024, les directeurs des centres de crise nationaux du "
                "Benelux se sont réunis pour leur concertation stratégique sur l'assistance "
                "mutuelle.",
                "body": "<p>Inondations, grands événements et pannes d'électricité ne "
                "s'arrêtent pas à la frontière. Les centres de crise de Belgique, des Pays-Bas "
                "et du Luxembourg conviennent donc régulièrement de la manière de s'entraider "
                "rapidement.</p><p>La réunion du 24 juin 2024 s'est tenue sous la présidence "
                "belge du Benelux. Ces rencontres stratégiques portent sur les grandes lignes : "
                "des points de contact joignables jour et nuit, un aperçu de ce que chaque pays "
                "peut envoyer et la préparation des grands événements dans la région "
                "frontalière.</p>",
            },
            "en": {
                "origin": M,
                "title": "Crisis centre directors meet under the Belgian presidency",
                "summary": "On 24 June 2024 the directors of the Benelux national crisis "
                "centres met for their strategic consultation on mutual assistance.",
                "body": "<p>Floods, major events and power cuts do not stop at the border. "
                "The crisis centres of Belgium, the Netherlands and Luxembourg therefore agree "
                "regularly on how to help each other quickly.</p><p>The meeting of 24 June "
                "2024 took place under the Belgian Benelux presidency. Such strategic meetings "
                "deal with the broad lines: contact points reachable day and night, an "
                "overview of what each country can send, and preparing major events in the "
                "border region.</p>",
            },
        },
    },
    {
        "key": "eurometropolis-consultations",
        "published": (date(2025, 2, 3), time(10, 0)),
        "author": "eurometropolis",
        "language": "fr",
        "title": "Eurométropole : les maires français et belges se concertent localement",
        "summary": "Dans les concertations locales de l'Eurométropole, les maires des deux "
        "côtés de la frontière mettent sur la table les problèmes que leurs habitants "
        "rencontrent au quotidien.",
        "body": "<p>Un bus qui s'arrête à la frontière, un chantier qui bloque la route vers "
        "la commune voisine, un travailleur frontalier qui ne sait pas où payer ses impôts : "
        "ce sont des questions locales, mais elles relèvent souvent de deux États.</p>"
        "<p>Les concertations locales réunissent les maires et bourgmestres de communes "
        "voisines de part et d'autre de la frontière franco-belge. Chacun expose ce qui "
        "bloque, l'agence de l'Eurométropole rassemble les dossiers et le Secrétariat "
        "général Benelux aide à porter les obstacles qui demandent une solution "
        "nationale.</p>",
        "themes": ["mobility-transport", "labour-market"],
        "territories": ["BE-NIS:34022", "BE-NIS:57081", "BE-NIS:34027"],
        "organisations": ["menen", "halluin", "kortrijk", "tournai", "lille"],
        "meeting_kind": "local_consultation",
        "translations": {
            "nl": {
                "origin": H,
                "title": "Eurometropool: Franse en Belgische burgemeesters in lokaal overleg",
                "summary": "In het lokaal overleg van de Eurometropool leggen burgemeesters van "
                "beide kanten van de grens de problemen op tafel waar hun inwoners dagelijks "
                "tegenaan lopen.",
                "body": "<p>Een bus die aan de grens stopt, werken die de weg naar de "
                "buurgemeente afsluiten, een grensarbeider die niet weet waar hij belasting "
                "betaalt: het zijn lokale vragen, maar vaak hangen ze af van twee staten.</p>"
                "<p>Het lokaal overleg brengt burgemeesters van buurgemeenten aan weerszijden "
                "van de Frans-Belgische grens samen. Elk vertelt wat vastloopt, het agentschap "
                "van de Eurometropool bundelt de dossiers en het Benelux-Secretariaat-Generaal "
                "helpt de hindernissen die een nationale oplossing vragen verder te "
                "brengen.</p>",
            },
        },
    },
    {
        "key": "customs-convention-80",
        "published": (date(2024, 9, 5), time(9, 0)),
        "author": "benelux-secretariat-general",
        "language": "fr",
        "title": "Il y a 80 ans, la convention douanière de Londres",
        "summary": "Le 5 septembre 1944, les gouvernements belge, néerlandais et luxembourgeois "
        "en exil signaient à Londres la convention douanière qui est à l'origine du Benelux.",
        "body": "<p>La guerre n'était pas finie quand trois gouvernements en exil ont décidé de "
        "supprimer les droits de douane entre leurs pays. Cette convention, signée à Londres "
        "le 5 septembre 1944, a posé la première pierre de ce qui allait devenir l'Union "
        "Benelux.</p><p>Quatre-vingts ans plus tard, la coopération ne porte plus seulement "
        "sur les marchandises : elle touche à la sécurité, à l'énergie, à la mobilité et à "
        "la vie quotidienne des habitants des régions frontalières.</p>",
        "themes": ["sustainable-development"],
        "territories": ["ISO:BE", "ISO:NL", "ISO:LU"],
        "organisations": [],
        "translations": {
            "de": {
                "origin": H,
                "title": "Vor 80 Jahren: das Londoner Zollabkommen",
                "summary": "Am 5. September 1944 unterzeichneten die belgische, die "
                "niederländische und die luxemburgische Exilregierung in London das "
                "Zollabkommen, aus dem die Benelux hervorging.",
                "body": "<p>Der Krieg war noch nicht vorbei, als drei Exilregierungen "
                "beschlossen, die Zölle zwischen ihren Ländern abzuschaffen. Dieses am 5. "
                "September 1944 in London unterzeichnete Abkommen legte den Grundstein für die "
                "spätere Benelux-Union.</p><p>Achtzig Jahre später geht es in der "
                "Zusammenarbeit nicht mehr nur um Waren, sondern auch um Sicherheit, Energie, "
                "Mobilität und den Alltag der Menschen in den Grenzregionen.</p>",
            },
        },
    },
    {
        "key": "treaty-2012",
        "published": (date(2012, 1, 2), time(10, 0)),
        "author": "benelux-secretariat-general",
        "language": "nl",
        "title": "Vernieuwd Benelux-Verdrag in werking getreden",
        "summary": "Sinds 1 januari 2012 werken België, Nederland en Luxemburg samen als "
        "Benelux Unie, op basis van het verdrag dat op 17 juni 2008 werd ondertekend.",
        "body": "<p>Het nieuwe verdrag vervangt het verdrag over de economische unie en geeft "
        "de samenwerking een bredere opdracht: naast de interne markt ook duurzame "
        "ontwikkeling, justitie en binnenlandse zaken.</p><p>Grensoverschrijdende "
        "samenwerking tussen gemeenten, provincies en regio's krijgt daarin een vaste "
        "plaats.</p>",
        "themes": ["sustainable-development", "police-justice"],
        "territories": ["ISO:BE", "ISO:NL", "ISO:LU"],
        "organisations": ["benelux-committee-of-ministers"],
        "translations": {},
    },
    {
        "key": "presidency-lu-2025",
        "published": (date(2025, 1, 1), time(9, 0)),
        "author": "benelux-secretariat-general",
        "language": "fr",
        "title": "Le Luxembourg préside le Benelux en 2025",
        "summary": "Au 1er janvier 2025, la présidence du Comité de Ministres Benelux passe "
        "au Luxembourg pour un an.",
        "body": "<p>Chaque année, l'un des trois pays préside le Comité de Ministres et fixe "
        "des accents pour la coopération. Après la présidence belge de 2024, c'est au tour "
        "du Luxembourg en 2025.</p><p>Les réunions de l'année, de la concertation des "
        "centres de crise aux rencontres d'experts, se tiendront sous cette présidence.</p>",
        "themes": ["crisis-management"],
        "territories": ["ISO:LU"],
        "organisations": ["benelux-committee-of-ministers", "hcpn-lu"],
        "translations": {},
    },
]


def _meetings(item: dict) -> list:
    """Demo meetings of the article's day (or of its kind), when the meetings demo has any."""
    try:
        meeting = apps.get_model("meetings", "Meeting")
        meetings = meeting.objects.filter(is_demo=True)
        if item.get("meeting_kind"):
            return list(meetings.filter(kind=item["meeting_kind"]).order_by("start")[:1])
        return list(meetings.filter(start__date=item["published"][0]))
    except (LookupError, FieldError):
        return []


def _load_article(item: dict, organisations: dict, themes: dict) -> int:
    if Article.objects.filter(external_id=f"demo:{item['key']}").exists():
        return 0
    author = organisations.get(item["author"])
    if author is None:  # the demo directory is not loaded
        return 0
    day, at = item["published"]
    article = operations.create_article(
        user=None,
        status=Status.PUBLISHED,
        external_id=f"demo:{item['key']}",
        is_demo=True,
        author=author,
        language=item["language"],
        title=item["title"],
        summary=item["summary"],
        body=item["body"],
        published_at=datetime.combine(day, at, tzinfo=BRUSSELS),
        themes=[themes[slug] for slug in item["themes"] if slug in themes],
        territories=list(Territory.objects.filter(code__in=item["territories"])),
        organisations=[organisations[s] for s in item["organisations"] if s in organisations],
        meetings=_meetings(item),
    )
    for language, translation in item["translations"].items():
        operations.save_article_translation(article, user=None, language=language, **translation)
    return 1 + len(item["translations"])


def load(stdout=None) -> int:
    """Create the demo articles that do not exist yet; returns the number of records created
    (articles and translations)."""
    slugs = {item["author"] for item in ARTICLES}
    slugs |= {slug for item in ARTICLES for slug in item["organisations"]}
    organisations = Organisation.objects.in_bulk(list(slugs), field_name="slug")
    themes = Theme.objects.in_bulk(field_name="slug")
    created = sum(_load_article(item, organisations, themes) for item in ARTICLES)
    if stdout is not None:
        stdout.write(f"news: {created} demo records created\n")
    return created

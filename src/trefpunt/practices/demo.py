"""Demo practices and collections, written by us and marked ``is_demo``.

The places, institutions and public events they mention are real (the garden cities of Genk,
the mining estates of Gelsenkirchen, the 2021 Vesdre floods, the Maastricht–Liège train…);
the practices themselves are retold in our own words, without figures we cannot source and
without real people. Loading is idempotent: a practice is keyed by ``demo:<key>``, a
collection by its slug.
"""

from datetime import date

from trefpunt.organisations.models import Organisation
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory

from . import operations
from .models import Collection, CollectionKind, Origin, Practice, Theme

H, M = Origin.HUMAN, Origin.MACHINE

PRACTICES = [
    # --- Energy efficiency of existing housing ----------------------------------------------
    {
        "key": "genk-miners-houses",
        "language": "nl",
        "title": "Mijnwerkerswoningen in de Genkse cités energiezuinig renoveren",
        "summary": (
            "Genk begeleidt eigenaars van oude mijnwerkershuizen in de tuinwijken van "
            "Winterslag, Waterschei en Zwartberg bij het isoleren van dak, gevels en vloer, "
            "zonder het erfgoedkarakter van de cités aan te tasten."
        ),
        "body": (
            "<p>De cités van Genk werden in de eerste helft van de twintigste eeuw gebouwd "
            "voor de mijnwerkers van de Kempense steenkoolmijnen. Veel van deze oude "
            "arbeiderswoningen zijn nog altijd slecht geïsoleerd: enkel glas, ongeïsoleerde "
            "daken en vochtige kelders. Grote delen van de tuinwijken zijn bovendien beschermd "
            "erfgoed, zodat de gevels vaak niet langs buiten geïsoleerd mogen worden.</p>"
            "<p>De stad renoveert daarom <strong>straat per straat</strong>. Een "
            "renovatiecoach bezoekt elke woning, maakt een stappenplan en bundelt de offertes "
            "van aannemers in een groepsaankoop. Het dak wordt langs binnen geïsoleerd, de "
            "gevels krijgen waar nodig binnenisolatie met dampopen materialen en de ramen "
            "worden vervangen door ramen die het oorspronkelijke uitzicht bewaren.</p>"
            "<p>Eigenaars met een laag inkomen kunnen een renteloze renovatielening krijgen; "
            "huurders van de sociale huisvestingsmaatschappij verhuizen tijdens de werken "
            "naar een wisselwoning in dezelfde wijk.</p>"
        ),
        "results": (
            "De aanpak per straat verlaagt de kosten per woning en vereenvoudigt het "
            "erfgoedadvies: één advies voor een hele rij gelijke huizen. Bewoners melden een "
            "warmer en droger huis."
        ),
        "transferability": (
            "Bruikbaar in elke mijn- of fabriekswijk met rijen gelijkaardige arbeiderswoningen. "
            "Nodig: een renovatiecoach, een vroege afspraak met de erfgoeddienst en een "
            "financiering voor eigenaars met een laag inkomen."
        ),
        "stage": "implemented",
        "period": ("2019-01-01", None),
        "themes": ["energy-efficiency-housing", "sustainable-development"],
        "places": ["BE-NIS:71016"],
        "translations": {
            "fr": {
                "origin": H,
                "title": (
                    "Isolation et rénovation énergétique des anciennes maisons ouvrières de "
                    "mineurs dans les cités de Genk"
                ),
                "summary": (
                    "Genk accompagne les propriétaires d'anciennes maisons de mineurs dans les "
                    "cités-jardins de Winterslag, Waterschei et Zwartberg pour isoler la "
                    "toiture, les façades et les sols, sans porter atteinte au caractère "
                    "patrimonial des cités."
                ),
                "body": (
                    "<p>Les cités de Genk ont été construites dans la première moitié du "
                    "vingtième siècle pour les mineurs des charbonnages de Campine. Beaucoup de "
                    "ces anciennes maisons ouvrières restent mal isolées : simple vitrage, "
                    "toitures sans isolation, caves humides. Une grande partie des cités-jardins "
                    "est en outre protégée, si bien que l'isolation des façades par l'extérieur "
                    "est souvent interdite.</p>"
                    "<p>La ville rénove donc <strong>rue par rue</strong>. Un accompagnateur "
                    "visite chaque maison, établit un plan par étapes et regroupe les devis des "
                    "entrepreneurs dans un achat groupé. La toiture est isolée par l'intérieur, "
                    "les façades reçoivent si nécessaire une isolation intérieure perméable à la "
                    "vapeur et les châssis sont remplacés par des fenêtres qui conservent "
                    "l'aspect d'origine.</p>"
                    "<p>Les propriétaires à faibles revenus peuvent obtenir un prêt à taux zéro ; "
                    "les locataires de la société de logement social sont relogés pendant les "
                    "travaux dans un logement de transit du même quartier.</p>"
                ),
                "results": (
                    "L'approche rue par rue réduit le coût par maison et simplifie l'avis "
                    "patrimonial : un seul avis pour toute une rangée de maisons identiques. Les "
                    "habitants disent vivre dans une maison plus chaude et plus sèche."
                ),
                "transferability": (
                    "Applicable à toute cité minière ou ouvrière faite de rangées de maisons "
                    "semblables. Il faut un accompagnateur, un accord précoce avec le service du "
                    "patrimoine et un financement pour les propriétaires à faibles revenus."
                ),
            },
            "de": {
                "origin": H,
                "title": "Energetische Sanierung alter Bergarbeiterhäuser in den Genker Cités",
                "summary": (
                    "Genk begleitet Eigentümer alter Bergarbeiterhäuser in den Gartenstädten "
                    "Winterslag, Waterschei und Zwartberg bei der Dämmung von Dach, Fassade und "
                    "Boden, ohne den Denkmalcharakter der Siedlungen zu beeinträchtigen."
                ),
                "body": (
                    "<p>Die Cités von Genk entstanden in der ersten Hälfte des zwanzigsten "
                    "Jahrhunderts für die Bergleute der Kempener Steinkohlenzechen. Viele dieser "
                    "alten Arbeiterhäuser sind schlecht gedämmt: Einfachverglasung, ungedämmte "
                    "Dächer, feuchte Keller. Große Teile der Gartenstädte stehen unter "
                    "Denkmalschutz, eine Außendämmung der Fassaden ist daher oft nicht "
                    "erlaubt.</p>"
                    "<p>Die Stadt saniert deshalb <strong>Straße für Straße</strong>. Ein "
                    "Sanierungscoach besucht jedes Haus, erstellt einen Stufenplan und bündelt "
                    "die Angebote der Handwerker in einer Sammelbestellung. Das Dach wird von "
                    "innen gedämmt, die Außenwände erhalten bei Bedarf eine diffusionsoffene "
                    "Innendämmung, und die Fenster werden durch Fenster im ursprünglichen "
                    "Erscheinungsbild ersetzt.</p>"
                    "<p>Eigentümer mit geringem Einkommen erhalten ein zinsloses Darlehen; "
                    "Mieter der Sozialwohnungsgesellschaft ziehen während der Arbeiten in eine "
                    "Ausweichwohnung im selben Viertel.</p>"
                ),
                "results": (
                    "Das straßenweise Vorgehen senkt die Kosten je Haus und vereinfacht die "
                    "denkmalrechtliche Stellungnahme: eine Stellungnahme für eine ganze Reihe "
                    "gleicher Häuser. Die Bewohner berichten von wärmeren, trockeneren Häusern."
                ),
                "transferability": (
                    "Übertragbar auf jede Bergbau- oder Arbeitersiedlung mit Reihen "
                    "gleichartiger Häuser. Nötig sind ein Sanierungscoach, eine frühe Absprache "
                    "mit der Denkmalpflege und eine Finanzierung für einkommensschwache "
                    "Eigentümer."
                ),
            },
            "en": {
                "origin": H,
                "title": "Energy renovation of old miners' houses in Genk's garden cities",
                "summary": (
                    "Genk helps owners of old miners' houses in the garden cities of Winterslag, "
                    "Waterschei and Zwartberg to insulate roofs, walls and floors without "
                    "harming the heritage character of the estates."
                ),
                "body": (
                    "<p>Genk's garden cities were built in the first half of the twentieth "
                    "century for the miners of the Campine coal mines. Many of these old "
                    "workers' houses are still poorly insulated: single glazing, uninsulated "
                    "roofs, damp cellars. Large parts of the estates are listed, so external "
                    "wall insulation is often not allowed.</p>"
                    "<p>The city therefore renovates <strong>street by street</strong>. A "
                    "renovation coach visits every house, draws up a step-by-step plan and "
                    "pools contractors' quotes in a group purchase. Roofs are insulated from "
                    "the inside, walls get vapour-open internal insulation where needed, and "
                    "windows are replaced by ones that keep the original appearance.</p>"
                    "<p>Owners on low incomes can get an interest-free renovation loan; tenants "
                    "of the social housing company move to a temporary home in the same "
                    "district during the works.</p>"
                ),
                "results": (
                    "Working street by street lowers the cost per house and simplifies heritage "
                    "advice: one opinion for a whole row of identical houses. Residents report "
                    "warmer, drier homes."
                ),
                "transferability": (
                    "Works in any mining or factory district with rows of similar workers' "
                    "houses. It needs a renovation coach, an early agreement with the heritage "
                    "service and financing for owners on low incomes."
                ),
            },
        },
    },
    {
        "key": "gelsenkirchen-mining-estates",
        "language": "de",
        "title": "Dämmung und Sanierung alter Bergarbeitersiedlungen in Gelsenkirchen",
        "summary": (
            "In den Zechensiedlungen Gelsenkirchens werden alte Arbeiterhäuser gemeinsam mit den "
            "Eigentümern gedämmt und modernisiert – mit Innendämmung, wo die historische "
            "Fassade erhalten bleiben muss."
        ),
        "body": (
            "<p>Gelsenkirchen war über ein Jahrhundert eine Stadt des Bergbaus. Aus dieser Zeit "
            "stammen zahlreiche Zechensiedlungen mit Reihen- und Doppelhäusern, die heute oft "
            "einzelnen Privateigentümern gehören. Die Häuser haben ungedämmte Dächer, alte "
            "Fenster und veraltete Heizungen; viele Siedlungen stehen zugleich unter "
            "Denkmalschutz.</p>"
            "<p>Ein <strong>Quartiersbüro</strong> in der Siedlung berät die Eigentümer "
            "kostenlos. Mit der Denkmalbehörde wurde ein Maßnahmenkatalog abgestimmt: Dämmung "
            "der obersten Geschossdecke, Innendämmung der Außenwände mit kapillaraktiven "
            "Platten, neue Holzfenster nach historischem Vorbild, Austausch alter "
            "Nachtspeicher- und Kohleöfen. Handwerksbetriebe aus dem Stadtteil werden für "
            "Sammelaufträge gewonnen.</p>"
        ),
        "results": (
            "Eigentümer erhalten mit einem Besuch eine Energieberatung, eine denkmalrechtliche "
            "Einschätzung und Hinweise auf Fördermittel. Sammelaufträge machen auch kleine "
            "Maßnahmen für Handwerksbetriebe wirtschaftlich."
        ),
        "transferability": (
            "Übertragbar auf Arbeitersiedlungen mit vielen Einzeleigentümern. Entscheidend sind "
            "eine Ansprechstelle vor Ort und ein mit der Denkmalpflege abgestimmter "
            "Maßnahmenkatalog."
        ),
        "stage": "implemented",
        "period": ("2020-03-01", None),
        "themes": ["energy-efficiency-housing"],
        "places": [("DE", "Gelsenkirchen")],
        "translations": {
            "nl": {
                "origin": H,
                "title": "Isolatie en renovatie van oude mijnwerkerswijken in Gelsenkirchen",
                "summary": (
                    "In de mijnwerkerswijken van Gelsenkirchen worden oude arbeiderswoningen "
                    "samen met de eigenaars geïsoleerd en gemoderniseerd – met binnenisolatie "
                    "waar de historische gevel bewaard moet blijven."
                ),
                "body": (
                    "<p>Gelsenkirchen was meer dan een eeuw een mijnstad. Uit die tijd stammen "
                    "talrijke mijnwerkerswijken met rij- en halfopen woningen, die vandaag vaak "
                    "aan afzonderlijke particulieren toebehoren. De huizen hebben ongeïsoleerde "
                    "daken, oude ramen en verouderde verwarming; veel wijken zijn bovendien "
                    "beschermd erfgoed.</p>"
                    "<p>Een <strong>wijkkantoor</strong> in de wijk adviseert de eigenaars "
                    "gratis. Met de erfgoeddienst werd een lijst van maatregelen afgesproken: "
                    "isolatie van de zoldervloer, binnenisolatie van de buitenmuren met "
                    "capillair actieve platen, nieuwe houten ramen naar historisch model en "
                    "vervanging van oude accumulatie- en kolenkachels. Vakmensen uit de wijk "
                    "nemen gebundelde opdrachten aan.</p>"
                ),
                "results": (
                    "Met één bezoek krijgen eigenaars een energieadvies, een erfgoedadvies en "
                    "uitleg over subsidies. Gebundelde opdrachten maken ook kleine werken "
                    "rendabel voor aannemers."
                ),
                "transferability": (
                    "Overdraagbaar naar arbeiderswijken met veel afzonderlijke eigenaars. "
                    "Doorslaggevend zijn een aanspreekpunt in de wijk en een met de "
                    "erfgoeddienst afgestemde lijst van maatregelen."
                ),
            },
            "fr": {
                "origin": M,
                "title": "Isolation et rénovation d'anciennes cités de mineurs à Gelsenkirchen",
                "summary": (
                    "Dans les cités minières de Gelsenkirchen, d'anciennes maisons ouvrières "
                    "sont isolées et modernisées avec les propriétaires – avec une isolation "
                    "intérieure là où la façade historique doit être conservée."
                ),
                "body": (
                    "<p>Gelsenkirchen a été pendant plus d'un siècle une ville de l'exploitation "
                    "minière. De cette époque datent de nombreuses cités minières avec des "
                    "maisons mitoyennes et jumelées, qui appartiennent aujourd'hui souvent à "
                    "des propriétaires privés individuels. Les maisons ont des toits non isolés, "
                    "de vieilles fenêtres et des chauffages obsolètes ; beaucoup de cités sont "
                    "en même temps des monuments protégés.</p>"
                    "<p>Un <strong>bureau de quartier</strong> dans la cité conseille "
                    "gratuitement les propriétaires. Un catalogue de mesures a été convenu avec "
                    "l'autorité des monuments : isolation du plancher du dernier étage, "
                    "isolation intérieure des murs extérieurs avec des panneaux capillaires "
                    "actifs, nouvelles fenêtres en bois selon le modèle historique, "
                    "remplacement des vieux poêles. Des entreprises artisanales du quartier "
                    "sont gagnées pour des commandes groupées.</p>"
                ),
                "results": (
                    "Les propriétaires reçoivent en une visite un conseil énergétique, une "
                    "évaluation au titre des monuments et des indications sur les aides. Les "
                    "commandes groupées rendent aussi les petites mesures rentables pour les "
                    "artisans."
                ),
                "transferability": (
                    "Transférable aux cités ouvrières avec de nombreux propriétaires "
                    "individuels. Décisifs sont un interlocuteur sur place et un catalogue de "
                    "mesures convenu avec la protection des monuments."
                ),
            },
            "en": {
                "origin": H,
                "title": "Insulating and renovating old mining estates in Gelsenkirchen",
                "summary": (
                    "In Gelsenkirchen's colliery estates, old workers' houses are insulated and "
                    "modernised together with their owners, with internal insulation where the "
                    "historic facade must stay."
                ),
                "body": (
                    "<p>For more than a century Gelsenkirchen was a mining town. Many colliery "
                    "estates of terraced and semi-detached houses date from that time; today "
                    "they often belong to individual private owners. The houses have "
                    "uninsulated roofs, old windows and outdated heating, and many estates are "
                    "listed.</p>"
                    "<p>A <strong>neighbourhood office</strong> on the estate advises owners "
                    "free of charge. A catalogue of measures was agreed with the heritage "
                    "authority: insulating the top floor ceiling, internal wall insulation with "
                    "capillary-active boards, new timber windows on the historic model, "
                    "replacing old storage heaters and coal stoves. Local tradespeople are "
                    "won over for pooled orders.</p>"
                ),
                "results": (
                    "In one visit owners get energy advice, a heritage assessment and pointers "
                    "to grants. Pooled orders make even small jobs worthwhile for tradespeople."
                ),
                "transferability": (
                    "Transferable to workers' estates with many individual owners. What "
                    "matters is a contact point on the spot and a catalogue of measures agreed "
                    "with the heritage authority."
                ),
            },
        },
    },
    {
        "key": "charleroi-workers-houses",
        "language": "fr",
        "title": (
            "Rénovation énergétique des maisons ouvrières dans les anciens quartiers "
            "industriels de Charleroi"
        ),
        "summary": (
            "Un guichet de quartier aide les propriétaires modestes de maisons ouvrières "
            "mitoyennes à isoler leur toiture, remplacer leurs châssis et moderniser leur "
            "chauffage, en groupant les chantiers rue par rue."
        ),
        "body": (
            "<p>Les anciens quartiers du charbon et de l'acier de Charleroi comptent des rangées "
            "entières de maisons ouvrières construites avant 1945. Leurs propriétaires, souvent "
            "âgés ou à revenus modestes, renoncent aux travaux faute de moyens et d'information, "
            "alors que ces logements sont parmi les plus énergivores de Wallonie.</p>"
            "<p>Un <strong>guichet de quartier</strong> tenu par la ville et ses partenaires "
            "réalise un audit énergétique gratuit, explique les primes régionales et le prêt à "
            "taux zéro, puis regroupe les chantiers d'une même rue : isolation de la toiture, "
            "remplacement des châssis, chaudière performante. Un architecte vérifie que les "
            "façades de briques gardent leur caractère.</p>"
        ),
        "results": (
            "Le regroupement des chantiers attire des entrepreneurs qui ne se déplaçaient pas "
            "pour une seule maison, et les propriétaires sont accompagnés de l'audit jusqu'au "
            "paiement des primes."
        ),
        "transferability": (
            "Reproductible dans les bassins industriels où les maisons ouvrières mitoyennes "
            "dominent. Prévoir une équipe d'accompagnement de proximité et un accord avec les "
            "organismes de prêt social."
        ),
        "stage": "implemented",
        "period": ("2021-09-01", None),
        "themes": ["energy-efficiency-housing"],
        "places": ["BE-NIS:52011"],
        "translations": {
            "nl": {
                "origin": H,
                "title": (
                    "Energetische renovatie van arbeiderswoningen in de oude industriewijken "
                    "van Charleroi"
                ),
                "summary": (
                    "Een wijkloket helpt eigenaars met een bescheiden inkomen om hun oude "
                    "arbeiderswoning te isoleren: dakisolatie, nieuwe ramen en een zuinige "
                    "verwarming, met de werven straat per straat gebundeld."
                ),
                "body": (
                    "<p>De oude steenkool- en staalwijken van Charleroi tellen hele rijen "
                    "arbeiderswoningen van voor 1945. De eigenaars, vaak ouder of met een laag "
                    "inkomen, zien af van renovatie bij gebrek aan middelen en informatie, "
                    "terwijl deze woningen tot de minst energiezuinige van Wallonië "
                    "behoren.</p>"
                    "<p>Een <strong>wijkloket</strong> van de stad en haar partners maakt een "
                    "gratis energieaudit, legt de gewestelijke premies en de renteloze lening "
                    "uit en bundelt de werven in dezelfde straat: dakisolatie, nieuwe ramen, "
                    "een zuinige ketel. Een architect ziet erop toe dat de bakstenen gevels "
                    "hun karakter behouden.</p>"
                ),
                "results": (
                    "Door de gebundelde werven komen aannemers die zich voor één huis niet "
                    "verplaatsten, en eigenaars worden begeleid van de audit tot de uitbetaling "
                    "van de premies."
                ),
                "transferability": (
                    "Herhaalbaar in industriegebieden met veel rijen arbeiderswoningen. Zorg "
                    "voor een begeleidingsteam dicht bij de bewoners en een akkoord met de "
                    "sociale kredietverstrekkers."
                ),
            },
            "en": {
                "origin": H,
                "title": "Energy renovation of workers' houses in Charleroi's old industrial "
                "districts",
                "summary": (
                    "A neighbourhood desk helps owners on modest incomes insulate roofs, "
                    "replace windows and modernise heating in terraced workers' houses, "
                    "grouping the works street by street."
                ),
                "body": (
                    "<p>Charleroi's former coal and steel districts have whole rows of workers' "
                    "houses built before 1945. Their owners, often elderly or on low incomes, "
                    "give up on works for lack of money and information, although these homes "
                    "are among the least energy-efficient in Wallonia.</p>"
                    "<p>A <strong>neighbourhood desk</strong> run by the city and its partners "
                    "carries out a free energy audit, explains the regional grants and the "
                    "zero-interest loan, then groups the works in one street: roof insulation, "
                    "new window frames, an efficient boiler. An architect checks that the "
                    "brick facades keep their character.</p>"
                ),
                "results": (
                    "Grouped works attract contractors who would not come for a single house, "
                    "and owners are supported from the audit to the payment of the grants."
                ),
                "transferability": (
                    "Can be repeated in industrial areas dominated by terraced workers' houses. "
                    "Plan a local support team and an agreement with social lenders."
                ),
            },
        },
    },
    {
        "key": "seraing-workers-estate",
        "language": "fr",
        "title": "Isolation groupée des maisons de cités ouvrières à Seraing",
        "summary": (
            "Seraing propose aux habitants des anciennes cités sidérurgiques un achat groupé "
            "d'isolation de toiture et de murs creux, avec un conseiller qui suit chaque "
            "chantier."
        ),
        "body": (
            "<p>Autour des anciens hauts fourneaux de la vallée de la Meuse, les cités ouvrières "
            "de Seraing abritent des maisons modestes, souvent sans isolation. La commune a "
            "lancé un achat groupé ouvert à tous les propriétaires d'une cité : un seul cahier "
            "des charges, des prix négociés et un conseiller énergie qui contrôle la qualité "
            "des travaux.</p>"
            "<p>Les séances d'information ont lieu dans la salle de quartier, en soirée, avec "
            "des exemples de maisons déjà isolées que les voisins peuvent visiter.</p>"
        ),
        "results": (
            "Les visites de maisons voisines convainquent mieux que les brochures ; la commune "
            "prévoit d'étendre l'achat groupé aux châssis."
        ),
        "transferability": (
            "Facile à reproduire là où une cité forme une communauté de voisinage ; le point "
            "délicat est de trouver des entrepreneurs disponibles pour des petits chantiers "
            "répétés."
        ),
        "stage": "pilot",
        "period": ("2023-01-01", "2025-12-31"),
        "themes": ["energy-efficiency-housing"],
        "places": ["BE-NIS:62096", "BE-NIS:62063"],
    },
    {
        "key": "esch-steelworkers-houses",
        "language": "fr",
        "title": (
            "Rénovation énergétique des maisons des cités ouvrières de la sidérurgie à "
            "Esch-sur-Alzette"
        ),
        "summary": (
            "Esch-sur-Alzette accompagne la rénovation des maisons ouvrières construites pour "
            "les sidérurgistes, en conciliant isolation, conservation des façades et maintien "
            "des habitants à revenus modestes."
        ),
        "body": (
            "<p>Les cités ouvrières d'Esch-sur-Alzette témoignent de l'histoire de la "
            "sidérurgie luxembourgeoise. Leurs maisons mitoyennes, souvent louées, consomment "
            "beaucoup d'énergie et la hausse des loyers menace leurs occupants.</p>"
            "<p>La ville combine un conseil énergétique gratuit, les aides nationales à "
            "l'assainissement énergétique et un engagement des propriétaires bailleurs à ne pas "
            "répercuter intégralement le coût des travaux sur les loyers.</p>"
        ),
        "results": (
            "Les propriétaires bailleurs qui s'engagent obtiennent un accompagnement "
            "prioritaire ; les locataires restent dans le quartier."
        ),
        "transferability": (
            "Intéressant pour les villes où les maisons ouvrières sont surtout louées : le lien "
            "entre aide à la rénovation et modération des loyers est la clé."
        ),
        "stage": "pilot",
        "period": ("2022-06-01", None),
        "themes": ["energy-efficiency-housing", "sustainable-development"],
        "places": [("LU", "Esch-sur-Alzette")],
    },
    {
        "key": "maasmechelen-eisden",
        "language": "nl",
        "title": "Collectieve renovatie van de mijnwoningen in Eisden-Tuinwijk",
        "summary": (
            "In de beschermde tuinwijk van Eisden renoveren bewoners hun mijnwoningen samen: "
            "één architect, één aanbesteding en gedeelde steigers voor een hele huizenrij."
        ),
        "body": (
            "<p>De tuinwijk van Eisden in Maasmechelen is een van de best bewaarde "
            "mijnwerkerswijken van Limburg. Om de beschermde straatbeelden te bewaren en toch "
            "energiezuinig te wonen, werkt de gemeente met een collectieve aanpak: een "
            "architect tekent één renovatieconcept per woningtype en de werken worden per "
            "huizenrij aanbesteed.</p>"
            "<p>Bewoners die willen meedoen, tekenen een engagementsverklaring; de gemeente "
            "prefinanciert het ontwerp.</p>"
        ),
        "results": (
            "Eén concept per woningtype versnelt de vergunningen en geeft een eenvormig "
            "straatbeeld."
        ),
        "transferability": (
            "Vooral geschikt voor wijken met weinig verschillende woningtypes en een sterke "
            "buurtwerking."
        ),
        "stage": "pilot",
        "period": ("2022-01-01", None),
        "themes": ["energy-efficiency-housing", "spatial-planning"],
        "places": ["BE-NIS:73107"],
        "translations": {
            "en": {
                "origin": M,
                "title": "Collective renovation of the mine houses in Eisden garden district",
                "summary": (
                    "In the protected garden district of Eisden residents renovate their mine "
                    "houses together: one architect, one tender and shared scaffolding for a "
                    "whole row of houses."
                ),
                "body": (
                    "<p>The garden district of Eisden in Maasmechelen is one of the best "
                    "preserved miners' districts of Limburg. To preserve the protected "
                    "streetscapes and still live energy-efficiently, the municipality works "
                    "with a collective approach: an architect draws one renovation concept per "
                    "housing type and the works are tendered per row of houses.</p>"
                    "<p>Residents who want to participate sign a commitment statement; the "
                    "municipality pre-finances the design.</p>"
                ),
                "results": (
                    "One concept per housing type speeds up the permits and gives a uniform "
                    "streetscape."
                ),
                "transferability": (
                    "Especially suitable for districts with few different housing types and a "
                    "strong neighbourhood work."
                ),
            },
        },
    },
    {
        "key": "menen-renovation-coach",
        "language": "nl",
        "title": "Grensoverschrijdende renovatiecoach voor rijwoningen in Menen en Halluin",
        "summary": (
            "Menen en Halluin delen een renovatiecoach die eigenaars van oude rijwoningen aan "
            "beide kanten van de Leie in het Nederlands en het Frans begeleidt."
        ),
        "body": (
            "<p>Aan weerszijden van de grens staan dezelfde rijen arbeiderswoningen uit de tijd "
            "van de textielnijverheid. Menen en Halluin stelden samen een tweetalige "
            "renovatiecoach aan die eigenaars helpt met een energiescan, premies aan beide "
            "kanten van de grens en het zoeken van aannemers.</p>"
            "<p>De coach houdt zitdagen in beide stadhuizen; infoavonden worden afwisselend "
            "in Menen en in Halluin georganiseerd.</p>"
        ),
        "results": (
            "Eigenaars vinden makkelijker aannemers, ook van over de grens, en de twee steden "
            "wisselen hun ervaring met premies uit."
        ),
        "transferability": (
            "Past bij grensgemeenten met een gelijkaardig woningbestand; vraagt een "
            "samenwerkingsovereenkomst over de financiering van de coach."
        ),
        "stage": "implemented",
        "period": ("2021-01-01", None),
        "themes": ["energy-efficiency-housing"],
        "places": ["BE-NIS:34027", ("FR", "Halluin")],
        "owner": "menen",
        "organisations": ["halluin"],
    },
    {
        "key": "parkstad-terraces-heat",
        "language": "en",
        "title": "Street-by-street heat transition in former miners' terraces in Parkstad",
        "summary": (
            "Heerlen, Kerkrade and Brunssum plan the move away from gas heating street by "
            "street, starting with the old miners' terraces where insulation comes first."
        ),
        "body": (
            "<p>The former mining towns of South Limburg share a housing stock of small "
            "terraced houses from the colliery era. Before any street is connected to a heat "
            "network or switched to heat pumps, the houses are insulated to a common "
            "standard.</p>"
            "<p>Each street gets a neighbourhood plan drawn up with residents, the housing "
            "corporations and the grid operator. Private owners are offered the same package "
            "and contractor as the corporation's tenants.</p>"
        ),
        "results": (
            "Planning per street avoids insulating houses that are later demolished and lets "
            "private owners join corporation projects."
        ),
        "transferability": (
            "Useful wherever housing corporations own part of a street of similar houses and "
            "private owners the rest."
        ),
        "stage": "pilot",
        "period": ("2022-01-01", None),
        "themes": ["energy-efficiency-housing", "sustainable-development"],
        "places": [("NL", "Heerlen"), ("NL", "Kerkrade"), ("NL", "Brunssum")],
    },
    {
        "key": "aachen-energy-advice",
        "language": "de",
        "title": "Aufsuchende Energieberatung für Eigentümer von Altbauten in Aachen",
        "summary": (
            "Energieberaterinnen und -berater gehen in Aachener Altbauquartieren von Tür zu "
            "Tür und bieten Eigentümern einen kostenlosen Gebäudecheck an."
        ),
        "body": (
            "<p>Viele Eigentümer älterer Reihenhäuser kennen weder den Zustand ihres Hauses "
            "noch die Fördermöglichkeiten. Die Stadt Aachen schickt deshalb Beraterinnen und "
            "Berater direkt in ausgewählte Quartiere.</p>"
            "<p>Nach dem Gebäudecheck erhalten die Eigentümer einen kurzen Bericht mit den drei "
            "wirksamsten Maßnahmen und einen Termin in der städtischen Beratungsstelle.</p>"
        ),
        "results": (
            "Die aufsuchende Beratung erreicht Eigentümer, die nie eine Beratungsstelle "
            "betreten hätten."
        ),
        "transferability": (
            "Einfach übertragbar; braucht geschulte Beraterinnen und Berater und eine gute "
            "Auswahl der Quartiere."
        ),
        "stage": "implemented",
        "period": ("2020-01-01", None),
        "themes": ["energy-efficiency-housing"],
        "places": [("DE", "Aachen")],
        "owner": "aachen",
        "translations": {
            "nl": {
                "origin": H,
                "title": "Energieadvies aan huis voor eigenaars van oude woningen in Aken",
                "summary": (
                    "Energieadviseurs gaan in Akense wijken met oude woningen van deur tot deur "
                    "en bieden eigenaars een gratis woningcheck aan."
                ),
                "body": (
                    "<p>Veel eigenaars van oudere rijwoningen kennen de staat van hun huis "
                    "niet, en evenmin de subsidies. De stad Aken stuurt daarom adviseurs "
                    "rechtstreeks naar geselecteerde wijken.</p>"
                    "<p>Na de woningcheck krijgen de eigenaars een kort verslag met de drie "
                    "doeltreffendste maatregelen en een afspraak bij het stedelijke "
                    "adviespunt.</p>"
                ),
                "results": (
                    "Het advies aan huis bereikt eigenaars die nooit zelf naar een adviespunt "
                    "zouden gaan."
                ),
                "transferability": (
                    "Eenvoudig over te nemen; vraagt opgeleide adviseurs en een goede keuze "
                    "van de wijken."
                ),
            },
        },
    },
    # --- Workers from Central and Eastern Europe --------------------------------------------
    {
        "key": "venlo-labour-migrants-welcome",
        "language": "nl",
        "title": "Welkomstpunt voor arbeidsmigranten in de logistieke regio Venlo",
        "summary": (
            "Venlo opende een welkomstpunt waar werknemers uit Midden- en Oost-Europa in hun "
            "eigen taal terechtkunnen voor inschrijving, huisvesting, zorgverzekering en "
            "taallessen."
        ),
        "body": (
            "<p>De distributiecentra rond Venlo trekken veel werknemers uit Polen, Roemenië en "
            "Bulgarije aan. Velen weten niet waar ze zich moeten inschrijven of hoe ze een "
            "huurcontract, zorgverzekering of loonstrook moeten lezen.</p>"
            "<p>Het <strong>welkomstpunt</strong> bundelt de gemeentelijke inschrijving, "
            "informatie over rechten en plichten en doorverwijzing naar taallessen. "
            "Medewerkers spreken Pools, Roemeens en Bulgaars. Werkgevers en uitzendbureaus "
            "melden nieuwe werknemers aan voor een welkomstgesprek.</p>"
        ),
        "results": (
            "Meer arbeidsmigranten staan correct ingeschreven en signalen over slechte "
            "huisvesting komen sneller bij de gemeente terecht."
        ),
        "transferability": (
            "Geschikt voor gemeenten met veel tijdelijke werknemers in logistiek, land- en "
            "tuinbouw of voedingsindustrie. Vraagt afspraken met werkgevers en uitzendbureaus."
        ),
        "stage": "implemented",
        "period": ("2020-05-01", None),
        "themes": ["cee-workers", "labour-market"],
        "places": [("NL", "Venlo")],
    },
    {
        "key": "kortrijk-migrant-housing-inspections",
        "language": "nl",
        "title": "Controle op de huisvesting van arbeidsmigranten in Kortrijk",
        "summary": (
            "Kortrijk controleert samen met de woninginspectie en de sociale inspectie de "
            "woningen waar arbeidsmigranten uit Midden- en Oost-Europa verblijven, en spreekt "
            "de verhuurders én de werkgevers aan."
        ),
        "body": (
            "<p>In de regio werken veel mensen uit Midden- en Oost-Europa in de bouw, de "
            "voedingsindustrie en de logistiek. Een deel van hen woont in overbevolkte of "
            "ongezonde woningen die via de werkgever of een tussenpersoon worden verhuurd.</p>"
            "<p>De stad registreert meldingen centraal en organiseert gezamenlijke controles "
            "met de woninginspectie, de sociale inspectie en de politie. Bewoners krijgen "
            "meertalige informatie over hun rechten; bij ongeschikte woningen zoekt de stad "
            "samen met de werkgever een andere oplossing.</p>"
        ),
        "results": (
            "Gezamenlijke controles vermijden dat bewoners op straat belanden en maken "
            "misbruiken via tussenpersonen zichtbaar."
        ),
        "transferability": (
            "Vraagt een centraal meldpunt en een samenwerkingsakkoord tussen de diensten; "
            "meertalig materiaal kan gedeeld worden met buurgemeenten."
        ),
        "stage": "implemented",
        "period": ("2019-09-01", None),
        "themes": ["cee-workers", "police-justice"],
        "places": ["BE-NIS:34022"],
        "owner": "kortrijk",
        "translations": {
            "fr": {
                "origin": H,
                "title": "Contrôle du logement des travailleurs migrants à Courtrai",
                "summary": (
                    "Courtrai contrôle, avec l'inspection du logement et l'inspection sociale, "
                    "les logements des travailleurs venus d'Europe centrale et orientale, et "
                    "interpelle les bailleurs comme les employeurs."
                ),
                "body": (
                    "<p>Dans la région, de nombreuses personnes venues d'Europe centrale et "
                    "orientale travaillent dans la construction, l'industrie alimentaire et la "
                    "logistique. Une partie d'entre elles vit dans des logements surpeuplés ou "
                    "insalubres loués par l'employeur ou un intermédiaire.</p>"
                    "<p>La ville centralise les signalements et organise des contrôles communs "
                    "avec l'inspection du logement, l'inspection sociale et la police. Les "
                    "habitants reçoivent une information multilingue sur leurs droits ; "
                    "lorsqu'un logement est inadapté, la ville cherche une solution avec "
                    "l'employeur.</p>"
                ),
                "results": (
                    "Les contrôles communs évitent que les occupants se retrouvent à la rue et "
                    "rendent visibles les abus des intermédiaires."
                ),
                "transferability": (
                    "Demande un point de signalement central et un accord de coopération entre "
                    "services ; le matériel multilingue peut être partagé avec les communes "
                    "voisines."
                ),
            },
        },
    },
    {
        "key": "charleroi-cee-welcome-desk",
        "language": "fr",
        "title": (
            "Permanence d'accueil pour les travailleurs venus d'Europe centrale et orientale "
            "à Charleroi"
        ),
        "summary": (
            "Une permanence hebdomadaire informe en polonais, roumain et bulgare les "
            "travailleurs nouvellement arrivés sur l'inscription communale, le contrat de "
            "travail, le logement et les cours de français."
        ),
        "body": (
            "<p>Les entreprises de construction, de logistique et de nettoyage de la région de "
            "Charleroi emploient de plus en plus de travailleurs d'Europe centrale et "
            "orientale, dont certains sont détachés par des entreprises étrangères. Beaucoup "
            "ignorent leurs droits et les démarches à accomplir.</p>"
            "<p>La <strong>permanence</strong>, tenue avec le CPAS, les syndicats et une "
            "association de migrants, aide à l'inscription à la commune, explique le contrat "
            "de travail et la fiche de paie, oriente vers les cours de français et signale les "
            "situations d'exploitation à l'inspection sociale.</p>"
        ),
        "results": (
            "Les travailleurs accomplissent plus vite leurs démarches et les cas de logement "
            "indigne sont signalés plus tôt."
        ),
        "transferability": (
            "Une permanence légère suffit pour commencer ; l'essentiel est de disposer "
            "d'interprètes et d'un réseau avec l'inspection sociale."
        ),
        "stage": "implemented",
        "period": ("2022-02-01", None),
        "themes": ["cee-workers", "labour-market"],
        "places": ["BE-NIS:52011"],
        "translations": {
            "nl": {
                "origin": H,
                "title": (
                    "Onthaalpermanentie voor werknemers uit Midden- en Oost-Europa in Charleroi"
                ),
                "summary": (
                    "Een wekelijkse permanentie informeert nieuw aangekomen werknemers in het "
                    "Pools, Roemeens en Bulgaars over inschrijving, arbeidscontract, "
                    "huisvesting en Franse les."
                ),
                "body": (
                    "<p>Bouw-, logistiek- en schoonmaakbedrijven in de regio Charleroi stellen "
                    "steeds meer werknemers uit Midden- en Oost-Europa tewerk, van wie sommigen "
                    "gedetacheerd zijn door buitenlandse bedrijven. Velen kennen hun rechten en "
                    "de nodige formaliteiten niet.</p>"
                    "<p>De <strong>permanentie</strong>, samen met het OCMW, de vakbonden en "
                    "een migrantenvereniging, helpt bij de inschrijving in de gemeente, legt het "
                    "arbeidscontract en de loonfiche uit, verwijst door naar Franse les en meldt "
                    "uitbuiting aan de sociale inspectie.</p>"
                ),
                "results": (
                    "Werknemers regelen hun formaliteiten sneller en mensonwaardige huisvesting "
                    "wordt eerder gemeld."
                ),
                "transferability": (
                    "Een lichte permanentie volstaat om te starten; belangrijk zijn tolken en "
                    "een netwerk met de sociale inspectie."
                ),
            },
        },
    },
    {
        "key": "mouscron-workplace-french",
        "language": "fr",
        "title": (
            "Cours de français sur le lieu de travail pour les travailleurs d'Europe centrale "
            "et orientale"
        ),
        "summary": (
            "À Mouscron, des entreprises accueillent dans leurs locaux des cours de français "
            "adaptés au vocabulaire du métier, donnés pendant les heures de travail."
        ),
        "body": (
            "<p>Les travailleurs venus de Pologne, de Roumanie ou de Slovaquie apprennent "
            "rarement le français : horaires décalés, fatigue, cours éloignés. La ville de "
            "Mouscron et des organismes de formation proposent donc des cours courts dans "
            "l'entreprise même, centrés sur la sécurité, les consignes et la vie "
            "quotidienne.</p>"
            "<p>L'employeur libère une heure par semaine ; la ville prend en charge le "
            "formateur.</p>"
        ),
        "results": (
            "Les employeurs constatent moins d'incidents de sécurité liés à des consignes mal "
            "comprises."
        ),
        "transferability": (
            "Transposable à toute zone d'activités ; fonctionne mieux avec plusieurs "
            "entreprises voisines qui partagent le formateur."
        ),
        "stage": "pilot",
        "period": ("2023-09-01", "2025-06-30"),
        "themes": ["cee-workers", "education"],
        "places": ["BE-NIS:57096"],
        "owner": "mouscron",
    },
    {
        "key": "kleve-posted-workers-advice",
        "language": "de",
        "title": "Beratungsstelle für Beschäftigte aus Mittel- und Osteuropa in Kleve",
        "summary": (
            "Im Kreis Kleve berät eine Anlaufstelle Beschäftigte aus Polen, Rumänien und "
            "Bulgarien in ihrer Sprache zu Lohn, Arbeitszeit, Unterkunft und "
            "Krankenversicherung."
        ),
        "body": (
            "<p>In Landwirtschaft, Gartenbau und Logistik am Niederrhein arbeiten viele "
            "Saisonkräfte und Werkvertragsbeschäftigte aus Mittel- und Osteuropa, oft nur "
            "wenige Kilometer von der niederländischen Grenze entfernt und manchmal in den "
            "Niederlanden untergebracht.</p>"
            "<p>Die <strong>Beratungsstelle</strong> bietet offene Sprechstunden und "
            "aufsuchende Beratung an Unterkünften und Betrieben. Fälle, die beide Länder "
            "betreffen, werden mit einem niederländischen Partner gemeinsam bearbeitet.</p>"
        ),
        "results": (
            "Beschäftigte setzen ausstehende Löhne häufiger durch; grenzüberschreitende Fälle "
            "werden nicht mehr zwischen den Behörden hin- und hergeschoben."
        ),
        "transferability": (
            "Für Grenzregionen mit vielen Saisonkräften; braucht muttersprachliche Beraterinnen "
            "und Berater und einen Partner jenseits der Grenze."
        ),
        "stage": "implemented",
        "period": ("2018-04-01", None),
        "themes": ["cee-workers", "labour-market"],
        "places": [("DE", "Kleve")],
    },
    {
        "key": "aachen-first-orientation",
        "language": "de",
        "title": "Mehrsprachige Erstorientierung für neu zugezogene Arbeitskräfte in Aachen",
        "summary": (
            "Neu zugezogene Arbeitskräfte aus Mittel- und Osteuropa erhalten in Aachen einen "
            "Orientierungskurs in ihrer Sprache: Anmeldung, Steuern, Arbeitsrecht, Wohnen und "
            "Schule der Kinder."
        ),
        "body": (
            "<p>Wer zum Arbeiten nach Aachen zieht, muss sich in kurzer Zeit um Anmeldung, "
            "Steuer-ID, Krankenversicherung und oft auch um die Schule der Kinder kümmern. Die "
            "Stadt bietet deshalb an zwei Abenden einen Orientierungskurs auf Polnisch, "
            "Rumänisch und Bulgarisch an.</p>"
            "<p>Die Kurse finden in Räumen von Migrantenvereinen statt; Arbeitgeber weisen "
            "neue Beschäftigte darauf hin.</p>"
        ),
        "results": (
            "Teilnehmende erledigen die Behördengänge schneller und kennen die "
            "Beratungsangebote der Stadt."
        ),
        "transferability": (
            "Leicht übertragbar; das Kursmaterial liegt in mehreren Sprachen vor und kann "
            "angepasst werden."
        ),
        "stage": "implemented",
        "period": ("2021-10-01", None),
        "themes": ["cee-workers"],
        "places": [("DE", "Aachen")],
        "owner": "aachen",
    },
    {
        "key": "kempen-migrant-housing-register",
        "language": "en",
        "title": "A shared register of inspected housing for labour migrants in the Kempen",
        "summary": (
            "Border municipalities around Lommel and Eindhoven keep one register of inspected "
            "housing for workers from Central and Eastern Europe, so that employers on both "
            "sides can check where their staff may live."
        ),
        "body": (
            "<p>Workers from Central and Eastern Europe employed in the Kempen often cross the "
            "Belgian–Dutch border daily; some live in Belgium and work in the Netherlands, or "
            "the reverse. Housing standards and inspections differ on each side.</p>"
            "<p>The municipalities agreed on a common minimum standard and record inspected "
            "addresses in a shared register. Employers and agencies check the register before "
            "housing their workers.</p>"
        ),
        "results": (
            "Inspectors on both sides see the same addresses, and agencies can no longer move "
            "workers across the border to avoid inspections."
        ),
        "transferability": (
            "Needs a legal basis for sharing addresses across the border and a common minimum "
            "standard."
        ),
        "stage": "idea",
        "period": (None, None),
        "themes": ["cee-workers", "police-justice"],
        "places": ["BE-NIS:72020", ("NL", "Eindhoven")],
    },
    # --- Climate adaptation -------------------------------------------------------------------
    {
        "key": "maastricht-green-schoolyards",
        "language": "nl",
        "title": "Groene schoolpleinen tegen hitte en wateroverlast in Maastricht",
        "summary": (
            "Maastricht vervangt tegels op schoolpleinen door groen, bomen en wadi's, zodat de "
            "pleinen koeler blijven en regenwater opvangen."
        ),
        "body": (
            "<p>Versteende schoolpleinen worden in de zomer heet en laten regenwater meteen "
            "naar de riolering lopen. Samen met leerlingen, ouders en leerkrachten ontwerpen "
            "scholen een groen plein met schaduwbomen, een moestuin en een wadi.</p>"
            "<p>Na schooltijd is het plein een openbare speelplek voor de buurt.</p>"
        ),
        "results": (
            "De pleinen bieden schaduw op warme dagen en worden ook in de klas gebruikt voor "
            "natuuronderwijs."
        ),
        "transferability": (
            "Eenvoudig over te nemen; betrek leerlingen vanaf het ontwerp en regel het "
            "onderhoud vooraf."
        ),
        "stage": "implemented",
        "period": ("2020-01-01", None),
        "themes": ["climate-adaptation", "education"],
        "places": [("NL", "Maastricht")],
        "owner": "maastricht",
        "translations": {
            "de": {
                "origin": H,
                "title": "Grüne Schulhöfe gegen Hitze und Starkregen in Maastricht",
                "summary": (
                    "Maastricht ersetzt Pflaster auf Schulhöfen durch Grün, Bäume und "
                    "Versickerungsmulden, damit die Höfe kühler bleiben und Regenwasser "
                    "aufnehmen."
                ),
                "body": (
                    "<p>Versiegelte Schulhöfe werden im Sommer heiß und leiten Regenwasser "
                    "direkt in die Kanalisation. Gemeinsam mit Schülern, Eltern und Lehrkräften "
                    "gestalten die Schulen einen grünen Hof mit Schattenbäumen, einem Schulgarten "
                    "und einer Versickerungsmulde.</p>"
                    "<p>Nach Schulschluss ist der Hof ein öffentlicher Spielplatz für das "
                    "Viertel.</p>"
                ),
                "results": (
                    "Die Höfe spenden an heißen Tagen Schatten und werden auch im "
                    "Naturkundeunterricht genutzt."
                ),
                "transferability": (
                    "Leicht übertragbar; Schüler von Anfang an beteiligen und die Pflege vorab "
                    "regeln."
                ),
            },
        },
    },
    {
        "key": "eupen-flood-warning",
        "language": "de",
        "title": "Grenzüberschreitende Hochwasserwarnung an Weser und Inde",
        "summary": (
            "Nach dem Hochwasser vom Juli 2021 tauschen Eupen und Aachen Pegel- und "
            "Niederschlagsdaten in Echtzeit aus und stimmen ihre Warnstufen ab."
        ),
        "body": (
            "<p>Das Hochwasser im Juli 2021 hat im Wesertal (Vesdre) und im Raum Aachen schwere "
            "Schäden verursacht. Eine Lehre daraus: Warnungen endeten an der Grenze, obwohl "
            "Niederschlagsgebiete und Einsatzkräfte es nicht tun.</p>"
            "<p>Die Partner vereinbarten einen <strong>gemeinsamen Datenaustausch</strong> der "
            "Pegel und Radarprognosen, abgestimmte Warnstufen und zweisprachige Warntexte. "
            "Eine jährliche Übung testet die Meldewege zwischen den Leitstellen.</p>"
        ),
        "results": (
            "Die Leitstellen sehen dieselben Daten und lösen Warnungen nach denselben "
            "Schwellen aus."
        ),
        "transferability": (
            "Übertragbar auf jedes grenzüberschreitende Einzugsgebiet; Voraussetzung ist eine "
            "Vereinbarung über den Datenaustausch zwischen den Wasserbehörden."
        ),
        "stage": "pilot",
        "period": ("2022-05-01", None),
        "themes": ["climate-adaptation", "crisis-management"],
        "places": ["BE-NIS:63023", ("DE", "Aachen")],
        "organisations": ["aachen", "nccn-be"],
        "translations": {
            "fr": {
                "origin": H,
                "title": "Alerte transfrontalière aux crues sur la Vesdre et l'Inde",
                "summary": (
                    "Après les inondations de juillet 2021, Eupen et Aix-la-Chapelle échangent "
                    "en temps réel les données de niveau d'eau et de précipitations et "
                    "harmonisent leurs niveaux d'alerte."
                ),
                "body": (
                    "<p>Les inondations de juillet 2021 ont causé de graves dégâts dans la "
                    "vallée de la Vesdre et dans la région d'Aix-la-Chapelle. Une leçon en a "
                    "été tirée : les alertes s'arrêtaient à la frontière, alors que les "
                    "précipitations et les secours ne s'y arrêtent pas.</p>"
                    "<p>Les partenaires ont convenu d'un <strong>échange commun de "
                    "données</strong> des niveaux d'eau et des prévisions radar, de niveaux "
                    "d'alerte harmonisés et de messages bilingues. Un exercice annuel teste les "
                    "voies de communication entre les centrales d'appel.</p>"
                ),
                "results": (
                    "Les centrales voient les mêmes données et déclenchent les alertes selon "
                    "les mêmes seuils."
                ),
                "transferability": (
                    "Transposable à tout bassin versant transfrontalier ; il faut un accord "
                    "d'échange de données entre les gestionnaires des cours d'eau."
                ),
            },
        },
    },
    {
        "key": "verviers-vesdre-rebuilding",
        "language": "fr",
        "title": "Reconstruire autrement après les inondations de la Vesdre à Verviers",
        "summary": (
            "Verviers revoit l'aménagement des quartiers inondés en 2021 : moins de logements "
            "en zone inondable, espaces de débordement pour la rivière et bâtiments adaptés."
        ),
        "body": (
            "<p>Les inondations de juillet 2021 ont dévasté les quartiers de Verviers situés "
            "le long de la Vesdre. Plutôt que de reconstruire à l'identique, la ville et la "
            "Région définissent quels îlots seront rendus à la rivière et comment adapter les "
            "bâtiments conservés : rez-de-chaussée sans logement, installations techniques en "
            "hauteur, matériaux résistants à l'eau.</p>"
            "<p>Les habitants relogés sont associés aux choix par des ateliers de quartier.</p>"
        ),
        "results": (
            "Un schéma de reconstruction partagé avec les habitants guide les permis dans les "
            "zones touchées."
        ),
        "transferability": (
            "Utile à toute ville en fond de vallée ; suppose des moyens pour racheter et reloger."
        ),
        "stage": "implemented",
        "period": ("2022-01-01", None),
        "themes": ["climate-adaptation", "spatial-planning", "crisis-management"],
        "places": ["BE-NIS:63079"],
    },
    # --- Sustainable development --------------------------------------------------------------
    {
        "key": "benelux-sustainable-procurement",
        "language": "en",
        "title": "A sustainable public procurement network for Benelux border municipalities",
        "summary": (
            "Small border municipalities share tender templates, sustainability criteria and "
            "market knowledge so that they can buy sustainably without their own experts."
        ),
        "body": (
            "<p>Small municipalities rarely have a procurement specialist, let alone one who "
            "knows the rules on both sides of a border. The network offers model tender "
            "documents in Dutch and French, a shared list of sustainability criteria and an "
            "online exchange where buyers ask each other questions.</p>"
            "<p>Joint tenders are possible where national rules allow them.</p>"
        ),
        "results": (
            "Members reuse each other's tender documents and criteria instead of writing them "
            "from scratch."
        ),
        "transferability": (
            "Any group of municipalities can start with a shared folder of templates; joint "
            "cross-border tenders need legal advice."
        ),
        "stage": "pilot",
        "period": ("2024-01-01", None),
        "themes": ["sustainable-development"],
        "places": ["BE-NIS:34027", "BE-NIS:81001", "BE-NIS:13002"],
        "owner": "sg-team-economy",
        "organisations": ["menen", "arlon", "baarle-hertog"],
    },
    {
        "key": "heerlen-mine-water",
        "language": "nl",
        "title": "Warmte en koude uit de ondergelopen mijngangen van Heerlen",
        "summary": (
            "Het water in de oude steenkoolmijnen onder Heerlen dient als bron en buffer voor "
            "een warmte- en koudenet dat gebouwen in de stad verbindt."
        ),
        "body": (
            "<p>Na de sluiting van de mijnen liepen de gangen onder Heerlen vol grondwater. Dat "
            "water heeft diep in de grond een constante temperatuur en wordt gebruikt om "
            "gebouwen te verwarmen en te koelen.</p>"
            "<p>Het net werkt als een uitwisseling: gebouwen die koelen, leveren warmte aan "
            "gebouwen die verwarmen, en de mijngangen slaan het overschot op.</p>"
        ),
        "results": (
            "Het net groeide van enkele gebouwen naar een stadsdekkend systeem en trekt "
            "bezoekers uit andere voormalige mijnstreken."
        ),
        "transferability": (
            "Interessant voor voormalige mijnsteden zoals Genk, Gelsenkirchen of Charleroi; "
            "vraagt geologisch onderzoek en een publieke netbeheerder."
        ),
        "stage": "evaluated",
        "period": ("2008-01-01", None),
        "themes": ["energy-markets", "sustainable-development"],
        "places": [("NL", "Heerlen")],
    },
    # --- Mobility and transport ---------------------------------------------------------------
    {
        "key": "arlon-cross-border-carpooling",
        "language": "fr",
        "title": "Parkings relais et covoiturage pour les frontaliers d'Arlon vers Luxembourg",
        "summary": (
            "Arlon aménage des parkings de covoiturage près de l'autoroute et de la gare, "
            "reliés à une application commune avec le Luxembourg."
        ),
        "body": (
            "<p>Chaque matin, un grand nombre de frontaliers quittent la province de "
            "Luxembourg pour travailler au Grand-Duché, le plus souvent seuls dans leur "
            "voiture. La ville d'Arlon développe des parkings de covoiturage aux entrées de la "
            "ville et près de la gare, avec des places réservées aux équipages.</p>"
            "<p>Les trajets sont proposés sur une application partagée avec les communes "
            "luxembourgeoises ; les employeurs du Grand-Duché la relaient auprès de leur "
            "personnel.</p>"
        ),
        "results": (
            "Les parkings sont remplis en semaine et les équipages réguliers se forment "
            "surtout entre collègues d'un même employeur."
        ),
        "transferability": (
            "Pertinent pour tous les bassins de travailleurs frontaliers ; la participation "
            "des employeurs fait la différence."
        ),
        "stage": "implemented",
        "period": ("2019-01-01", None),
        "themes": ["mobility-transport"],
        "places": ["BE-NIS:81001", ("LU", "Luxembourg")],
        "owner": "arlon",
        "organisations": ["luxembourg-city"],
    },
    {
        "key": "aachen-heerlen-rail-fare",
        "language": "de",
        "title": "Ein Tarif für die grenzüberschreitende Regionalbahn Aachen–Heerlen",
        "summary": (
            "Zwischen Aachen und Heerlen gilt ein gemeinsamer Fahrschein, der in beiden "
            "Ländern gekauft und in Bussen am Zielort weiterverwendet werden kann."
        ),
        "body": (
            "<p>Früher mussten Fahrgäste an der Grenze zwei Tarifsysteme kombinieren. Die "
            "Verkehrsverbünde beider Seiten haben einen grenzüberschreitenden Tarif "
            "vereinbart, der an Automaten, in Apps und im Abonnement erhältlich ist.</p>"
            "<p>Die Fahrgastinformation an den Bahnhöfen ist zweisprachig.</p>"
        ),
        "results": "Pendler brauchen nur noch einen Fahrschein für die ganze Strecke.",
        "transferability": (
            "Braucht eine Einnahmenaufteilung zwischen den Verkehrsverbünden; technisch lösbar, "
            "politisch der schwierigste Teil."
        ),
        "stage": "implemented",
        "period": ("2019-12-15", None),
        "themes": ["mobility-transport"],
        "places": [("DE", "Aachen"), ("NL", "Heerlen")],
        "organisations": ["aachen"],
    },
    {
        "key": "maastricht-liege-train",
        "language": "en",
        "title": "Reopening the direct train between Maastricht and Liège",
        "summary": (
            "Dutch and Belgian partners reopened a direct regional train between Maastricht "
            "and Liège, with a fare valid on both sides of the border."
        ),
        "body": (
            "<p>For years travellers between Maastricht and Liège had to change trains at "
            "Visé. The two rail operators and the authorities on both sides agreed on a direct "
            "service, rolling stock allowed in both countries and a shared timetable.</p>"
            "<p>Students, hospital staff and shoppers use the line in both directions.</p>"
        ),
        "results": ("A direct connection every hour on weekdays, used by commuters and students."),
        "transferability": (
            "Shows what is needed for cross-border rail: approved rolling stock, a concession "
            "agreement and a common fare."
        ),
        "stage": "evaluated",
        "period": ("2018-12-09", None),
        "themes": ["mobility-transport"],
        "places": [("NL", "Maastricht"), "BE-NIS:62063", "BE-NIS:62108"],
        "owner": "maastricht",
    },
    # --- Labour market ------------------------------------------------------------------------
    {
        "key": "eurometropolis-job-exchange",
        "language": "fr",
        "title": "Bourse d'emploi transfrontalière de l'Eurométropole",
        "summary": (
            "Les services publics de l'emploi des deux côtés de la frontière publient "
            "ensemble les offres difficiles à pourvoir et organisent des visites d'entreprises "
            "pour les demandeurs d'emploi du pays voisin."
        ),
        "body": (
            "<p>Dans l'Eurométropole Lille-Kortrijk-Tournai, des entreprises flamandes "
            "cherchent du personnel pendant que le chômage reste élevé côté français et "
            "wallon. La bourse d'emploi traduit les offres, explique les différences de "
            "contrat et de fiscalité et organise des visites d'entreprises en bus.</p>"
            "<p>Des cours de néerlandais courts préparent les candidats à l'entretien.</p>"
        ),
        "results": (
            "Des demandeurs d'emploi français et wallons découvrent des employeurs flamands "
            "qu'ils n'auraient pas approchés seuls."
        ),
        "transferability": (
            "Demande une coopération formelle entre services de l'emploi et une information "
            "fiable sur la fiscalité des frontaliers."
        ),
        "stage": "implemented",
        "period": ("2017-01-01", None),
        "themes": ["labour-market"],
        "places": ["BE-NIS:34022", "BE-NIS:57081", "BE-NIS:57096", ("FR", "Lille")],
        "owner": "eurometropolis",
        "organisations": ["kortrijk", "tournai", "mouscron", "lille"],
    },
    {
        "key": "eupen-recognition-qualifications",
        "language": "de",
        "title": "Lotsendienst für die Anerkennung von Berufsabschlüssen in Ostbelgien",
        "summary": (
            "Ein Lotsendienst in Eupen hilft Fachkräften, die in Deutschland, den Niederlanden "
            "oder Luxemburg arbeiten möchten, ihre Abschlüsse anerkennen zu lassen."
        ),
        "body": (
            "<p>Pflegekräfte, Erzieherinnen oder Handwerker, die über die Grenze wechseln, "
            "stoßen auf unterschiedliche Anerkennungsverfahren. Der Lotsendienst klärt, welche "
            "Stelle zuständig ist, welche Unterlagen übersetzt werden müssen und welche "
            "Ausgleichsmaßnahmen drohen.</p>"
        ),
        "results": "Anträge sind beim ersten Einreichen häufiger vollständig.",
        "transferability": (
            "Einfach zu übertragen, wenn die Beraterinnen und Berater die Verfahren der "
            "Nachbarländer kennen."
        ),
        "stage": "implemented",
        "period": ("2020-01-01", None),
        "themes": ["labour-market", "education"],
        "places": ["BE-NIS:63023"],
    },
    # --- Police and justice -------------------------------------------------------------------
    {
        "key": "baarle-joint-police",
        "language": "nl",
        "title": "Gezamenlijke politiepatrouilles in Baarle-Hertog en Baarle-Nassau",
        "summary": (
            "In het enclavedorp Baarle patrouilleren Belgische en Nederlandse agenten samen, "
            "zodat de grens die dwars door straten en huizen loopt geen vrijplaats wordt."
        ),
        "body": (
            "<p>In Baarle liggen Belgische enclaves midden in Nederland en omgekeerd; de grens "
            "loopt soms door een woonkamer. Voor de politie betekent dat voortdurend van "
            "bevoegdheid wisselen.</p>"
            "<p>Op basis van het Benelux-politieverdrag rijden agenten van beide landen samen "
            "op patrouille, delen ze een briefing en weten ze bij elke melding meteen wie "
            "optreedt.</p>"
        ),
        "results": "Meldingen worden sneller opgevolgd, ongeacht aan welke kant ze gebeuren.",
        "transferability": (
            "Het Benelux-politieverdrag maakt dit mogelijk in de hele Benelux; vraagt "
            "gezamenlijke opleiding en afspraken over radioverbindingen."
        ),
        "stage": "implemented",
        "period": ("2018-01-01", None),
        "themes": ["police-justice"],
        "places": ["BE-NIS:13002"],
        "owner": "baarle-hertog",
    },
    {
        "key": "luxembourg-police-customs-centre",
        "language": "en",
        "title": "A joint police and customs cooperation centre for the Greater Region",
        "summary": (
            "Police and customs officers from Luxembourg, Belgium, Germany and France work in "
            "one room and answer each other's information requests within hours."
        ),
        "body": (
            "<p>Cross-border crime in the Greater Region moves faster than formal mutual "
            "assistance. In the joint centre, liaison officers from the four countries sit "
            "together, check registration plates, identities and alerts in their own national "
            "systems and pass on the answer directly.</p>"
            "<p>The centre also coordinates cross-border pursuits and joint controls.</p>"
        ),
        "results": "Routine requests are answered the same day instead of within weeks.",
        "transferability": (
            "A model for any border region with several countries; needs a treaty basis and "
            "officers who speak the neighbours' languages."
        ),
        "stage": "evaluated",
        "period": ("2003-01-01", None),
        "themes": ["police-justice"],
        "places": [("LU", "Luxembourg")],
        "organisations": ["sg-team-security"],
    },
    # --- Crisis management --------------------------------------------------------------------
    {
        "key": "meuse-rhine-ambulances",
        "language": "en",
        "title": "The nearest ambulance, whichever side of the border",
        "summary": (
            "Emergency dispatch centres in the Meuse-Rhine Euregio send the nearest ambulance "
            "across the border when it arrives sooner than a domestic one."
        ),
        "body": (
            "<p>In border villages the closest ambulance post is often in the neighbouring "
            "country. Agreements between the Dutch, Belgian and German dispatch centres let "
            "them request each other's ambulances, with common procedures for hand-over, "
            "hospital choice and billing.</p>"
            "<p>Crews train together and carry a multilingual phrase card.</p>"
        ),
        "results": "Border villages get help faster when the domestic post is far away.",
        "transferability": (
            "Needs agreements on liability, reimbursement and the recognition of crews' "
            "qualifications."
        ),
        "stage": "implemented",
        "period": ("2014-01-01", None),
        "themes": ["crisis-management", "health"],
        "places": [("NL", "Maastricht"), "BE-NIS:73042", ("DE", "Aachen"), "BE-NIS:62063"],
        "organisations": ["maastricht", "aachen", "sg-team-security"],
    },
    {
        "key": "north-sea-port-drill",
        "language": "en",
        "title": "A cross-border emergency drill for the Ghent–Terneuzen canal zone",
        "summary": (
            "Fire services, port authorities and crisis centres of Belgium and the Netherlands "
            "test together how they respond to a chemical incident in the cross-border port."
        ),
        "body": (
            "<p>The port area along the canal from Ghent to Terneuzen is one industrial zone "
            "under two national crisis systems. A joint exercise simulates a leak at a "
            "chemical plant near the border, with alerts, evacuation and communication to "
            "residents in both countries.</p>"
        ),
        "results": (
            "The exercise showed where alert chains and public warnings still stop at the "
            "border; an action plan follows up each finding."
        ),
        "transferability": (
            "Any cross-border industrial zone can run such a drill; agree in advance who leads "
            "and in which language."
        ),
        "stage": "evaluated",
        "period": ("2023-10-01", "2023-10-31"),
        "themes": ["crisis-management"],
        "places": ["BE-NIS:44021", ("NL", "Terneuzen")],
        "organisations": ["nccn-be", "ncc-nl", "sg-team-security"],
    },
    # --- Spatial planning ---------------------------------------------------------------------
    {
        "key": "leie-valley-spatial-vision",
        "language": "nl",
        "title": "Een gedeelde ruimtelijke visie voor de Leievallei tussen Menen en Wervik",
        "summary": (
            "Menen, Wervik en hun Franse buren tekenen samen een visie voor de grensrivier: "
            "wandel- en fietspaden, natuur langs de oevers en afspraken over bedrijventerreinen."
        ),
        "body": (
            "<p>De Leie vormt hier de grens, maar de vallei is één landschap. Vroeger plande "
            "elke gemeente haar oever apart. In de nieuwe visie leggen de partners vast waar "
            "natuur, recreatie en bedrijvigheid komen, en welke bruggen en jaagpaden ze samen "
            "aanleggen.</p>"
        ),
        "results": "Eerste gezamenlijke fietsverbinding langs beide oevers is ontworpen.",
        "transferability": (
            "Bruikbaar voor elke grensrivier; een gedeelde kaart en een gemeenschappelijke "
            "taal voor bestemmingen zijn de eerste stap."
        ),
        "stage": "pilot",
        "period": ("2023-01-01", None),
        "themes": ["spatial-planning"],
        "places": ["BE-NIS:34027", "BE-NIS:33029", ("FR", "Halluin")],
        "owner": "menen",
        "organisations": ["wervik", "halluin", "eurometropolis"],
    },
    {
        "key": "belval-brownfield",
        "language": "en",
        "title": "Turning a steelworks site into a university district in Esch-sur-Alzette",
        "summary": (
            "On the former blast-furnace site of Belval, a new district combines the "
            "university, housing and offices around the preserved furnaces."
        ),
        "body": (
            "<p>When steel production stopped on part of the Belval site, Luxembourg decided "
            "to redevelop it as a whole new district rather than leave a brownfield. Two blast "
            "furnaces were kept as landmarks; the university, research centres, housing and "
            "shops were built around them.</p>"
            "<p>The site lies on the French border and is served by a railway station.</p>"
        ),
        "results": "A former industrial wasteland became a mixed district with a campus.",
        "transferability": (
            "Inspiring for former industrial cities in Wallonia and the Ruhr; needs a public "
            "developer and a long time frame."
        ),
        "stage": "evaluated",
        "period": ("2002-01-01", None),
        "themes": ["spatial-planning", "sustainable-development"],
        "places": [("LU", "Esch-sur-Alzette")],
    },
    # --- Health -------------------------------------------------------------------------------
    {
        "key": "tournai-cross-border-care-zone",
        "language": "fr",
        "title": "Une zone d'accès aux soins transfrontalière entre le Tournaisis et la "
        "métropole lilloise",
        "summary": (
            "Les habitants de la zone peuvent se faire soigner dans les hôpitaux partenaires de "
            "l'autre côté de la frontière sans autorisation préalable de leur mutuelle."
        ),
        "body": (
            "<p>Pour un habitant de la région de Tournai, l'hôpital le plus proche ou le mieux "
            "équipé se trouve parfois en France, et inversement. La zone organisée d'accès aux "
            "soins supprime l'autorisation préalable pour les hôpitaux partenaires et règle la "
            "facturation entre les caisses d'assurance maladie.</p>"
            "<p>Les patients présentent simplement leur carte d'assurance à l'accueil.</p>"
        ),
        "results": "Les patients choisissent l'hôpital le plus proche, quel que soit le pays.",
        "transferability": (
            "Exige un accord entre assureurs maladie et hôpitaux ; le modèle a été repris le "
            "long d'autres portions de la frontière franco-belge."
        ),
        "stage": "evaluated",
        "period": ("2008-01-01", None),
        "themes": ["health"],
        "places": ["BE-NIS:57081", ("FR", "Lille")],
        "owner": "tournai",
        "organisations": ["lille"],
        "translations": {
            "nl": {
                "origin": H,
                "title": "Een grensoverschrijdende zorgzone tussen Doornik en Rijsel",
                "summary": (
                    "Inwoners van de zone kunnen zich in de partnerziekenhuizen aan de andere "
                    "kant van de grens laten verzorgen zonder voorafgaande toestemming van hun "
                    "ziekenfonds."
                ),
                "body": (
                    "<p>Voor iemand uit de streek van Doornik ligt het dichtstbijzijnde of best "
                    "uitgeruste ziekenhuis soms in Frankrijk, en omgekeerd. De georganiseerde "
                    "zorgzone schaft de voorafgaande toestemming af voor de partnerziekenhuizen "
                    "en regelt de facturatie tussen de ziekenfondsen.</p>"
                    "<p>Patiënten tonen gewoon hun verzekeringskaart aan het onthaal.</p>"
                ),
                "results": ("Patiënten kiezen het dichtstbijzijnde ziekenhuis, in welk land ook."),
                "transferability": (
                    "Vraagt een akkoord tussen ziekenfondsen en ziekenhuizen; het model werd "
                    "overgenomen langs andere delen van de Frans-Belgische grens."
                ),
            },
        },
    },
    # --- Education ----------------------------------------------------------------------------
    {
        "key": "eurode-bilingual-school",
        "language": "de",
        "title": "Eine zweisprachige Grundschule für Kerkrade und Herzogenrath",
        "summary": (
            "In der grenzüberschreitenden Stadt Eurode lernen deutsche und niederländische "
            "Kinder gemeinsam, mit Unterricht in beiden Sprachen."
        ),
        "body": (
            "<p>Kerkrade und Herzogenrath teilen sich eine Straße, auf der früher die Grenze "
            "verlief. Eine gemeinsame Grundschule unterrichtet Kinder beider Städte nach einem "
            "abgestimmten Lehrplan; die Lehrkräfte kommen aus beiden Ländern.</p>"
            "<p>Die Abschlüsse werden in beiden Schulsystemen anerkannt.</p>"
        ),
        "results": (
            "Kinder wachsen zweisprachig auf und wechseln ohne Hürden in weiterführende "
            "Schulen beider Länder."
        ),
        "transferability": (
            "Braucht die Zustimmung beider Schulaufsichten und Lehrkräfte mit Lehrbefähigung "
            "im Nachbarland."
        ),
        "stage": "implemented",
        "period": ("2019-08-01", None),
        "themes": ["education"],
        "places": [("DE", "Herzogenrath"), ("NL", "Kerkrade")],
    },
]

COLLECTIONS = [
    {
        "slug": "energy-workers-districts",
        "language": "en",
        "title": "Energy efficiency in old workers' districts",
        "introduction": (
            "<p>From the garden cities of Genk to the colliery estates of Gelsenkirchen and the "
            "industrial districts of Charleroi, the border regions share a heritage of workers' "
            "housing built for mines and steelworks. These houses are often poorly insulated, "
            "owned by people on modest incomes, and sometimes listed.</p>"
            "<p>This toolkit brings together practices that renovate them street by street, "
            "with a coach at the owner's side, and with heritage services on board from the "
            "start.</p>"
        ),
        "items": [
            "genk-miners-houses",
            "gelsenkirchen-mining-estates",
            "charleroi-workers-houses",
            "maasmechelen-eisden",
            "seraing-workers-estate",
            "parkstad-terraces-heat",
        ],
        "translations": {
            "nl": (
                "Energie-efficiëntie in oude arbeiderswijken",
                "<p>Van de tuinwijken van Genk tot de mijnwerkerswijken van Gelsenkirchen en "
                "de industriewijken van Charleroi: de grensregio's delen een erfgoed van "
                "arbeiderswoningen, gebouwd voor mijnen en staalbedrijven. Die huizen zijn vaak "
                "slecht geïsoleerd, in handen van mensen met een bescheiden inkomen en soms "
                "beschermd.</p>"
                "<p>Deze toolkit brengt praktijken samen die ze straat per straat renoveren, "
                "met een coach aan de zijde van de eigenaar en met de erfgoeddiensten van bij "
                "het begin aan boord.</p>",
            ),
            "fr": (
                "L'efficacité énergétique dans les anciens quartiers ouvriers",
                "<p>Des cités-jardins de Genk aux cités minières de Gelsenkirchen et aux "
                "quartiers industriels de Charleroi, les régions frontalières partagent un "
                "patrimoine de maisons ouvrières construites pour les mines et la sidérurgie. "
                "Ces maisons sont souvent mal isolées, habitées par des propriétaires modestes "
                "et parfois protégées.</p>"
                "<p>Cette boîte à outils rassemble des pratiques qui les rénovent rue par rue, "
                "avec un accompagnateur aux côtés du propriétaire et les services du patrimoine "
                "associés dès le départ.</p>",
            ),
            "de": (
                "Energieeffizienz in alten Arbeitervierteln",
                "<p>Von den Gartenstädten in Genk über die Zechensiedlungen in Gelsenkirchen "
                "bis zu den Industrievierteln von Charleroi teilen die Grenzregionen ein Erbe "
                "von Arbeiterhäusern, die für Bergwerke und Stahlwerke gebaut wurden. Diese "
                "Häuser sind oft schlecht gedämmt, gehören Menschen mit geringem Einkommen und "
                "stehen manchmal unter Denkmalschutz.</p>"
                "<p>Dieser Werkzeugkasten versammelt Praktiken, die sie Straße für Straße "
                "sanieren – mit einem Coach an der Seite der Eigentümer und mit der "
                "Denkmalpflege von Anfang an im Boot.</p>",
            ),
        },
    },
    {
        "slug": "welcoming-cee-workers",
        "language": "fr",
        "title": "Accueillir les travailleurs d'Europe centrale et orientale",
        "introduction": (
            "<p>La logistique, la construction, l'agriculture et l'industrie alimentaire des "
            "régions frontalières emploient de nombreux travailleurs venus de Pologne, de "
            "Roumanie, de Bulgarie ou de Slovaquie. Beaucoup arrivent sans connaître la langue "
            "ni leurs droits, et certains vivent dans des logements indignes.</p>"
            "<p>Ce recueil présente des communes qui les accueillent dans leur langue, "
            "contrôlent leur logement et leur donnent accès à des cours de langue.</p>"
        ),
        "items": [
            "venlo-labour-migrants-welcome",
            "charleroi-cee-welcome-desk",
            "kortrijk-migrant-housing-inspections",
            "kleve-posted-workers-advice",
            "mouscron-workplace-french",
            "aachen-first-orientation",
        ],
        "translations": {
            "nl": (
                "Werknemers uit Midden- en Oost-Europa verwelkomen",
                "<p>Logistiek, bouw, landbouw en voedingsindustrie in de grensregio's stellen "
                "veel werknemers uit Polen, Roemenië, Bulgarije of Slowakije tewerk. Velen komen "
                "aan zonder de taal of hun rechten te kennen, en sommigen wonen in "
                "mensonwaardige woningen.</p>"
                "<p>Deze bundel toont gemeenten die hen in hun eigen taal onthalen, hun "
                "huisvesting controleren en hen toegang geven tot taallessen.</p>",
            ),
            "de": (
                "Arbeitskräfte aus Mittel- und Osteuropa willkommen heißen",
                "<p>Logistik, Bau, Landwirtschaft und Lebensmittelindustrie in den "
                "Grenzregionen beschäftigen viele Arbeitskräfte aus Polen, Rumänien, Bulgarien "
                "oder der Slowakei. Viele kommen an, ohne die Sprache oder ihre Rechte zu "
                "kennen, und manche wohnen in unwürdigen Unterkünften.</p>"
                "<p>Diese Sammlung zeigt Kommunen, die sie in ihrer Sprache empfangen, ihre "
                "Unterkünfte kontrollieren und ihnen Sprachkurse eröffnen.</p>",
            ),
            "en": (
                "Welcoming workers from Central and Eastern Europe",
                "<p>Logistics, construction, farming and the food industry in the border "
                "regions employ many workers from Poland, Romania, Bulgaria or Slovakia. Many "
                "arrive without knowing the language or their rights, and some live in "
                "substandard housing.</p>"
                "<p>This collection presents municipalities that welcome them in their own "
                "language, inspect their housing and open language courses to them.</p>",
            ),
        },
    },
]


def _territories(specs) -> list[Territory]:
    """Territories by code, or by (country, name) through the gazetteer's name lookup."""
    found = []
    for spec in specs:
        if isinstance(spec, str):
            territory = Territory.objects.filter(code=spec).first()
        else:
            country, name = spec
            ids = find_territory_ids(name, limit=10)  # best first: municipalities, places…
            candidates = Territory.objects.in_bulk(ids)
            territory = next(
                (
                    candidates[pk]
                    for pk in ids
                    if candidates[pk].country == country
                    and candidates[pk].name.casefold() == name.casefold()
                ),
                None,
            )
        if territory is not None and territory not in found:
            found.append(territory)
    return found


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _load_practice(item: dict, themes: dict, organisations: dict) -> int:
    if Practice.objects.filter(external_id=f"demo:{item['key']}").exists():
        return 0
    start, end = item["period"]
    practice = operations.create_practice(
        user=None,
        external_id=f"demo:{item['key']}",
        language=item["language"],
        title=item["title"],
        summary=item["summary"],
        body=item["body"],
        results=item["results"],
        transferability=item["transferability"],
        stage=item["stage"],
        period_start=_date(start),
        period_end=_date(end),
        owner=organisations.get(item.get("owner")),
        is_demo=True,
        themes=[themes[slug] for slug in item["themes"] if slug in themes],
        territories=_territories(item["places"]),
        organisations=[
            organisations[s] for s in item.get("organisations", ()) if s in organisations
        ],
    )
    created = 1
    for language, fields in item.get("translations", {}).items():
        operations.save_translation(practice, user=None, language=language, **fields)
        created += 1
    return created


def _load_collection(item: dict, owner: Organisation | None) -> int:
    if Collection.objects.filter(slug=item["slug"]).exists():
        return 0
    collection = operations.create_collection(
        user=None,
        slug=item["slug"],
        language=item["language"],
        title=item["title"],
        introduction=item["introduction"],
        kind=CollectionKind.TOOLKIT,
        owner=owner,
        is_demo=True,
    )
    practices = {
        p.external_id: p
        for p in Practice.objects.filter(external_id__in=[f"demo:{k}" for k in item["items"]])
    }
    operations.set_collection_items(
        collection,
        user=None,
        practices=[practices[f"demo:{key}"] for key in item["items"]],
    )
    for language, (title, introduction) in item["translations"].items():
        operations.save_collection_translation(
            collection, user=None, language=language, title=title, introduction=introduction
        )
    return 1 + len(item["translations"])


def load(stdout=None) -> int:
    """Create the demo practices and collections that are missing; returns how many records."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    created = 0
    for item in PRACTICES:
        created += _load_practice(item, themes, organisations)
    owner = organisations.get("sg-team-cross-border")
    for item in COLLECTIONS:
        created += _load_collection(item, owner)
    return created

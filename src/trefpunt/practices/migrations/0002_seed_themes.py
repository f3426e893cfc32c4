"""Seed the multilingual theme taxonomy (the seed cooperation themes first)."""

from django.db import migrations

# slug: (nl, fr, de, en)
THEMES = {
    "energy-efficiency-housing": (
        "Energie-efficiëntie van bestaande woningen",
        "Efficacité énergétique des logements existants",
        "Energieeffizienz im Wohnungsbestand",
        "Energy efficiency of existing housing",
    ),
    "cee-workers": (
        "Instroom van werknemers uit Midden- en Oost-Europa",
        "Afflux de travailleurs d'Europe centrale et orientale",
        "Zuzug von Arbeitskräften aus Mittel- und Osteuropa",
        "Inflow of workers from Central and Eastern Europe",
    ),
    "climate-adaptation": (
        "Klimaatadaptatie",
        "Adaptation au changement climatique",
        "Klimaanpassung",
        "Climate adaptation",
    ),
    "sustainable-development": (
        "Duurzame ontwikkeling",
        "Développement durable",
        "Nachhaltige Entwicklung",
        "Sustainable development",
    ),
    "mobility-transport": (
        "Mobiliteit en vervoer",
        "Mobilité et transports",
        "Mobilität und Verkehr",
        "Mobility and transport",
    ),
    "labour-market": (
        "Arbeidsmarkt",
        "Marché du travail",
        "Arbeitsmarkt",
        "Labour market",
    ),
    "police-justice": (
        "Politie en justitie",
        "Police et justice",
        "Polizei und Justiz",
        "Police and justice",
    ),
    "crisis-management": (
        "Crisisbeheersing en weerbaarheid",
        "Gestion de crise et résilience",
        "Krisenmanagement und Resilienz",
        "Crisis management and resilience",
    ),
    "spatial-planning": (
        "Ruimtelijke ordening",
        "Aménagement du territoire",
        "Raumordnung",
        "Spatial planning",
    ),
    "health": (
        "Gezondheid",
        "Santé",
        "Gesundheit",
        "Health",
    ),
    "energy-markets": (
        "Energiemarkten",
        "Marchés de l'énergie",
        "Energiemärkte",
        "Energy markets",
    ),
    "education": (
        "Onderwijs",
        "Enseignement",
        "Bildung",
        "Education",
    ),
}
LANGUAGES = ("nl", "fr", "de", "en")


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    ThemeName = apps.get_model("practices", "ThemeName")
    for position, (slug, names) in enumerate(THEMES.items(), start=1):
        theme, _created = Theme.objects.update_or_create(slug=slug, defaults={"position": position})
        for language, name in zip(LANGUAGES, names, strict=True):
            ThemeName.objects.update_or_create(
                theme=theme, language=language, defaults={"name": name}
            )


def remove_themes(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    Theme.objects.filter(slug__in=THEMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_themes, remove_themes),
    ]

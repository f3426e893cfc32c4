from django.db import migrations


class Migration(migrations.Migration):
    """Memberships belong to the directory: the model moves to ``organisations`` and keeps its
    table (``accounts_membership``); only Django's state changes here."""

    dependencies = [
        ("accounts", "0002_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Membership")],
            database_operations=[],
        ),
    ]

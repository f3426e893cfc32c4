"""``send-digests``: one mail per subscribed user with the period's items in their language."""

from io import StringIO

import pytest
from django.core.management import call_command

from trefpunt.organisations.models import Organisation
from trefpunt.subscriptions import operations
from trefpunt.subscriptions.models import SentItem, Subscription

pytestmark = pytest.mark.django_db


def _send(frequency="daily"):
    out = StringIO()
    call_command("send-digests", "--frequency", frequency, stdout=out)
    return out.getvalue()


def test_daily_digest_sends_one_mail_per_user_with_the_days_items_in_their_language(
    todays_items, reader, mobility, mailoutbox
):
    anna = reader("anna", "nl")
    bruno = reader("bruno", "fr")
    carl = reader("carl", "")  # no profile: English
    weekly = reader("wendy", "de")
    operations.subscribe(user=anna, kind="theme", target=mobility, frequency="daily")
    operations.subscribe(
        user=anna,
        kind="organisation",
        target=Organisation.objects.get(slug="menen"),
        frequency="daily",
    )
    operations.subscribe(user=bruno, kind="theme", target=mobility, frequency="daily")
    operations.subscribe(
        user=carl,
        kind="organisation",
        target=Organisation.objects.get(slug="menen"),
        frequency="daily",
    )
    operations.subscribe(user=weekly, kind="theme", target=mobility, frequency="weekly")

    output = _send()

    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "anna@example.org",
        "bruno@example.org",
        "carl@example.org",
    ]
    mails = {mail.to[0]: mail for mail in mailoutbox}
    dutch = mails["anna@example.org"]
    assert dutch.subject == "Trefpunt (Dagelijks overzicht): 2 nieuwe berichten"
    article = todays_items["article"]
    assert "Nieuwe buslijn Menen–Halluin" in dutch.body  # one item, though both subscriptions match
    assert dutch.body.count("Nieuwe buslijn") == 1
    assert f"https://trefpunt.example/nl/news/{article.pk}/" in dutch.body
    assert "Deelfietsen over de grens" in dutch.body
    assert "Draft about buses" not in dutch.body
    assert "Old news" not in dutch.body
    french = mails["bruno@example.org"]
    assert french.subject == "Trefpunt (Résumé quotidien) : 2 nouveaux éléments"
    assert "Vélos partagés transfrontaliers" in french.body
    assert "New bus line Menen–Halluin" in french.body  # no French translation: the original
    assert mails["carl@example.org"].subject == "Trefpunt (Daily digest): 2 new items"
    assert dutch.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert dutch.extra_headers["List-Unsubscribe"].startswith(
        "<https://trefpunt.example/nl/subscriptions/unsubscribe/"
    )
    assert output.splitlines()[-1] == (
        "Sent 3 mails with 6 items (0 users with nothing new, 0 without email address)."
    )
    assert SentItem.objects.filter(user=anna).count() == 2
    assert Subscription.objects.filter(user=anna, last_sent_at__isnull=True).count() == 0


def test_an_item_is_never_mailed_twice(todays_items, reader, mobility, mailoutbox):
    anna = reader("anna", "nl")
    operations.subscribe(user=anna, kind="theme", target=mobility, frequency="immediate")
    _send("immediate")
    assert len(mailoutbox) == 1

    output = _send("immediate")

    assert len(mailoutbox) == 1
    assert output.splitlines()[-1] == (
        "Sent 0 mails with 0 items (1 users with nothing new, 0 without email address)."
    )


def test_drafts_are_mailed_to_nobody_not_even_their_editors(
    todays_items, editor_of_menen, mobility, mailoutbox
):
    editor_of_menen.email = "editor@menen.example"
    editor_of_menen.save(update_fields=["email"])
    operations.subscribe(user=editor_of_menen, kind="theme", target=mobility, frequency="daily")

    _send()

    [mail] = mailoutbox
    assert "Draft about buses" not in mail.body
    assert "New bus line Menen–Halluin" in mail.body


def test_users_without_address_are_counted_not_mailed(todays_items, reader, mobility, mailoutbox):
    nobody = reader("nobody", "en", email="")
    operations.subscribe(user=nobody, kind="theme", target=mobility, frequency="daily")

    output = _send()

    assert mailoutbox == []
    assert output.splitlines()[-1] == (
        "Sent 0 mails with 0 items (0 users with nothing new, 1 without email address)."
    )


def test_dry_run_sends_and_records_nothing(todays_items, reader, mobility, mailoutbox):
    anna = reader("anna", "nl")
    operations.subscribe(user=anna, kind="theme", target=mobility, frequency="daily")

    summary = operations.send_digests(frequency="daily", dry_run=True)

    assert (summary.mails, summary.items) == (1, 2)
    assert mailoutbox == []
    assert SentItem.objects.count() == 0

"""A translation made before its original changed is flagged: readers see a note, the API
says ``outdated`` and the translation screen shows what changed in the original."""

from trefpunt.news import operations


def test_a_fresh_translation_is_not_outdated(client, news):
    article = news["crisis_centres"]

    html = client.get(f"/en/news/{article.pk}/", {"lang": "fr"}).content.decode()
    body = client.get(f"/api/v1/news/{article.pk}?lang=fr").json()

    assert article.translation_in("fr").source == {
        "title": "Crisiscentra overleggen",
        "summary": "De directeurs kwamen <strong>samen</strong>.",
        "body": "<p>Over wederzijdse bijstand.</p>",
    }
    assert "may be outdated" not in html
    assert body["outdated"] is False


def test_changing_the_original_flags_the_translation_for_readers_and_the_api(client, news):
    article = operations.update_article(
        news["crisis_centres"], user=None, summary="De directeurs kwamen in Brussel samen."
    )

    translation = article.translation_in("fr")
    html = client.get(f"/en/news/{article.pk}/", {"lang": "fr"}).content.decode()
    original = client.get(f"/en/news/{article.pk}/", {"lang": "nl"}).content.decode()

    assert translation.is_outdated(article)
    assert "This translation may be outdated" in html
    assert "may be outdated" not in original
    assert client.get(f"/api/v1/news/{article.pk}?lang=fr").json()["outdated"] is True
    assert client.get(f"/api/v1/news/{article.pk}?lang=nl").json()["outdated"] is False


def test_the_translation_screen_shows_the_diff_until_the_translation_is_saved_again(
    client, news, editor_of_menen
):
    draft = news["draft"]
    operations.save_article_translation(draft, user=None, language="fr", title="Pistes cyclables")
    draft = operations.update_article(draft, user=None, title="Ontwerp over veilige fietspaden")
    client.force_login(editor_of_menen)

    screen = client.get(f"/en/news/{draft.pk}/translate/fr/").content.decode()
    client.post(
        f"/en/news/{draft.pk}/translate/fr/",
        {"title": "Pistes cyclables sûres", "origin": "human"},
    )
    after = client.get(f"/en/news/{draft.pk}/translate/fr/").content.decode()

    assert "The original changed since this translation" in screen
    assert "Ontwerp over <ins>veilige </ins>fietspaden" in screen
    assert "The original changed since this translation" not in after
    assert not draft.translations.get(language="fr").is_outdated(draft)

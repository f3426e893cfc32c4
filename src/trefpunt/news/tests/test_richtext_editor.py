"""The article forms edit the lead and text with the rich-text editor."""

import re

from trefpunt.news.models import Article

EDITOR_ASSETS = (
    '<link href="/static/vendor/pell/pell.min.css" media="all" rel="stylesheet">',
    '<script src="/static/vendor/pell/pell.min.js"></script>',
    '<script src="/static/js/richtext.js"></script>',
)


def _rich_fields(html: str) -> list[str]:
    return re.findall(r'<textarea name="([a-z_]+)" data-richtext="1"', html)


def test_the_article_form_edits_lead_and_text_with_the_editor(client, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.get("/fr/news/new/").content.decode()

    assert _rich_fields(html) == ["summary", "body"]
    assert 'data-label-ulist="Liste à puces"' in html
    assert 'data-label-link-prompt="Adresse du lien (https://…)"' in html
    assert all(html.count(asset) == 1 for asset in EDITOR_ASSETS)


def test_the_translation_form_edits_lead_and_text_with_the_editor(client, news, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.get(f"/en/news/{news['bus'].pk}/translate/fr/").content.decode()

    assert _rich_fields(html) == ["summary", "body"]
    assert all(html.count(asset) == 1 for asset in EDITOR_ASSETS)


def test_a_script_in_the_posted_text_is_removed_and_the_markup_kept(client, editor_of_menen, menen):
    client.force_login(editor_of_menen)

    response = client.post(
        "/en/news/new/",
        {
            "author": menen.pk,
            "language": "en",
            "title": "New border bus",
            "summary": "From <strong>Monday</strong>.",
            "body": "<p>Every <strong>hour</strong>.</p><script>alert(1)</script>"
            '<p style="color:red"><em>Free</em></p>',
            "status": "published",
        },
    )

    article = Article.objects.get(title="New border bus")
    assert response.status_code == 302
    assert (article.summary, article.body) == (
        "From <strong>Monday</strong>.",
        "<p>Every <strong>hour</strong>.</p><p><em>Free</em></p>",
    )

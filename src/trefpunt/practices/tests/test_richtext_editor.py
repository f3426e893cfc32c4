"""The practice and collection forms edit their rich texts with the rich-text editor."""

import re

from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Collection, Practice

EDITOR_ASSETS = (
    '<link href="/static/vendor/pell/pell.min.css" media="all" rel="stylesheet">',
    '<script src="/static/vendor/pell/pell.min.js"></script>',
    '<script src="/static/js/richtext.js"></script>',
)


def _rich_fields(html: str) -> list[str]:
    return re.findall(r'<textarea name="([a-z_]+)" data-richtext="1"', html)


def test_the_practice_form_edits_summary_and_description_with_the_editor(client, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.get("/nl/practices/new/").content.decode()

    assert _rich_fields(html) == ["summary", "body"]
    assert 'data-label-bold="Vet"' in html
    assert all(html.count(asset) == 1 for asset in EDITOR_ASSETS)


def test_the_collection_form_edits_its_introduction_with_the_editor(client, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.get("/de/practices/collections/new/").content.decode()

    assert _rich_fields(html) == ["introduction"]
    assert 'data-label-quote="Zitat"' in html
    assert all(html.count(asset) == 1 for asset in EDITOR_ASSETS)


def test_what_the_editor_posts_is_cleaned_as_before(client, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    client.force_login(editor_of_menen)

    client.post(
        "/en/practices/new/",
        {
            "owner": menen.pk,
            "language": "en",
            "title": "Border energy coach",
            "stage": "pilot",
            "status": "published",
            "body": "<h2>How</h2><p><strong>Free</strong> advice<script>alert(1)</script></p>",
        },
    )
    client.post(
        "/en/practices/collections/new/",
        {
            "slug": "energy",
            "kind": "toolkit",
            "language": "en",
            "title": "Energy",
            "owner": menen.pk,
            "introduction": "<p><em>Three</em> practices</p><script>alert(1)</script>",
        },
    )

    assert Practice.objects.get(title="Border energy coach").body == (
        "<h2>How</h2><p><strong>Free</strong> advice</p>"
    )
    assert Collection.objects.get(slug="energy").introduction == "<p><em>Three</em> practices</p>"


def test_pages_without_a_rich_field_load_no_editor(client, db):
    html = client.get("/en/practices/").content.decode()

    assert "pell" not in html
    assert "richtext.js" not in html

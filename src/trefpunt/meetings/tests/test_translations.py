"""Translating a meeting's title and description: the organiser's page beside the original,
who may use it, what it saves and what a reader then sees."""

import re

import pytest
from django.core.exceptions import ValidationError

from trefpunt.meetings import operations
from trefpunt.meetings.models import MeetingTranslation

TITLE_FR = "Concertation locale Menin–Halluin"


pytestmark = pytest.mark.usefixtures("lexical_only")


@pytest.fixture
def meeting(schedule):
    """A public meeting of Menen, written in French."""
    return schedule()


def _url(meeting, lang="nl", ui="en") -> str:
    return f"/{ui}/meetings/{meeting.pk}/translate/{lang}/"


def _errors(html: str) -> str:
    return re.search(r'<div class="error" role="alert">.*?</div>', html, re.S).group(0)


def test_organisers_are_offered_each_other_language_on_the_meeting_page(
    client, meeting, editor_of_menen
):
    operations.save_meeting_translation(meeting, user=None, language="nl", title="Overleg")
    client.force_login(editor_of_menen)

    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()

    links = re.search(r'<ul class="translate-links">.*?</ul>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', links) == [
        (_url(meeting, "nl"), "Edit the Dutch translation"),
        (_url(meeting, "de"), "Translate into German"),
        (_url(meeting, "en"), "Translate into English"),
    ]


def test_readers_are_not_offered_to_translate(client, meeting, outsider):
    client.force_login(outsider)

    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()

    assert "/translate/" not in html
    assert "Translate into" not in html


def test_the_page_shows_the_original_beside_each_field(client, meeting, editor_of_menen):
    client.force_login(editor_of_menen)

    response = client.get(_url(meeting, "de"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Translation into German</h1>" in html
    assert "This translation does not exist yet." in html
    originals = re.findall(r'<div class="original" lang="fr"[^>]*>(.*?)</div>\s*<div', html, re.S)
    assert len(originals) == 2
    assert f"<p>{TITLE_FR}</p>" in originals[0]
    assert "<p>Les maires parlent <strong>mobilité</strong>.</p>" in originals[1]
    assert re.search(r'<input type="text" name="title"[^>]* lang="de"', html)
    assert re.search(r'<textarea name="description"[^>]* lang="de"', html)
    assert 'type="radio" name="origin" value="machine"' in html


def test_the_organiser_saves_a_translation_that_readers_then_see(client, meeting, editor_of_menen):
    client.force_login(editor_of_menen)

    response = client.post(
        _url(meeting),
        {
            "title": "  Lokaal overleg Menen–Halluin ",
            "description": (
                "<p>De burgemeesters praten over <strong>mobiliteit</strong>.</p><script>x</script>"
            ),
            "origin": "machine",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/meetings/{meeting.pk}/"
    translation = MeetingTranslation.objects.get(meeting=meeting)
    assert (translation.language, translation.title, translation.origin) == (
        "nl",
        "Lokaal overleg Menen–Halluin",
        "machine",
    )
    assert translation.description == (
        "<p>De burgemeesters praten over <strong>mobiliteit</strong>.</p>"
    )
    assert translation.reviewed_by is None
    client.logout()
    html = client.get(f"/nl/meetings/{meeting.pk}/").content.decode()
    assert '<h1 id="meeting-title" lang="nl">Lokaal overleg Menen–Halluin</h1>' in html


def test_the_organiser_edits_an_existing_translation(client, meeting, editor_of_menen):
    operations.save_meeting_translation(
        meeting, user=None, language="en", title="Menen–Halluin talks", origin="machine"
    )
    client.force_login(editor_of_menen)

    html = client.get(_url(meeting, "en")).content.decode()
    assert 'value="Menen–Halluin talks"' in html
    assert "Machine translation; saving replaces it." in html

    response = client.post(
        _url(meeting, "en"), {"title": "Local talks Menen–Halluin", "origin": "human"}
    )

    assert response.status_code == 302
    translation = MeetingTranslation.objects.get(meeting=meeting)
    assert (translation.language, translation.title, translation.origin) == (
        "en",
        "Local talks Menen–Halluin",
        "human",
    )
    assert translation.reviewed_by == editor_of_menen


def test_a_translation_without_title_is_refused_and_nothing_is_saved(
    client, meeting, editor_of_menen
):
    client.force_login(editor_of_menen)

    response = client.post(_url(meeting), {"title": "", "description": "<p>x</p>"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved." in _errors(html)
    assert response.context["form"].errors == {
        "title": ["This field is required."],
        "origin": ["This field is required."],
    }
    assert 'id="id_title_error"' in html
    assert MeetingTranslation.objects.count() == 0


def test_the_operation_s_errors_are_shown_beside_their_fields(
    client, meeting, editor_of_menen, monkeypatch
):
    """Rules the form does not know (here: both at once) reach the page all the same."""

    def refuse(*args, **kwargs):
        raise ValidationError(
            {"title": ["Give the translated title."], "language": ["Choose another language."]}
        )

    monkeypatch.setattr(operations, "save_meeting_translation", refuse)
    client.force_login(editor_of_menen)

    response = client.post(_url(meeting), {"title": "Overleg", "origin": "human"})

    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["title"] == ["Give the translated title."]
    assert form.non_field_errors() == ["Choose another language."]
    assert MeetingTranslation.objects.count() == 0


@pytest.mark.parametrize("lang", ["fr", "xx", "lb"])
def test_the_original_and_unknown_languages_are_not_found(client, meeting, editor_of_menen, lang):
    client.force_login(editor_of_menen)

    assert client.get(_url(meeting, lang)).status_code == 404
    assert client.post(_url(meeting, lang), {"title": "T", "origin": "human"}).status_code == 404
    assert MeetingTranslation.objects.count() == 0


def test_editors_of_other_organisations_may_not_translate(client, meeting, editor_of_kortrijk):
    client.force_login(editor_of_kortrijk)

    shown = client.get(_url(meeting))
    posted = client.post(_url(meeting), {"title": "Kaper", "origin": "human"})

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert MeetingTranslation.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client, meeting):
    response = client.post(_url(meeting), {"title": "Kaper", "origin": "human"})

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={_url(meeting)}"
    assert MeetingTranslation.objects.count() == 0


@pytest.mark.parametrize("ui", ["nl", "fr", "de", "en"])
def test_the_page_renders_in_each_language(client, meeting, editor_of_menen, ui):
    client.force_login(editor_of_menen)

    response = client.get(_url(meeting, "en", ui=ui))

    assert response.status_code == 200
    assert f'<html lang="{ui}">' in response.content.decode()

"""A meeting translation made before the original title or description changed is flagged:
readers see a note, the API says ``outdated``, the translation screen shows the diff."""

import pytest

from trefpunt.meetings import operations

pytestmark = pytest.mark.usefixtures("lexical_only")


@pytest.fixture
def translated(schedule):
    """A public meeting of Menen in French, translated into Dutch, whose title then changed."""
    meeting = schedule()
    operations.save_meeting_translation(meeting, user=None, language="nl", title="Overleg")
    fresh = meeting.translations.get(language="nl")
    assert not fresh.is_outdated(meeting)
    assert fresh.source == {"title": meeting.title, "description": meeting.description}
    return operations.update_meeting(
        meeting,
        user=None,
        version=meeting.version,
        title="Concertation locale Menin–Halluin–Wervik",
    )


def test_readers_are_told_the_translation_may_be_outdated(client, translated):
    html = client.get(f"/nl/meetings/{translated.pk}/").content.decode()
    original = client.get(f"/fr/meetings/{translated.pk}/").content.decode()

    assert "translation-outdated" in html
    assert "translation-outdated" not in original


def test_the_api_says_the_translation_is_outdated(client, translated):
    dutch = client.get(f"/api/v1/meetings/{translated.pk}?lang=nl").json()
    french = client.get(f"/api/v1/meetings/{translated.pk}?lang=fr").json()

    assert (dutch["title"], dutch["outdated"]) == ("Overleg", True)
    assert french["outdated"] is False


def test_the_translation_screen_shows_what_changed(client, translated, editor_of_menen):
    client.force_login(editor_of_menen)

    screen = client.get(f"/en/meetings/{translated.pk}/translate/nl/").content.decode()
    operations.save_meeting_translation(
        translated, user=None, language="nl", title="Overleg Menen–Halluin–Wervik"
    )
    after = client.get(f"/en/meetings/{translated.pk}/translate/nl/").content.decode()

    assert "The original changed since this translation" in screen
    assert "<del>Menin–Halluin</del><ins>Menin–Halluin–Wervik</ins>" in screen
    assert "The original changed since this translation" not in after

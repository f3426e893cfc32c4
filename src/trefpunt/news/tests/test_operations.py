"""Writes to articles and translations: permissions, versions, history, index, images."""

import io
import struct
import zlib
from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from trefpunt.news import operations
from trefpunt.news.models import Article, ArticleTranslation
from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Theme
from trefpunt.search.models import SearchDocument

from .conftest import BRUSSELS


def png_upload(name: str = "photo.png", size: tuple[int, int] = (4, 3)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _documents(article):
    return list(
        SearchDocument.objects.filter(doc_type="article", object_key=str(article.pk))
        .order_by("language")
        .values_list("language", "is_original", "title", "path")
    )


def _state(article):
    fresh = Article.objects.get(pk=article.pk)
    return (
        fresh.version,
        fresh.title,
        fresh.body,
        fresh.status,
        fresh.author_id,
        fresh.published_at,
        sorted(fresh.themes.values_list("slug", flat=True)),
        fresh.history.count(),
        sorted(fresh.translations.values_list("language", "title")),
        _documents(fresh),
    )


def test_a_published_article_is_cleaned_recorded_and_indexed_in_each_language(news):
    article = news["crisis_centres"]

    assert article.body == "<p>Over wederzijdse bijstand.</p>"
    assert article.summary == "De directeurs kwamen <strong>samen</strong>."
    assert article.history.count() == 1
    assert _documents(article) == [
        ("de", False, "Krisenzentren beraten sich", f"/news/{article.pk}/"),
        ("fr", False, "Les centres de crise se concertent", f"/news/{article.pk}/"),
        ("nl", True, "Crisiscentra overleggen", f"/news/{article.pk}/"),
    ]
    facets = SearchDocument.objects.get(
        doc_type="article", object_key=str(article.pk), language="nl"
    ).facets
    assert facets == {
        "type": "article",
        "country": ["BE"],
        "theme": ["crisis-management"],
        "organisation": ["benelux-secretariat-general", "nccn-be"],
        "year": 2024,
        "language": "nl",
    }


def test_drafts_and_scheduled_articles_are_not_in_the_index(news):
    assert _documents(news["draft"]) == []
    assert _documents(news["scheduled"]) == []
    assert news["draft"].published_at is None


def test_publishing_a_draft_dates_it_now_and_indexes_it(news, editor_of_menen):
    before = timezone.now()

    article = operations.publish_article(news["draft"], user=editor_of_menen)

    assert article.status == "published"
    assert before <= article.published_at <= timezone.now()
    assert article.version == 2
    latest = article.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (editor_of_menen, "publish")
    assert _documents(article) == [("nl", True, "Ontwerp over fietspaden", f"/news/{article.pk}/")]


def test_archiving_takes_the_article_out_of_the_index_and_lists(news, curator):
    article = operations.archive_article(news["crisis_centres"], user=curator)

    assert article.status == "archived"
    assert _documents(article) == []
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_an_editor_updates_their_organisation_s_article(news, editor_of_menen):
    bus = news["bus"]

    updated = operations.update_article(
        bus,
        user=editor_of_menen,
        version=1,
        title="Grensbus naar Halluin en Wervik",
        body="<p onclick='x()'>Elk uur.</p>",
        themes=[],
    )

    assert (updated.version, updated.title, updated.body) == (
        2,
        "Grensbus naar Halluin en Wervik",
        "<p>Elk uur.</p>",
    )
    assert list(updated.themes.all()) == []
    assert updated.history.latest().history_user == editor_of_menen
    assert _documents(updated)[0][2] == "Grensbus naar Halluin en Wervik"


def test_a_stale_version_is_refused_and_changes_nothing(news, editor_of_menen):
    bus = news["bus"]
    operations.update_article(bus, user=editor_of_menen, version=1, title="Eerste wijziging")
    before = _state(bus)

    with pytest.raises(operations.EditConflict) as error:
        operations.update_article(bus, user=editor_of_menen, version=1, title="Tweede wijziging")

    assert error.value.messages == [
        "Someone else changed this article meanwhile; reload it and try again."
    ]
    assert _state(bus) == before


@pytest.mark.parametrize("who", ["outsider", "editor_of_menen"])
def test_others_may_not_change_an_article_and_nothing_changes(news, who, request):
    user = request.getfixturevalue(who)
    article = news["crisis_centres"]  # written by the Secretariat-General
    before = _state(article)

    with pytest.raises(PermissionDenied):
        operations.update_article(article, user=user, title="Overgenomen")
    with pytest.raises(PermissionDenied):
        operations.archive_article(article, user=user)
    with pytest.raises(PermissionDenied):
        operations.save_article_translation(article, user=user, language="en", title="Taken")

    assert _state(article) == before
    assert ArticleTranslation.objects.filter(article=article, language="en").count() == 0


def test_an_editor_may_not_write_for_another_organisation(news, editor_of_menen, secretariat):
    count = Article.objects.count()

    with pytest.raises(PermissionDenied):
        operations.create_article(
            user=editor_of_menen, author=secretariat, language="nl", title="Namens anderen"
        )
    with pytest.raises(PermissionDenied):
        operations.update_article(news["bus"], user=editor_of_menen, author=secretariat)

    assert Article.objects.count() == count
    assert Article.objects.get(pk=news["bus"].pk).author.slug == "menen"


def test_a_translation_is_replaced_not_duplicated(news, curator):
    article = news["crisis_centres"]

    operations.save_article_translation(
        article, user=curator, language="fr", title="Nouveau titre", origin="human"
    )

    assert sorted(article.translations.values_list("language", "title", "origin")) == [
        ("de", "Krisenzentren beraten sich", "human"),
        ("fr", "Nouveau titre", "human"),
    ]
    assert ("fr", False, "Nouveau titre", f"/news/{article.pk}/") in _documents(article)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "This is the article's original language; edit the article."),
        ("xx", "Unknown language xx; use nl, fr, de, en, lb."),
    ],
)
def test_a_translation_needs_another_known_language(news, language, message):
    with pytest.raises(ValidationError) as error:
        operations.save_article_translation(
            news["bus"], user=None, language=language, title="Titel"
        )

    assert error.value.message_dict == {"language": [message]}


def test_a_new_article_needs_an_author_and_a_title(curator, demo_directory):
    with pytest.raises(ValidationError) as error:
        operations.create_article(user=curator, author=None, language="nl", title="")

    assert set(error.value.message_dict) == {"author", "title"}
    assert Article.objects.count() == 0


def test_unknown_related_records_are_refused(menen):
    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="Titel", themes=[987654]
        )

    assert error.value.message_dict == {"themes": ["Some of the chosen items do not exist."]}
    assert Article.objects.count() == 0


def test_a_real_image_is_stored_under_a_fresh_name_with_its_checked_extension(menen):
    article = operations.create_article(
        user=None,
        author=menen,
        language="nl",
        title="Met foto",
        image=png_upload("vakantie.jpg"),
        image_alt="Een rode rechthoek",
    )

    assert article.image.name.startswith(f"news/{timezone.now():%Y}/")
    assert article.image.name.endswith(".png")
    with article.image.open("rb") as stored:
        assert stored.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(menen):
    upload = SimpleUploadedFile("photo.png", b"<svg onload='alert(1)'></svg>")

    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="T", image=upload, image_alt="x"
        )

    assert error.value.message_dict == {
        "image": ["This file is not an image we accept (PNG, JPEG, WebP or GIF)."]
    }
    assert Article.objects.count() == 0


def test_an_image_over_five_megabytes_is_refused(menen, monkeypatch):
    upload = png_upload()
    monkeypatch.setattr(upload, "size", 5 * 1024 * 1024 + 1)

    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="T", image=upload, image_alt="x"
        )

    assert error.value.message_dict == {
        "image": ["The image is larger than the 5 MB limit (5.01 MB)."]
    }
    assert Article.objects.count() == 0


def test_an_image_needs_a_description(menen):
    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="T", image=png_upload()
        )

    assert error.value.message_dict == {
        "image_alt": ["Describe the image for readers who cannot see it."]
    }


def test_queryset_helpers(news, menen, editor_of_menen, curator, outsider):
    public = {"crisis_centres", "bus", "council"}
    ids = {key: article.pk for key, article in news.items()}

    def keys(queryset):
        found = set(queryset.values_list("pk", flat=True))
        return {key for key, pk in ids.items() if pk in found}

    assert keys(Article.objects.published()) == public
    assert keys(Article.objects.visible_to(outsider)) == public
    assert keys(Article.objects.visible_to(editor_of_menen)) == public | {"draft", "scheduled"}
    assert keys(Article.objects.visible_to(curator)) == set(ids)
    assert keys(Article.objects.published().in_language("fr")) == {"crisis_centres", "council"}
    assert keys(Article.objects.published().in_language("de")) == {"crisis_centres"}


def test_reading_falls_back_to_the_original(news):
    article = Article.objects.prefetch_related("translations").get(pk=news["crisis_centres"].pk)

    assert article.reading_in("fr").title == "Les centres de crise se concertent"
    assert article.reading_in("en") == article
    assert article.available_languages() == ["nl", "de", "fr"]


def test_a_naive_publication_time_is_refused(menen):
    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None,
            author=menen,
            language="nl",
            title="T",
            published_at=datetime(2024, 1, 1, 12, 0),
        )

    assert error.value.message_dict == {"published_at": ["Give the time with its time zone."]}


def test_a_theme_change_alone_bumps_the_version_once(news):
    bus = news["bus"]
    crisis = Theme.objects.get(slug="crisis-management")

    updated = operations.update_article(bus, user=None, version=1, themes=[crisis])
    again = operations.update_article(updated, user=None, version=2, themes=[crisis])

    assert (updated.version, again.version, again.history.count()) == (2, 2, 2)
    assert Organisation.objects.get(pk=again.author_id).slug == "menen"
    assert again.published_at == datetime(2025, 3, 1, 9, 0, tzinfo=BRUSSELS)


def test_an_empty_publication_date_keeps_a_published_article_s_date(news, editor_of_menen):
    bus = news["bus"]

    updated = operations.update_article(
        bus, user=editor_of_menen, version=1, title="Grensbus", published_at=None
    )

    assert updated.published_at == datetime(2025, 3, 1, 9, 0, tzinfo=BRUSSELS)
    assert Article.objects.published().filter(pk=bus.pk).exists()
    assert _documents(updated) == [("nl", True, "Grensbus", f"/news/{bus.pk}/")]


def test_an_empty_publication_date_dates_an_undated_published_article_now(news):
    bus = news["bus"]
    Article.objects.filter(pk=bus.pk).update(published_at=None)  # as left by the old bug
    before = timezone.now()

    updated = operations.update_article(bus, user=None, version=1, published_at=None)

    assert before <= Article.objects.get(pk=bus.pk).published_at <= timezone.now()
    assert updated.version == 2
    assert Article.objects.published().filter(pk=bus.pk).exists()


def test_an_empty_publication_date_leaves_a_draft_undated(news):
    draft = news["draft"]

    updated = operations.update_article(
        draft, user=None, version=1, title="Fietspaden", published_at=None
    )

    assert (updated.status, updated.published_at, updated.title) == ("draft", None, "Fietspaden")


def test_the_image_size_is_written_in_the_reader_s_language(menen, monkeypatch):

    upload = png_upload()
    monkeypatch.setattr(upload, "size", 6 * 1024 * 1024 + 300 * 1024)

    with translation.override("fr"), pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="T", image=upload, image_alt="x"
        )

    assert error.value.message_dict["image"] == ["L’image dépasse la limite de 5 Mo (6,30 Mo)."]


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_a_small_file_declaring_a_huge_image_is_refused(menen):
    upload = SimpleUploadedFile("bomb.png", _png_header(100_000, 100_000))

    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="T", image=upload, image_alt="x"
        )

    assert error.value.message_dict == {"image": ["The image has more than 40 million pixels."]}
    assert Article.objects.count() == 0


def test_an_image_over_the_pixel_limit_is_refused(menen):
    upload = SimpleUploadedFile("wide.png", _png_header(10_000, 5_000))

    with pytest.raises(ValidationError) as error:
        operations.create_article(
            user=None, author=menen, language="nl", title="T", image=upload, image_alt="x"
        )

    assert error.value.message_dict == {"image": ["The image has more than 40 million pixels."]}

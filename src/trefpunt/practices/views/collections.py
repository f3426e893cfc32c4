"""Collections: the list, one collection with its practices in order, its PDFs."""

from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.lib.richtext import rich_text
from trefpunt.places.models import Territory

from .. import access
from ..models import Collection, Practice, PracticeTranslation
from ..pdf import cached_collection_pdf
from .reading import prepare_item

PDF_LANGUAGES = ("nl", "fr", "de", "en")


def collection_list(request):
    reader = current_language()
    collections = list(
        Collection.objects.prefetch_related("translations").annotate(size=Count("items"))
    )
    for collection in collections:
        collection.reading = collection.translation_in(reader) or collection
    return render(
        request,
        "practices/collection_list.html",
        {
            "collections": collections,
            "pdf_languages": _pdf_languages(),
            "can_add": access.can_add(request.user),
        },
    )


def _get_collection(slug: str) -> Collection:
    collection = (
        Collection.objects.select_related("owner")
        .prefetch_related("translations")
        .filter(slug=slug)
        .first()
    )
    if collection is None:
        raise Http404(_("No collection has the identifier %(slug)s.") % {"slug": slug})
    return collection


def collection_detail(request, slug: str):
    collection = _get_collection(slug)
    reader = current_language()
    light = PracticeTranslation.objects.only("id", "practice_id", "language", "title", "summary")
    items = list(
        collection.items.filter(practice__in=Practice.objects.visible_to(request.user))
        .select_related("practice")
        .prefetch_related(
            "practice__themes__names",
            Prefetch("practice__territories", Territory.objects.only("id", "code", "country")),
            Prefetch("practice__translations", light),
        )
        .order_by("position")
    )
    for item in items:
        prepare_item(item.practice, reader)
    reading = collection.translation_in(reader) or collection
    return render(
        request,
        "practices/collection_detail.html",
        {
            "collection": collection,
            "reading": reading,
            "introduction": rich_text(reading.introduction),
            "items": items,
            "pdf_languages": _pdf_languages(),
            "can_edit": request.user.is_authenticated
            and access.can_write(request.user, collection.owner),
        },
    )


def _pdf_languages() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_LABELS[code]) for code in PDF_LANGUAGES]


def collection_pdf(request, slug: str, lang: str):
    if lang not in PDF_LANGUAGES:
        raise Http404(_("Collections are printed in Dutch, French, German and English."))
    collection = _get_collection(slug)
    response = HttpResponse(cached_collection_pdf(collection, lang), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{collection.slug}-{lang}.pdf"'
    return response

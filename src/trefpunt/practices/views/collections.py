"""Collections: the list, one collection with its practices in order, its PDFs."""

from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.lib.richtext import rich_text
from trefpunt.lib.suggest import suggest_response
from trefpunt.places.models import Territory

from .. import access, fields
from ..models import Collection, Practice, PracticeTranslation, Review, Status
from ..operations import REVIEW_STEPS
from ..pdf import cached_collection_pdf
from .reading import prepare_item

PDF_LANGUAGES = ("nl", "fr", "de", "en")
ACTION_LABELS = {
    Review.DRAFT: gettext_lazy("Back to draft"),
    Review.EXPERT_REVIEW: gettext_lazy("Send to expert review"),
    Review.FINAL: gettext_lazy("Approve as final"),
    "publish": gettext_lazy("Publish"),
    "archive": gettext_lazy("Archive"),
}


def collection_list(request):
    reader = current_language()
    collections = list(
        Collection.objects.visible_to(request.user)
        .prefetch_related("translations")
        .annotate(size=Count("items"))
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


def _get_collection(slug: str, user) -> Collection:
    """The collection ``slug`` if ``user`` may read it (a draft is its editors' only)."""
    collection = (
        Collection.objects.visible_to(user)
        .select_related("owner")
        .prefetch_related("translations")
        .filter(slug=slug)
        .first()
    )
    if collection is None:
        raise Http404(_("No collection has the identifier %(slug)s.") % {"slug": slug})
    return collection


def collection_detail(request, slug: str):
    collection = _get_collection(slug, request.user)
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
    can_edit = request.user.is_authenticated and access.can_write(request.user, collection.owner)
    return render(
        request,
        "practices/collection_detail.html",
        {
            "collection": collection,
            "reading": reading,
            "introduction": rich_text(reading.introduction),
            "items": items,
            "pdf_languages": _pdf_languages(),
            "outdated": reading is not collection and reading.is_outdated(collection),
            "can_edit": can_edit,
            "actions": collection_actions(request.user, collection) if can_edit else [],
            "translations": _translation_links(collection) if can_edit else [],
        },
    )


def collection_actions(user, collection: Collection) -> list[tuple[str, str]]:
    """The review and publication steps ``user`` may take on ``collection`` now."""
    steps = []
    for review in REVIEW_STEPS[collection.review]:
        if access.can_move_review(user, review):
            steps.append((review, ACTION_LABELS[review]))
    if collection.review == Review.FINAL and collection.status != Status.PUBLISHED:
        steps.append(("publish", ACTION_LABELS["publish"]))
    if collection.status != Status.ARCHIVED:
        steps.append(("archive", ACTION_LABELS["archive"]))
    return steps


def _translation_links(collection: Collection) -> list[tuple[str, str, bool]]:
    """Each language the collection may be translated into, its label and whether done."""
    done = {t.language for t in collection.translations.all()}
    return [
        (code, label, code in done)
        for code, label in LANGUAGE_LABELS.items()
        if code != collection.language
    ]


def _pdf_languages() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_LABELS[code]) for code in PDF_LANGUAGES]


def collection_pdf(request, slug: str, lang: str):
    if lang not in PDF_LANGUAGES:
        raise Http404(_("Collections are printed in Dutch, French, German and English."))
    collection = _get_collection(slug, request.user)
    response = HttpResponse(cached_collection_pdf(collection, lang), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{collection.slug}-{lang}.pdf"'
    return response


def practice_suggest(request):
    """Practices ``request.user`` may read whose title (any language) is like ``q``, as JSON."""
    readable = Practice.objects.visible_to(request.user).exclude(status="archived")
    return suggest_response(
        request, lambda query: fields.suggestions(readable, query), fields.label
    )

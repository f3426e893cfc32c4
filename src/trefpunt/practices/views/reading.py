"""Reading practices: the list and its exports, a practice in the reader's language."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trefpunt.lib import csv
from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.lib.richtext import rich_text
from trefpunt.places.models import Territory
from trefpunt.search.presentation import present_hits
from trefpunt.search.query import more_like_this

from .. import access
from ..forms import PracticeFilterForm
from ..models import CONTENT_LANGUAGES, CollectionItem, Practice, PracticeTranslation

PAGE_SIZE = 20
EXPORT_LIMIT = 5000
ORIGIN_LABELS = {"human": gettext_lazy("human"), "machine": gettext_lazy("machine")}


def get_practice_for_user(user, pk: int, *, full: bool = True) -> Practice:
    """The practice ``pk`` if ``user`` may read it, with what its page shows prefetched."""
    practices = Practice.objects.visible_to(user).select_related("owner")
    translations = PracticeTranslation.objects.select_related("reviewed_by")
    if full:
        practices = practices.prefetch_related(
            "themes__names",
            "territories__names",
            "organisations__names",
            Prefetch("translations", queryset=translations),
            "attachments",
            "links",
            Prefetch(
                "collection_items",
                queryset=CollectionItem.objects.select_related("collection").prefetch_related(
                    "collection__translations"
                ),
            ),
        )
    else:
        practices = practices.prefetch_related(Prefetch("translations", queryset=translations))
    practice = practices.filter(pk=pk).first()
    if practice is None:
        raise Http404(_("No practice has the number %(pk)s.") % {"pk": pk})
    return practice


def can_edit_practice(user, practice: Practice) -> bool:
    """Curators edit every practice; editors those of their organisation (and its units)."""
    return access.can_edit(user, practice)


def editable_practice(request, pk: int, *, full: bool = False) -> Practice:
    practice = get_practice_for_user(request.user, pk, full=full)
    if not can_edit_practice(request.user, practice):
        raise PermissionDenied(_("Only the owning organisation's editors may change a practice."))
    return practice


def _listed_practices(request):
    form = PracticeFilterForm(request.GET or None)
    light = PracticeTranslation.objects.only("id", "practice_id", "language", "title", "summary")
    practices = (
        form.filter(Practice.objects.visible_to(request.user))
        .defer("body", "results", "costs", "transferability", "contacts")
        .select_related("owner")
        .prefetch_related(
            "themes__names",
            Prefetch("territories", queryset=Territory.objects.only("id", "code", "country")),
            Prefetch("translations", queryset=light),
        )
        .order_by("-updated_at", "-pk")
    )
    return form, practices


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def practice_list(request):
    form, practices = _listed_practices(request)
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    reader = current_language()
    for practice in page.object_list:
        prepare_item(practice, reader)
    return render(
        request,
        "practices/practice_list.html",
        {
            "form": form,
            "page": page,
            "query": _query_without_page(request),
            "can_create": access.can_add(request.user),
        },
    )


def prepare_item(practice: Practice, reader: str) -> None:
    """What a list shows of a practice: its text in the reader's language, its countries."""
    practice.reading = practice.translation_in(reader) or practice
    practice.countries = sorted({t.country for t in practice.territories.all()})


def practice_export(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404(_("Exports are available as CSV and JSON."))
    form, practices = _listed_practices(request)
    if form.errors:
        return JsonResponse({"errors": form.errors}, status=400)
    rows = [_export_row(practice) for practice in practices[:EXPORT_LIMIT]]
    if fmt == "json":
        response = JsonResponse({"practices": rows}, json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(EXPORT_COLUMNS)
        for row in rows:
            writer.writerow(
                "|".join(row[c]) if isinstance(row[c], list) else row[c] for c in EXPORT_COLUMNS
            )
    response["Content-Disposition"] = f'attachment; filename="practices.{fmt}"'
    return response


EXPORT_COLUMNS = (
    "id",
    "external_id",
    "url",
    "language",
    "translations",
    "title",
    "summary",
    "stage",
    "status",
    "period_start",
    "period_end",
    "owner",
    "themes",
    "territories",
    "countries",
)


def _export_row(practice: Practice) -> dict:
    return {
        "id": practice.pk,
        "external_id": practice.external_id or "",
        "url": practice.url,
        "language": practice.language,
        "translations": sorted(t.language for t in practice.translations.all()),
        "title": practice.title,
        "summary": practice.summary,
        "stage": practice.stage,
        "status": practice.status,
        "period_start": practice.period_start.isoformat() if practice.period_start else "",
        "period_end": practice.period_end.isoformat() if practice.period_end else "",
        "owner": practice.owner.slug if practice.owner else "",
        "themes": [theme.slug for theme in practice.themes.all()],
        "territories": [territory.code for territory in practice.territories.all()],
        "countries": sorted({territory.country for territory in practice.territories.all()}),
    }


def practice_detail(request, pk: int):
    practice = get_practice_for_user(request.user, pk)
    reader = current_language()
    can_edit = can_edit_practice(request.user, practice)
    similar = more_like_this("practice", str(practice.pk), limit=5, user=request.user)
    return render(
        request,
        "practices/practice_detail.html",
        {
            **_reading(practice, request.GET.get("lang") or reader, reader),
            "collections": _collections(practice, reader),
            "similar": present_hits(similar, reader),
            "history": recent_history(practice, limit=10),
            "can_edit": can_edit,
            "translate_languages": _translate_languages(practice) if can_edit else [],
        },
    )


def _reading(practice: Practice, wanted: str, reader: str) -> dict:
    """The text to show: the translation into ``wanted`` if there is one, else the original."""
    translation = practice.translation_in(wanted) if wanted != practice.language else None
    text = translation or practice
    return {
        "practice": practice,
        "text": text,
        "translation": translation,
        "outdated": translation is not None and translation.is_outdated(practice),
        "origin": ORIGIN_LABELS.get(translation.origin) if translation else "",
        "shown_language": text.language,
        "reader": reader,
        "reader_available": reader != text.language and reader in practice.available_languages(),
        "reading_languages": _languages(practice, text.language),
        "summary": rich_text(text.summary),
        "body": rich_text(text.body),
    }


def _collections(practice: Practice, reader: str) -> list:
    collections = [item.collection for item in practice.collection_items.all()]
    for collection in collections:
        collection.reading = collection.translation_in(reader) or collection
    return collections


def _translate_languages(practice: Practice) -> list[dict]:
    existing = {t.language for t in practice.translations.all()}
    return [
        {"code": code, "label": label, "exists": code in existing}
        for code, label in CONTENT_LANGUAGES
        if code != practice.language
    ]


def _languages(practice: Practice, shown: str) -> list[dict]:
    """Every language the practice can be read in, the original first."""
    items = [{"code": practice.language, "origin": "", "original": True}]
    items += [
        {"code": t.language, "origin": ORIGIN_LABELS.get(t.origin, ""), "original": False}
        for t in sorted(practice.translations.all(), key=lambda t: t.language)
    ]
    for item in items:
        item["label"] = LANGUAGE_LABELS.get(item["code"], item["code"])
        item["current"] = item["code"] == shown
    return items

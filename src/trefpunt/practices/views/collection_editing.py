"""Writing collections: curators and owners' editors create them, choose and order their
practices, translate them, and take them through review to publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from trefpunt.lib.languages import LANGUAGE_LABELS
from trefpunt.lib.richtext import rich_text

from .. import access, operations
from ..forms import CollectionForm, CollectionTranslationForm
from ..models import Review
from .collections import _get_collection
from .editing import _add_errors


@login_required
def collection_create(request):
    if not access.can_add(request.user):
        raise PermissionDenied(_("Only editors of an organisation and curators make collections."))
    form = CollectionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        practices = data.pop("practices")
        data.pop("version", None)
        try:
            with transaction.atomic():
                collection = operations.create_collection(user=request.user, **data)
                operations.set_collection_items(collection, user=request.user, practices=practices)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The collection is saved."))
            return redirect(collection)
    return render(request, "practices/collection_form.html", {"form": form, "collection": None})


@login_required
def collection_edit(request, slug: str):
    collection = _get_collection(slug, request.user)
    access.require_writer(request.user, collection.owner)
    form = CollectionForm(request.POST or None, user=request.user, collection=collection)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        practices = data.pop("practices")
        data.pop("slug")
        version = data.pop("version")
        try:
            with transaction.atomic():
                operations.update_collection(collection, user=request.user, version=version, **data)
                operations.set_collection_items(collection, user=request.user, practices=practices)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(collection)
    return render(
        request, "practices/collection_form.html", {"form": form, "collection": collection}
    )


STEP_MESSAGES = {
    Review.DRAFT: gettext_lazy("The collection is a draft again."),
    Review.EXPERT_REVIEW: gettext_lazy("The collection is sent to expert review."),
    Review.FINAL: gettext_lazy("The collection is approved as final."),
}


@login_required
@require_POST
def collection_step(request, slug: str):
    """One review or publication step, chosen with a button on the collection's page."""
    collection = _get_collection(slug, request.user)
    step = request.POST.get("step", "")
    try:
        if step == "publish":
            operations.publish_collection(collection, user=request.user)
            messages.success(request, _("The collection is published."))
        elif step == "archive":
            operations.archive_collection(collection, user=request.user)
            messages.success(request, _("The collection is archived."))
        else:
            operations.move_review(collection, user=request.user, review=step)
            messages.success(request, STEP_MESSAGES[step])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    if (
        step == "archive"
        and not access.readable_collections(
            type(collection).objects.filter(pk=collection.pk), request.user
        ).exists()
    ):
        return redirect("practices:collections")
    return redirect(collection)


@login_required
def collection_translate(request, slug: str, lang: str):
    collection = _get_collection(slug, request.user)
    access.require_writer(request.user, collection.owner)
    if lang == collection.language or lang not in LANGUAGE_LABELS:
        raise Http404(_("This collection cannot be translated into “%(lang)s”.") % {"lang": lang})
    form = CollectionTranslationForm(
        request.POST or None,
        original=collection,
        language=lang,
        user=request.user,
        translation=collection.translation_in(lang),
    )
    if request.method == "POST" and form.is_valid():
        try:
            operations.save_collection_translation(
                collection, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(collection)
    return render(
        request,
        "practices/collection_translate.html",
        {
            "collection": collection,
            "form": form,
            "introduction": rich_text(collection.introduction),
        },
    )

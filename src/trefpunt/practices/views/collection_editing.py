"""Writing collections: curators and owners' editors create them and choose their practices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import access, operations
from ..forms import CollectionForm
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
    collection = _get_collection(slug)
    access.require_writer(request.user, collection.owner)
    form = CollectionForm(request.POST or None, user=request.user, collection=collection)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        practices = data.pop("practices")
        data.pop("slug")
        try:
            with transaction.atomic():
                operations.update_collection(collection, user=request.user, **data)
                operations.set_collection_items(collection, user=request.user, practices=practices)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(collection)
    return render(
        request, "practices/collection_form.html", {"form": form, "collection": collection}
    )

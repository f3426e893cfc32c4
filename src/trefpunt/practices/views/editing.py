"""Writing practices: create, edit in the original language, translate beside the original."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trefpunt.lib.richtext import rich_text

from .. import access, operations
from ..forms import PracticeForm, TranslationForm
from ..models import CONTENT_LANGUAGES
from .reading import editable_practice


@login_required
def practice_create(request):
    if not access.can_add(request.user):
        raise PermissionDenied(_("Only editors of an organisation and curators add practices."))
    form = PracticeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            practice = operations.create_practice(user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The practice is saved."))
            return redirect(practice)
    return render(request, "practices/practice_form.html", {"form": form, "practice": None})


@login_required
def practice_edit(request, pk: int):
    practice = editable_practice(request, pk, full=True)
    form = PracticeForm(request.POST or None, user=request.user, practice=practice)
    if request.method == "POST" and form.is_valid():
        try:
            operations.update_practice(
                practice,
                user=request.user,
                version=form.cleaned_data["version"],
                **form.operation_kwargs(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(practice)
    return render(request, "practices/practice_form.html", {"form": form, "practice": practice})


@login_required
def practice_translate(request, pk: int, lang: str):
    practice = editable_practice(request, pk)
    if lang == practice.language or lang not in dict(CONTENT_LANGUAGES):
        raise Http404(_("This practice cannot be translated into “%(lang)s”.") % {"lang": lang})
    form = TranslationForm(
        request.POST or None,
        original=practice,
        language=lang,
        user=request.user,
        translation=practice.translation_in(lang),
    )
    if request.method == "POST" and form.is_valid():
        try:
            operations.save_translation(practice, user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(f"{practice.get_absolute_url()}?lang={lang}")
    return render(
        request,
        "practices/practice_translate.html",
        {
            "practice": practice,
            "form": form,
            "summary": rich_text(practice.summary),
            "body": rich_text(practice.body),
        },
    )


def _add_errors(form, error: ValidationError) -> None:
    """An operation's errors beside the fields they name, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)

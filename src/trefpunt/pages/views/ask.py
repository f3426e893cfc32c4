"""Ask Trefpunt in the browser: a question, optionally from a territory, and its answer."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.places.models import Territory

from ..ask import MAX_QUESTION
from ..ask import ask as answer_question


class AskForm(forms.Form):
    q = forms.CharField(label=_("Your question"), max_length=MAX_QUESTION)
    territory = forms.CharField(
        label=_("From (territory code, optional)"),
        required=False,
        max_length=40,
        help_text=_("E.g. BE-NIS:34027 for Menen."),
    )

    def clean_territory(self):
        code = self.cleaned_data["territory"].strip()
        if not code:
            return None
        territory = Territory.objects.prefetch_related("names").filter(code=code).first()
        if territory is None:
            raise ValidationError(_("No territory has this code."))
        return territory


def ask(request):
    form = AskForm(request.GET or None)
    answer = None
    if form.is_bound and form.is_valid():
        answer = answer_question(
            form.cleaned_data["q"],
            territory=form.cleaned_data["territory"],
            language=current_language(),
            user=request.user,
        )
    status = 422 if form.is_bound and not form.is_valid() else 200
    return render(request, "pages/ask.html", {"form": form, "answer": answer}, status=status)

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import operations
from .forms import TokenForm
from .models import ApiToken


@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_secret = operations.issue_token(
                user=request.user, label=form.cleaned_data["label"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = TokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "new_secret": new_secret,
            "tokens": request.user.api_tokens.all(),
            "memberships": request.user.memberships.select_related("organisation"),
        },
    )


@login_required
@require_POST
def revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    operations.revoke_token(token, by=request.user)
    messages.success(request, _("The token “%(label)s” is revoked.") % {"label": token.label})
    return redirect("accounts:tokens")

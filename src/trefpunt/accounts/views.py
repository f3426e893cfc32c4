from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import mailing, operations
from .forms import EmailChangeForm, MailLanguageForm, TokenForm
from .models import ApiToken, MailCategory, preferred_language


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


def _mail_email_change(user, new_email: str, token: str, language: str) -> None:
    with translation.override(language):
        link = mailing.absolute_url("accounts:confirm_email", language, token=token)
        subject = _("Confirm your new email address")
        body = render_to_string(
            "accounts/email/email_change.txt", {"user": user, "link": link, "email": new_email}
        )
    operations.send_plain_mail(subject, body, new_email)


def _mail_old_address(old_email: str, user) -> None:
    language = preferred_language(user)
    with translation.override(language):
        subject = _("Your Trefpunt email address was changed")
        body = render_to_string(
            "accounts/email/email_changed.txt", {"user": user, "email": user.email}
        )
    operations.send_plain_mail(subject, body, old_email)


@login_required
def account_settings(request):
    user = request.user
    email_form = EmailChangeForm(
        request.POST if request.POST.get("form") == "email" else None, prefix="email"
    )
    language_form = MailLanguageForm(
        request.POST if request.POST.get("form") == "language" else None,
        prefix="language",
        initial={"language": preferred_language(user)},
    )
    if request.method == "POST" and email_form.is_bound and email_form.is_valid():
        try:
            token = operations.email_change_token(user, email_form.cleaned_data["email"])
        except ValidationError as error:
            email_form.add_error("email", error.message_dict["email"])
        else:
            _mail_email_change(
                user, email_form.cleaned_data["email"], token, translation.get_language()
            )
            messages.success(
                request,
                _(
                    "We sent a confirmation link to %(email)s. Your address changes once you "
                    "follow it."
                )
                % {"email": email_form.cleaned_data["email"]},
            )
            return redirect("accounts:settings")
    if request.method == "POST" and language_form.is_bound and language_form.is_valid():
        operations.set_mail_language(user, language_form.cleaned_data["language"])
        messages.success(request, _("Your mails will be written in the chosen language."))
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/settings.html",
        {"email_form": email_form, "language_form": language_form},
    )


def confirm_email(request, token: str):
    """GET shows what the link does; POST changes the address. A forged, used or expired
    link shows a clear page and changes nothing."""
    try:
        user, new_email = operations.read_email_change(token)
    except ValidationError:
        return render(request, "accounts/link_invalid.html", status=400)
    if request.method == "POST":
        try:
            operations.confirm_email_change(token, notify=_mail_old_address)
        except ValidationError:
            return render(request, "accounts/link_invalid.html", status=400)
        messages.success(request, _("Your email address is now %(email)s.") % {"email": new_email})
        return redirect("home")
    return render(request, "accounts/confirm_email.html", {"new_email": new_email})


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without a session
def unsubscribe(request, token: str):
    payload = mailing.read_token(token)
    category = (payload or {}).get("c")
    email = (payload or {}).get("e")
    if not email or category not in MailCategory.values:
        return render(request, "accounts/unsubscribe_invalid.html", status=400)
    label = MailCategory(category).label
    if request.method == "POST":
        operations.opt_out(email, category)
        return render(request, "accounts/unsubscribe_done.html", {"label": label, "email": email})
    return render(request, "accounts/unsubscribe.html", {"label": label, "email": email})

"""My subscriptions, the Follow button and the one-click unsubscribe pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import access, operations
from .forms import FrequencyForm, SubscribeForm
from .models import Frequency


@login_required
def mine(request):
    subscriptions = (
        access.own(request.user).with_targets().prefetch_related("obstacle__translations")
    )
    rows = [
        {
            "subscription": subscription,
            "label": subscription.target_label(),
            "url": subscription.target.get_absolute_url(),
        }
        for subscription in subscriptions
    ]
    return render(
        request,
        "subscriptions/mine.html",
        {"subscriptions": rows, "frequencies": Frequency.choices},
    )


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("subscriptions:mine")


@login_required
@require_POST
def subscribe(request):
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose what to follow and how often."))
    try:
        target = operations.find_target(form.cleaned_data["kind"], form.cleaned_data["target"])
        subscription, created = operations.subscribe(
            user=request.user,
            kind=form.cleaned_data["kind"],
            target=target,
            frequency=form.cleaned_data["frequency"],
        )
    except ValidationError:
        return HttpResponseBadRequest(_("There is nothing to follow here."))
    except PermissionDenied:
        return HttpResponseBadRequest(_("There is nothing to follow here."))
    label = subscription.target_label()
    if created:
        messages.success(request, _("You now follow “%(label)s”.") % {"label": label})
    else:
        messages.success(
            request,
            _("You already follow “%(label)s”; its frequency is updated.") % {"label": label},
        )
    return _back(request)


@login_required
@require_POST
def change(request, pk: int):
    subscription = get_object_or_404(access.own(request.user), pk=pk)
    form = FrequencyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose immediately, daily or weekly."))
        return redirect("subscriptions:mine")
    operations.change_frequency(
        subscription, user=request.user, frequency=form.cleaned_data["frequency"]
    )
    messages.success(request, _("The frequency is changed."))
    return redirect("subscriptions:mine")


@login_required
@require_POST
def remove(request, pk: int):
    subscription = get_object_or_404(access.own(request.user), pk=pk)
    label = subscription.target_label()
    operations.unsubscribe(subscription, user=request.user)
    messages.success(request, _("You no longer follow “%(label)s”.") % {"label": label})
    return redirect("subscriptions:mine")


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without a session
def unsubscribe(request, token: str):
    """GET asks, POST removes. A forged or stale link shows a clear page and changes nothing."""
    found = operations.read_unsubscribe(token)
    if found is None:
        return render(request, "accounts/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        operations.unsubscribe_by_token(token)
        return render(request, "subscriptions/unsubscribe_done.html")
    return render(
        request,
        "subscriptions/unsubscribe.html",
        {"subscriptions": found.with_targets().prefetch_related("obstacle__translations")},
    )

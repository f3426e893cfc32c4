import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trefpunt.accounts import operations as accounts_operations
from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import current_language
from trefpunt.lib.suggest import suggest_response

from . import exports, fields, graph, operations
from .access import can_act_for, can_manage_members, visible_contact
from .forms import (
    CompetenceForm,
    InvitationForm,
    JoinForm,
    OrganisationEditForm,
    OrganisationFilterForm,
    PeopleFilterForm,
    WorkContactForm,
)
from .models import Competence, Invitation, Organisation, Person, Post, Relation, RelationKind


def _get_organisation(slug: str) -> Organisation:
    organisation = (
        Organisation.objects.select_related("territory", "parent__parent")
        .prefetch_related("names")
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404(_("No organisation has the identifier %(slug)s.") % {"slug": slug})
    return organisation


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    qs = Organisation.objects.active().select_related("territory").prefetch_related("names")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.search(data["q"])
        if data["kind"]:
            qs = qs.of_kind(data["kind"])
        if data["country"]:
            qs = qs.in_country(data["country"])
        if data["theme"]:
            qs = qs.with_competence(data["theme"])
        if data["contact_point"]:
            qs = qs.with_contact_point()
    paginator = Paginator(qs.order_by("name", "slug"), settings.TREFPUNT_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/organisation_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
def organisation_edit(request, slug: str):
    organisation = _get_organisation(slug)
    if not can_act_for(request.user, organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    form = OrganisationEditForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            operations.update_organisation(
                organisation, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(organisation)
    return render(
        request,
        "organisations/organisation_edit.html",
        {"organisation": organisation, "form": form},
    )


def person_detail(request, slug: str):
    person = Person.objects.filter(slug=slug, archived_at__isnull=True).first()
    if person is None:
        raise Http404(_("No person has the identifier %(slug)s.") % {"slug": slug})
    posts = list(
        person.posts.select_related("organisation")
        .prefetch_related("organisation__names", _active_competences())
        .order_by("-start")
    )
    for post in posts:
        post.contact = visible_contact(request.user, post)
    return render(
        request,
        "organisations/person_detail.html",
        {
            "person": person,
            "posts": posts,
            "history": recent_history(person, limit=10),
            "can_edit": {p.pk for p in posts if can_act_for(request.user, p.organisation)},
        },
    )


def _relations(request):
    kind = request.GET.get("kind", "")
    relations = Relation.objects.for_listing()
    if kind in RelationKind.values:
        relations = relations.filter(kind=kind)
    else:
        kind = ""
    return kind, list(relations)


def relation_list(request):
    kind, relations = _relations(request)
    return render(
        request,
        "organisations/relation_list.html",
        {
            "relations": relations,
            "kind": kind,
            "kinds": RelationKind.choices,
            "graph": graph.build(relations, current_language()),
            "graph_title": _("Relations between organisations"),
            "query": f"?kind={kind}" if kind else "",
        },
    )


def _active_competences():
    return Prefetch(
        "competences",
        queryset=Competence.objects.active()
        .select_related("territory")
        .prefetch_related("territory__names"),
    )


def people_list(request):
    form = PeopleFilterForm(request.GET or None)
    posts = form.filter(
        Post.objects.listed()
        .select_related("person", "organisation")
        .prefetch_related("organisation__names", _active_competences())
        .order_by("person__family_name", "person__given_name", "-start", "pk")
    )
    language = current_language()
    export = request.GET.get("format")
    if export == "csv":
        response = HttpResponse(exports.as_csv(posts, language), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="people.csv"'
        return response
    if export == "json":
        rows = [exports.row(post, language) for post in posts]
        return HttpResponse(json.dumps(rows, ensure_ascii=False), content_type="application/json")
    page = Paginator(posts, settings.TREFPUNT_PAGE_SIZE).get_page(request.GET.get("page"))
    for post in page.object_list:
        post.contact = visible_contact(request.user, post)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/people_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
def post_contact_edit(request, pk: int):
    post = get_object_or_404(Post.objects.select_related("person", "organisation"), pk=pk)
    if not can_act_for(request.user, post.organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    initial = {
        "work_email": post.work_email,
        "work_phone": post.work_phone,
        "contact_visibility": post.contact_visibility,
    }
    form = WorkContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        operations.set_work_contact(post, user=request.user, **form.cleaned_data)
        return redirect(post.person)
    return render(request, "organisations/post_contact_form.html", {"post": post, "form": form})


@login_required
def competence_add(request, slug: str):
    organisation = _get_organisation(slug)
    if not can_act_for(request.user, organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    form = CompetenceForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            operations.add_competence(
                user=request.user,
                organisation=None if data["post"] else organisation,
                post=data["post"],
                theme=data["theme"],
                language=data["language"],
                description=data["description"],
                territory=organisation.territory,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(organisation)
    return render(
        request,
        "organisations/competence_form.html",
        {"organisation": organisation, "form": form},
    )


@login_required
@require_POST
def competence_archive(request, pk: int):
    competence = get_object_or_404(
        Competence.objects.select_related("organisation", "post__organisation"), pk=pk
    )
    operations.archive_competence(competence, user=request.user)
    owner = competence.post.organisation if competence.post_id else competence.organisation
    return redirect(owner)


def relation_export(request, fmt: str):
    _kind, relations = _relations(request)
    return exports.relations_response(request, relations, fmt)


@login_required
def invite(request, slug: str):
    """An administrator of the organisation invites a colleague by mail."""
    organisation = _get_organisation(slug)
    if not can_manage_members(request.user, organisation):
        raise PermissionDenied(_("Only administrators of this organisation can invite members."))
    form = InvitationForm(request.POST or None, initial={"language": current_language()})
    if request.method == "POST" and form.is_valid():
        try:
            operations.invite_member(
                by=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("organisations:invite", slug=organisation.slug)
    return render(
        request,
        "organisations/invite.html",
        {
            "organisation": organisation,
            "form": form,
            "invitations": organisation.invitations.open().select_related("invited_by"),
        },
    )


@login_required
@require_POST
def invitation_withdraw(request, pk: int):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), pk=pk)
    operations.withdraw_invitation(invitation, by=request.user)
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("organisations:invite", slug=invitation.organisation.slug)


def invitation(request, token: str):
    """The link of an invitation: join with the signed-in account, or create one."""
    try:
        found = operations.find_invitation(token)
    except operations.InvitationError:
        return render(request, "organisations/invitation_invalid.html", status=400)
    join_form = None
    if not request.user.is_authenticated:
        join_form = JoinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        user = request.user
        if join_form is not None:
            if not join_form.is_valid():
                return _invitation_page(request, found, join_form)
            try:
                user = accounts_operations.create_account(
                    username=join_form.cleaned_data["username"],
                    email=found.email,
                    password=join_form.cleaned_data["password1"],
                )
            except ValidationError as error:
                join_form.add_error("username", error.message_dict.get("username"))
                return _invitation_page(request, found, join_form)
        try:
            operations.accept_invitation(token, user=user)
        except operations.InvitationError:
            return render(request, "organisations/invitation_invalid.html", status=400)
        if join_form is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("You are now a member of %(organisation)s.")
            % {"organisation": found.organisation.name_in()},
        )
        return redirect(found.organisation.get_absolute_url())
    return _invitation_page(request, found, join_form)


def _invitation_page(request, found, join_form):
    return render(
        request,
        "organisations/invitation.html",
        {"invitation": found, "organisation": found.organisation, "join_form": join_form},
        status=400 if join_form is not None and join_form.errors else 200,
    )


def organisation_suggest(request):
    """Active organisations named like ``q`` (any language), as JSON options for forms."""
    return suggest_response(
        request,
        lambda query: fields.suggestions(Organisation.objects.active(), query),
        fields.label,
    )


def post_suggest(request):
    """Current posts of the public directory, by the person's or organisation's name, as JSON
    options for forms (a meeting's chairs)."""
    return suggest_response(
        request,
        lambda query: fields.post_suggestions(fields.directory_posts(), query),
        fields.post_label,
    )


def person_suggest(request):
    """People the public directory shows, named like ``q``, as JSON options for forms."""
    return suggest_response(
        request,
        lambda query: fields.people_suggestions(fields.directory_people(), query),
        fields.person_label,
    )

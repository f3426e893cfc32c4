"""The organisation page: the directory's record (contact details as the reader may see them,
people, competences, structure, relations) with the meetings, practices and news it takes part
in and its feeds. It combines several apps, so it lives here and is published under the
directory's address and URL name (``organisations:organisation``)."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import current_language
from trefpunt.meetings.models import Meeting
from trefpunt.news.views.reading import listed_articles, prepare_items
from trefpunt.organisations import graph
from trefpunt.organisations.access import can_act_for, can_manage_members, visible_contact
from trefpunt.organisations.models import Competence, Organisation, Post, Relation
from trefpunt.practices.models import Practice

LISTED = 8


def _get_organisation(slug: str) -> Organisation:
    organisation = (
        Organisation.objects.select_related("territory", "parent__parent", "contact_post__person")
        .prefetch_related("names", "competences__territory__names")
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404(_("No organisation has the identifier %(slug)s.") % {"slug": slug})
    return organisation


def _meetings(user, organisation, language):
    meetings = list(
        Meeting.objects.visible_to(user)
        .filter(Q(organiser=organisation) | Q(supporting=organisation))
        .select_related("organiser")
        .prefetch_related("translations", "organiser__names")
        .distinct()
        .order_by("-start")[:LISTED]
    )
    for meeting in meetings:
        meeting.reading = meeting.reading_in(language)
    return meetings


def _practices(user, organisation, language):
    practices = list(
        Practice.objects.visible_to(user)
        .filter(Q(owner=organisation) | Q(organisations=organisation))
        .prefetch_related("translations")
        .distinct()
        .order_by("-updated_at")[:LISTED]
    )
    for practice in practices:
        practice.reading = practice.reading_in(language)
    return practices


def organisation_detail(request, slug: str):
    organisation = _get_organisation(slug)
    language = current_language()
    active = (
        Competence.objects.active().select_related("territory").prefetch_related("territory__names")
    )
    posts = list(
        Post.objects.filter(organisation=organisation)
        .select_related("person")
        .prefetch_related(Prefetch("competences", queryset=active))
        .order_by("-start")
    )
    for post in posts:
        post.contact = visible_contact(request.user, post)
    contact_post = next((p for p in posts if p.pk == organisation.contact_post_id), None)
    relations = list(
        Relation.objects.involving(organisation)
        .select_related("source", "target")
        .prefetch_related("source__names", "target__names")
    )
    children = (
        Organisation.objects.active()
        .filter(parent=organisation)
        .prefetch_related(
            Prefetch("children", queryset=Organisation.objects.active().prefetch_related("names")),
            "names",
        )
    )
    articles = listed_articles(request.user).filter(
        Q(author=organisation) | Q(organisations=organisation)
    )
    return render(
        request,
        "pages/organisation.html",
        {
            "organisation": organisation,
            "contact_post": contact_post,
            "competences": [c for c in organisation.competences.all() if c.archived_at is None],
            "children": children,
            "current_posts": [p for p in posts if p.is_current()],
            "past_posts": [p for p in posts if not p.is_current()],
            "relations": relations,
            "graph": graph.build(relations, language, centre=organisation),
            "graph_title": _("Relations of %(name)s") % {"name": organisation.name_in()},
            "meetings": _meetings(request.user, organisation, language),
            "practices": _practices(request.user, organisation, language),
            "articles": prepare_items(articles.distinct()[:LISTED], language),
            "feeds": {
                "ics": reverse("api:organisation_ics", kwargs={"slug": organisation.slug}),
                "news": reverse("api:list_news") + f"?organisation={organisation.slug}",
                "json": reverse("api:get_organisation", kwargs={"slug": organisation.slug}),
            },
            "history": recent_history(organisation, limit=10),
            "can_edit": can_act_for(request.user, organisation),
            "can_invite": can_manage_members(request.user, organisation),
        },
    )

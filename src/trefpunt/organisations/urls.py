from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("organisations/suggest/", views.organisation_suggest, name="suggest"),
    # The organisation page itself is served by ``pages`` (see ``trefpunt/urls.py``).
    path("relations/", views.relation_list, name="relations"),
    path("relations/export.<str:fmt>", views.relation_export, name="relations_export"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("organisations/<slug:slug>/competences/add/", views.competence_add, name="competence_add"),
    path("competences/<int:pk>/archive/", views.competence_archive, name="competence_archive"),
    path("people/", views.people_list, name="people"),
    path("people/suggest/", views.person_suggest, name="people_suggest"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("posts/suggest/", views.post_suggest, name="posts_suggest"),
    path("posts/<int:pk>/contact/", views.post_contact_edit, name="post_contact"),
    path("organisations/<slug:slug>/invite/", views.invite, name="invite"),
    path("invitations/<int:pk>/withdraw/", views.invitation_withdraw, name="invitation_withdraw"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]

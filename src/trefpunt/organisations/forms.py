from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from trefpunt.places.forms import COUNTRY_CHOICES

from .fields import OrganisationsField
from .models import (
    CompetenceTheme,
    ContactVisibility,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Post,
    Role,
)

LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("de", _("German")), ("en", _("English")))


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *OrganisationKind.choices], required=False
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)
    theme = forms.ChoiceField(
        label=_("Handles questions on"),
        choices=[("", _("All themes")), *CompetenceTheme.choices],
        required=False,
    )
    contact_point = forms.BooleanField(label=_("Has a cross-border contact point"), required=False)


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    organisation = OrganisationsField(
        label=_("Organisation"),
        queryset=Organisation.objects.active(),
        many=False,
        required=False,
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles")), *Role.choices], required=False
    )
    theme = forms.ChoiceField(
        label=_("Handles questions on"),
        choices=[("", _("All themes")), *CompetenceTheme.choices],
        required=False,
    )
    posts = forms.ChoiceField(
        label=_("Posts"),
        choices=[("current", _("Current posts only")), ("all", _("Current and past posts"))],
        required=False,
    )

    def filter(self, posts):
        """``posts`` narrowed by the filters (current posts unless asked otherwise); none when a
        filter is wrong (an unknown organisation), whose error the form shows."""
        if self.is_bound and not self.is_valid():
            return posts.none()
        data = self.cleaned_data if self.is_bound else {}
        if data.get("posts") != "all":
            posts = posts.current()
        for word in (data.get("q") or "").split():
            posts = posts.filter(person__given_name__icontains=word) | posts.filter(
                person__family_name__icontains=word
            )
        if data.get("organisation"):
            posts = posts.filter(organisation=data["organisation"])
        if data.get("country"):
            posts = posts.in_country(data["country"])
        if data.get("role"):
            posts = posts.filter(role=data["role"])
        if data.get("theme"):
            posts = posts.with_competence(data["theme"])
        return posts.distinct()


class WorkContactForm(forms.Form):
    work_email = forms.EmailField(label=_("Work e-mail"), required=False)
    work_phone = forms.CharField(label=_("Work phone"), max_length=40, required=False)
    contact_visibility = forms.ChoiceField(
        label=_("Who may see them"), choices=ContactVisibility.choices
    )


class CompetenceForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), choices=CompetenceTheme.choices)
    description = forms.CharField(
        label=_("Handles cross-border questions on"),
        max_length=300,
        help_text=_("E.g. “urgent patient transport across the border”."),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGES)
    post = forms.ModelChoiceField(
        label=_("Post (empty: the organisation itself)"),
        queryset=Post.objects.none(),
        required=False,
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = (
            Post.objects.current().filter(organisation=organisation).select_related("person")
        )


class OrganisationEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Official name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    address = forms.CharField(
        label=_("Postal address"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    phone = forms.CharField(label=_("Switchboard phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("General e-mail"), required=False)
    contact_post = forms.ModelChoiceField(
        label=_("Cross-border contact point"), queryset=Post.objects.none(), required=False
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        initial = {
            "version": organisation.version,
            "name": organisation.name,
            "acronym": organisation.acronym,
            "website": organisation.website,
            "address": organisation.address,
            "phone": organisation.phone,
            "email": organisation.email,
            "contact_post": organisation.contact_post_id,
            "description": organisation.description,
        }
        names = organisation.names_by_language()
        for code, _label in LANGUAGES:
            initial[f"name_{code}"] = names.get(code, "")
        super().__init__(*args, initial=initial, **kwargs)
        for code, label in LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": label},
                max_length=200,
                required=False,
            )
        self.fields["contact_post"].queryset = (
            Post.objects.current().filter(organisation=organisation).select_related("person")
        )
        self.organisation = organisation

    def operation_kwargs(self) -> dict:
        data = self.cleaned_data
        names = {
            code: data[f"name_{code}"]
            for code, _label in LANGUAGES
            if code != self.organisation.language
        }
        return {
            "version": data["version"],
            "names": names,
            "name": data["name"],
            "acronym": data["acronym"],
            "website": data["website"],
            "address": data["address"],
            "phone": data["phone"],
            "email": data["email"],
            "contact_post": data["contact_post"],
            "description": data["description"],
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.EDITOR
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)


class JoinForm(UserCreationForm):
    """A new account for an invited colleague (the address is the invitation's)."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)

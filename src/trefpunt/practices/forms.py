from django import forms
from django.utils.translation import gettext_lazy as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.lib.languages import current_language
from trefpunt.lib.richtext import RichTextarea
from trefpunt.lib.translation_forms import SideBySideTranslationForm
from trefpunt.organisations.fields import OrganisationsField
from trefpunt.organisations.models import Organisation
from trefpunt.places.fields import TerritoriesField
from trefpunt.places.forms import COUNTRY_CHOICES

from . import access
from .fields import PracticesField
from .models import (
    CONTENT_LANGUAGES,
    Collection,
    CollectionKind,
    Practice,
    Stage,
    Status,
    Theme,
)
from .operations import PRACTICE_FIELDS, RELATED


def _theme_choices() -> list[tuple[str, str]]:
    return [(theme.slug, theme.name_in()) for theme in Theme.objects.prefetch_related("names")]


class PracticeFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), choices=[("", _("All stages")), *Stage.choices], required=False
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *CONTENT_LANGUAGES],
        required=False,
        help_text=_("Written in, or translated into."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes")), *_theme_choices()]

    def filter(self, practices):
        """``practices`` narrowed by the valid filters (unfiltered when the form is unbound)."""
        if not self.is_bound:
            return practices
        if not self.is_valid():
            return practices.none()
        data = self.cleaned_data
        if data["theme"]:
            practices = practices.filter(themes__slug=data["theme"])
        if data["stage"]:
            practices = practices.filter(stage=data["stage"])
        if data["country"]:
            practices = practices.filter(territories__country=data["country"])
        if data["language"]:
            practices = practices.in_language(data["language"])
        return practices.distinct()


class ThemesChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_in()


class PracticeForm(forms.Form):
    """Create (``practice=None``) or edit a practice in its original language."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    owner = OrganisationsField(
        label=_("Owning organisation"),
        queryset=Organisation.objects.none(),
        many=False,
        help_text=_("Its editors may change this practice. Type its name; suggestions appear."),
    )
    language = forms.ChoiceField(label=_("Original language"), choices=CONTENT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=1000)
    summary = forms.CharField(
        label=_("Summary"), widget=RichTextarea(attrs={"rows": 3}), required=False
    )
    body = forms.CharField(
        label=_("Description"),
        widget=RichTextarea(attrs={"rows": 10}),
        required=False,
        help_text=_("Simple HTML (paragraphs, lists, links); other markup is removed."),
    )
    results = forms.CharField(
        label=_("Results"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    costs = forms.CharField(
        label=_("Costs"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    transferability = forms.CharField(
        label=_("Transferability"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("What another city needs to copy it."),
    )
    contacts = forms.CharField(
        label=_("Contacts"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices, initial=Stage.IMPLEMENTED)
    period_start = forms.DateField(
        label=_("Start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("End"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    themes = ThemesChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.prefetch_related("names"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    territories = TerritoriesField(label=_("Territories"), required=False)
    organisations = OrganisationsField(
        label=_("Organisations involved"),
        queryset=Organisation.objects.active(),
        required=False,
        help_text=_("Names in any language, separated by commas; suggestions appear as you type."),
    )

    # What an editor may set: the operation's fields, less the importer's own.
    SCALAR_FIELDS = tuple(f for f in PRACTICE_FIELDS if f not in ("external_id", "is_demo"))
    RELATED_FIELDS = RELATED

    def __init__(self, *args, user, practice: Practice | None = None, **kwargs):
        # A new practice is written in the editor's language unless they choose another.
        initial = {"language": current_language()}
        if practice is not None:
            initial = {name: getattr(practice, name) for name in self.SCALAR_FIELDS}
            initial.update(
                {name: list(getattr(practice, name).all()) for name in self.RELATED_FIELDS}
            )
            initial["version"] = practice.version
        super().__init__(*args, initial=initial, **kwargs)
        self.practice = practice
        # An editor keeps the current owner even if it lies outside their own tree.
        self.fields["owner"].queryset = access.owner_choices(
            user, practice.owner if practice is not None else None
        ).prefetch_related("names")
        if is_curator(user):
            self.fields["owner"].required = False
        if practice is not None:
            self.fields["version"].required = True
        else:
            self.fields["status"] = forms.ChoiceField(
                label=_("Publication"),
                choices=[
                    (Status.PUBLISHED, _("Publish now")),
                    (Status.DRAFT, _("Save as a draft (only your organisation sees it)")),
                ],
                initial=Status.PUBLISHED,
                widget=forms.RadioSelect,
            )

    TEXT_FIELDS = ("title", "summary", "body", "results", "transferability", "costs", "contacts")

    def text_fields(self):
        return [self[name] for name in self.TEXT_FIELDS]

    def detail_fields(self):
        return [field for field in self.visible_fields() if field.name not in self.TEXT_FIELDS]

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end comes before the start."))
        return data

    def operation_kwargs(self) -> dict:
        names = self.SCALAR_FIELDS + self.RELATED_FIELDS
        if self.practice is None:
            names += ("status",)
        return {name: self.cleaned_data[name] for name in names}


class TranslationForm(SideBySideTranslationForm):
    """One translation of a practice, edited beside the original."""

    title = forms.CharField(label=_("Title"), max_length=1000)
    summary = forms.CharField(
        label=_("Summary"), widget=RichTextarea(attrs={"rows": 3}), required=False
    )
    body = forms.CharField(
        label=_("Description"), widget=RichTextarea(attrs={"rows": 10}), required=False
    )
    results = forms.CharField(
        label=_("Results"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    transferability = forms.CharField(
        label=_("Transferability"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    TEXT_FIELDS = ("title", "summary", "body", "results", "transferability")


class CollectionForm(forms.Form):
    """Create (``collection=None``) or edit a collection: its text, owner and practices."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    slug = forms.SlugField(
        label=_("Identifier"), max_length=80, help_text=_("Used in its address.")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=CollectionKind.choices)
    language = forms.ChoiceField(label=_("Original language"), choices=CONTENT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=1000)
    introduction = forms.CharField(
        label=_("Introduction"), widget=RichTextarea(attrs={"rows": 6}), required=False
    )
    owner = OrganisationsField(
        label=_("Owning organisation"), queryset=Organisation.objects.none(), many=False
    )
    practices = PracticesField(
        label=_("Practices"), queryset=Practice.objects.none(), required=False
    )

    def __init__(self, *args, user, collection: Collection | None = None, **kwargs):
        initial = {"language": current_language()}
        if collection is not None:
            initial = {
                name: getattr(collection, name)
                for name in ("slug", "kind", "language", "title", "introduction", "owner")
            }
            initial["practices"] = [
                item.practice
                for item in collection.items.select_related("practice").prefetch_related(
                    "practice__translations"
                )
            ]
            initial["version"] = collection.version
        super().__init__(*args, initial=initial, **kwargs)
        self.collection = collection
        self.fields["practices"].queryset = Practice.objects.visible_to(user).exclude(
            status=Status.ARCHIVED
        )
        self.fields["owner"].queryset = access.owner_choices(
            user, collection.owner if collection is not None else None
        ).prefetch_related("names")
        if collection is not None:
            self.fields["slug"].disabled = True


class CollectionTranslationForm(SideBySideTranslationForm):
    """The title and introduction of a collection in another language."""

    title = forms.CharField(label=_("Title"), max_length=1000)
    introduction = forms.CharField(
        label=_("Introduction"), widget=RichTextarea(attrs={"rows": 6}), required=False
    )
    reviewed = None
    TEXT_FIELDS = ("title", "introduction")

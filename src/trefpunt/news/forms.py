from django import forms
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.lib.richtext import RichTextarea
from trefpunt.lib.translation_forms import SideBySideTranslationForm
from trefpunt.meetings.models import Meeting
from trefpunt.organisations.models import Organisation
from trefpunt.places.fields import TerritoriesField
from trefpunt.practices.models import Theme

from . import access, operations
from .models import CONTENT_LANGUAGES, Article, Status

IMAGE_TYPES = "image/png,image/jpeg,image/webp,image/gif"


class ArchiveFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        public = Article.objects.published()
        years = [day.year for day in public.dates("published_at", "year", order="DESC")]
        self.fields["year"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]
        themes = Theme.objects.filter(news_articles__in=public).distinct()
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *[(t.slug, t.name_in()) for t in themes.prefetch_related("names")],
        ]
        authors = Organisation.objects.filter(news_articles__in=public).distinct()
        self.fields["organisation"].choices = [
            ("", _("All organisations")),
            *[(o.slug, o.name_in()) for o in authors.prefetch_related("names").order_by("name")],
        ]

    def filter(self, articles):
        """``articles`` narrowed by the valid filters (unfiltered when the form is unbound)."""
        if not self.is_bound:
            return articles
        if not self.is_valid():
            return articles.none()
        data = self.cleaned_data
        if data["year"]:
            articles = articles.filter(published_at__year=data["year"])
        if data["theme"]:
            articles = articles.filter(themes__slug=data["theme"])
        if data["organisation"]:
            articles = articles.filter(author__slug=data["organisation"])
        return articles.distinct()


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_in()


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_in() if hasattr(obj, "name_in") else str(obj)


class MeetingsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.local_start:%Y-%m-%d})"


class ArticleForm(forms.Form):
    """Create (``article=None``) or edit an article in its original language."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    author = NamedChoiceField(
        label=_("Author organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Its editors may change this article."),
    )
    language = forms.ChoiceField(label=_("Original language"), choices=CONTENT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Lead"),
        widget=RichTextarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One or two sentences shown in lists and feeds."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=RichTextarea(attrs={"rows": 12}),
        required=False,
        help_text=_("Simple HTML (paragraphs, lists, links); other markup is removed."),
    )
    published_at = forms.DateTimeField(
        label=_("Publication date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: when it is published. A later time schedules it."),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": IMAGE_TYPES}),
        help_text=_("PNG, JPEG, WebP or GIF, at most 5 MB."),
    )
    image_alt = forms.CharField(
        label=_("Image description"),
        max_length=300,
        required=False,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    themes = NamedMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.prefetch_related("names"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    territories = TerritoriesField(label=_("Territories"), required=False)
    organisations = NamedMultipleChoiceField(
        label=_("Organisations concerned"),
        queryset=Organisation.objects.active().prefetch_related("names").order_by("name"),
        required=False,
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    meetings = MeetingsChoiceField(
        label=_("Meetings"),
        queryset=Meeting.objects.order_by("-start"),
        required=False,
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )

    SCALAR_FIELDS = ("author", "language", "title", "summary", "body", "published_at")
    IMAGE_FIELDS = ("image", "image_alt")
    TEXT_FIELDS = ("title", "summary", "body")

    def __init__(self, *args, user, article: Article | None = None, **kwargs):
        # A new article is written in the editor's language unless they choose another.
        initial = {"language": current_language()}
        if article is not None:
            initial = {name: getattr(article, name) for name in self.SCALAR_FIELDS}
            initial.update(
                {name: list(getattr(article, name).all()) for name in operations.RELATED},
                image_alt=article.image_alt,
                version=article.version,
            )
        super().__init__(*args, initial=initial, **kwargs)
        self.article = article
        # An editor keeps the current author even if it lies outside their own tree.
        authors = access.author_choices(user, article.author if article is not None else None)
        self.fields["author"].queryset = authors.prefetch_related("names")
        self.fields["meetings"].queryset = Meeting.objects.visible_to(user).order_by("-start")
        if article is not None:
            self.fields["version"].required = True
        else:
            self.fields["status"] = forms.ChoiceField(
                label=_("Publication"),
                choices=[
                    (Status.PUBLISHED, _("Publish")),
                    (Status.DRAFT, _("Save as a draft (only your organisation sees it)")),
                ],
                initial=Status.DRAFT,
                widget=forms.RadioSelect,
            )

    def text_fields(self):
        return [self[name] for name in self.TEXT_FIELDS]

    def detail_fields(self):
        return [field for field in self.visible_fields() if field.name not in self.TEXT_FIELDS]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image:
            try:
                operations.check_image(image)
            except forms.ValidationError as error:
                raise forms.ValidationError(error.message_dict["image"]) from error
        return image

    def clean(self):
        data = super().clean()
        has_image = data.get("image") or (self.article is not None and self.article.image)
        if has_image and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe the image for readers who cannot see it."))
        return data

    def operation_kwargs(self) -> dict:
        data = self.cleaned_data
        names = self.SCALAR_FIELDS + operations.RELATED + ("image_alt",)
        kwargs = {name: data[name] for name in names}
        if data.get("image"):
            kwargs["image"] = data["image"]
        if self.article is None:
            kwargs["status"] = data["status"]
        return kwargs


class TranslationForm(SideBySideTranslationForm):
    """One translation of an article, edited beside the original."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Lead"), widget=RichTextarea(attrs={"rows": 3}), required=False
    )
    body = forms.CharField(label=_("Text"), widget=RichTextarea(attrs={"rows": 12}), required=False)

    TEXT_FIELDS = ("title", "summary", "body")

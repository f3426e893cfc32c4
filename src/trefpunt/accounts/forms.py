from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=100,
        help_text=_("What the token is for, e.g. “reporting script”."),
    )


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New email address"),
        help_text=_("We send a confirmation link to the new address; nothing changes before."),
    )


class MailLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of my mails"), choices=settings.LANGUAGES)

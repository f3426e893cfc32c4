from django import forms
from django.utils.translation import gettext_lazy as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations.access import acts_for, member_of
from trefpunt.organisations.models import Organisation


class CommentForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Comment for"), queryset=Organisation.objects.none()
    )
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.active().order_by("name")
        if not is_curator(user):
            organisations = organisations.filter(pk__in=acts_for(user) | member_of(user))
        self.fields["organisation"].queryset = organisations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "trefpunt.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        # Apps with their own open items on the follow-up dashboard say so in followup.py.
        autodiscover_modules("followup")

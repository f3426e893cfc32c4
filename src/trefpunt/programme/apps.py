from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "trefpunt.programme"
    label = "programme"
    verbose_name = _("Work programme")

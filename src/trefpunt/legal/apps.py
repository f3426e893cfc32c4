from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "trefpunt.legal"
    label = "legal"
    verbose_name = _("Legal library")

    def ready(self):
        # Apps that cite legal acts say so in their citations.py (the "cited by" lists).
        autodiscover_modules("citations")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "trefpunt.legal"
    label = "legal"
    verbose_name = _("Legal library")

    def ready(self):
        from importlib import import_module

        try:  # registers the legal acts' search documents
            import_module(f"{self.name}.search")
        except ModuleNotFoundError as error:
            if error.name != f"{self.name}.search":
                raise

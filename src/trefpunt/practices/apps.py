from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "trefpunt.practices"
    label = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from importlib import import_module

        try:  # registers the practices' search documents
            import_module(f"{self.name}.search")
        except ModuleNotFoundError as error:
            if error.name != f"{self.name}.search":
                raise

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObstaclesConfig(AppConfig):
    name = "trefpunt.obstacles"
    label = "obstacles"
    verbose_name = _("Cross-border obstacles")

    def ready(self):
        from importlib import import_module

        import_module(f"{self.name}.legal")  # the legal library's "cited by" list
        try:  # registers the app's search documents
            import_module(f"{self.name}.search")
        except ModuleNotFoundError as error:
            if error.name != f"{self.name}.search":
                raise

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "trefpunt.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Every app's search.py registers its record types and facets, as admin.py does.
        autodiscover_modules("search")

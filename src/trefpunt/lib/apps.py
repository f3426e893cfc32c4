from django.apps import AppConfig

from trefpunt.lib import pagecache


class LibConfig(AppConfig):
    name = "trefpunt.lib"
    label = "lib"
    verbose_name = "Trefpunt"

    def ready(self):
        pagecache.connect_signals()

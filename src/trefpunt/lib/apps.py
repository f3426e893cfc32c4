from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "trefpunt.lib"
    label = "lib"
    verbose_name = "Trefpunt"

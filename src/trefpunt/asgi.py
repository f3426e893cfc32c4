import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
application = get_asgi_application()

# Models can only be imported once the application is set up.
from trefpunt.search.warmup import start_in_background  # noqa: E402

start_in_background()

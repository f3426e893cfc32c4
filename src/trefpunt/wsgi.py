import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
application = get_wsgi_application()

# Models can only be imported once the application is set up.
from trefpunt.search.warmup import start_in_background  # noqa: E402

start_in_background()

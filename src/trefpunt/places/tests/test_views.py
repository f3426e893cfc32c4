import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_explore(client, db):
    call_command("load-demo", verbosity=0)
    for url in ["/fr/", "/fr/search/?q=Luik", "/en/places/?country=BE&level=municipality",
                "/en/places/BE-NIS:62063/", "/en/organisations/benelux-secretariat-general/",
                "/en/organisations/menen/", "/en/places/?page=2", "/en/places/?min_population=abc"]:
        with CaptureQueriesContext(connection) as ctx:
            r = client.get(url)
        print(url, r.status_code, len(ctx.captured_queries))
        open("/tmp/scratch/" + url.replace("/", "_") + ".html", "wb").write(r.content)

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext
from tqdm import tqdm

from trefpunt.news import operations


class Command(BaseCommand):
    help = (
        "Put articles scheduled for later into the search index once their publication time "
        "has come (saving indexes an article only if it is public at that moment). Lists and "
        "feeds show such an article on time by themselves; search needs this command. Meant "
        "to run from cron every few minutes; it does nothing when nothing is due."
    )

    def handle(self, *args, **options):
        with tqdm(
            unit=" articles", disable=options["verbosity"] == 0, file=self.stderr, leave=False
        ) as bar:
            count = operations.index_due_articles(progress=bar.update)
        self.stdout.write(
            ngettext(
                "%(count)s scheduled article added to the search index.",
                "%(count)s scheduled articles added to the search index.",
                count,
            )
            % {"count": count}
        )

from django.core.management.base import BaseCommand
from tqdm import tqdm

from trefpunt.search import index
from trefpunt.search.embedders import get_embedder


class Command(BaseCommand):
    help = (
        "Rebuild the search index: every registered record type, embedded with the configured "
        "embedder (TREFPUNT_EMBEDDER). Needed after changing the embedder."
    )

    def handle(self, *args, **options):
        embedder = get_embedder()
        with tqdm(
            total=index.count_records(),
            unit=" records",
            disable=options["verbosity"] == 0,
            file=self.stderr,
        ) as bar:
            summary = index.reindex_all(progress=bar.update)
        self.stdout.write(
            f"Indexed {summary.records} records: {summary.documents} documents, "
            f"{summary.chunks} chunks in {summary.seconds:.1f} s "
            f"(embedder {embedder.key})."
        )

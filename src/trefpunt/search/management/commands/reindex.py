from django.core.management.base import BaseCommand
from tqdm import tqdm

from trefpunt.search import index, lexical_tantivy, vectorstore
from trefpunt.search.embedders import get_embedder


class Command(BaseCommand):
    help = (
        "Rebuild the search index: every registered record type, embedded with the configured "
        "embedder (TREFPUNT_EMBEDDER), then the shared vector index under TREFPUNT_INDEX_DIR. "
        "Needed after changing the embedder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--vectors-only",
            action="store_true",
            help="Only rebuild the shared vector index from the vectors in the database "
            "(no embedding): folds in what was written since the last build.",
        )
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Only bring the derived lexical index (TREFPUNT_LEXICAL_ENGINE=tantivy) to the "
            "database's documents: adds the missing, removes the extra.",
        )

    def handle(self, *args, **options):
        embedder = get_embedder()
        if options["repair"]:
            added, removed = lexical_tantivy.sync()
            self.stdout.write(f"Lexical index: {added} documents added, {removed} removed.")
            return
        if not options["vectors_only"]:
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
        built = vectorstore.rebuild(embedder)
        if built:
            where = vectorstore.folder(embedder)
            self.stdout.write(f"Shared vector index: {built} chunks in {where}.")
        else:
            self.stdout.write(
                f"No shared vector index (fewer than {vectorstore.MIN_CHUNKS} chunks): "
                "vectors are scanned exactly."
            )

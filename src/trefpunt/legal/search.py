"""What a legal act puts in the search index: its title and preamble, and each article apart.

One document holds the title and the preamble (the whole text when no article was found); each
article is a document of its own, in its language, titled with the act's title in that language
(the section's heading where the text has one) and the article's number, with the article's
anchor in its address (``/legal/BWBV0002224/#art-3``): a hit on an article opens that article,
and a French or German keyword query meets French or German words, not only the vectors. All
belong to one record (the act); ``external_id`` is the bwb_id, so search results carry it.
"""

from collections.abc import Iterator

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from . import parsing
from .models import Article, LegalAct

DOC_TYPE = "treaty"
CHUNK = 200


def act_path(bwb_id: str) -> str:
    """The page address without the language prefix, e.g. ``/legal/BWBV0002224/``."""
    try:
        with override("en"):
            return reverse("legal:act", kwargs={"bwb_id": bwb_id}).removeprefix("/en")
    except NoReverseMatch:  # the legal pages are not wired into this URLconf
        return f"/legal/{bwb_id}/"


def _article_text(article: Article) -> str:
    label = "Article" if article.language in ("fr", "en") else "Artikel"
    head = f"{label} {article.number}" + (f". {article.heading}" if article.heading else "")
    return f"{head}\n{article.text}"


def build_documents(act: LegalAct, articles: list[Article]) -> list[DocumentData]:
    path = act_path(act.bwb_id)
    facets = {
        "type": DOC_TYPE,
        "country": [code for code in act.parties if len(code) == 2],
        "theme": list(act.themes),
        "year": act.signed_on.year if act.signed_on else None,
    }
    parsed = parsing.split_articles(act.text, act.language)
    titles = {**parsing.section_titles(act.text, parsed, act.language), act.language: act.title}

    def document(language: str, title: str, text: str, where: str) -> DocumentData:
        return DocumentData(
            doc_type=DOC_TYPE,
            object_key=act.bwb_id,
            language=language,
            title=title,
            text=text,
            path=where,
            is_original=language == act.language,
            external_id=act.bwb_id,
            facets={**facets, "language": language},
        )

    head = parsing.preamble(act.text) if articles else act.text
    documents = [document(act.language, act.title, head, path)]
    for article in articles:
        if not article.text.strip():
            continue
        title = titles.get(article.language) or act.title
        label = "Article" if article.language in ("fr", "en") else "Artikel"
        documents.append(
            document(
                article.language,
                f"{title} – {label} {article.number}",
                _article_text(article),
                f"{path}#{article.anchor}",
            )
        )
    return documents


def documents_for(act: LegalAct) -> list[DocumentData]:
    """Pass an act with its articles prefetched (``indexable()``)."""
    return build_documents(act, list(act.articles.all()))


def indexable(queryset=None):
    queryset = LegalAct.objects.all() if queryset is None else queryset
    return queryset.prefetch_related("articles").order_by("pk")


def documents_for_acts(ids: list[int]) -> Iterator[tuple[str, str, list[DocumentData]]]:
    """``(doc_type, object_key, documents)`` for many acts, read in chunks (import)."""
    for start in range(0, len(ids), CHUNK):
        for act in indexable(LegalAct.objects.filter(pk__in=ids[start : start + CHUNK])):
            yield DOC_TYPE, act.bwb_id, documents_for(act)


registry.register(
    DOC_TYPE,
    records=indexable,
    documents=documents_for,
    key=lambda act: act.bwb_id,
    label=_("Legal act"),
)

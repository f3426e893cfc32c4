"""What a legal act puts in the search index: one document per language of its text.

The original-language document (title + preamble + its articles) and, when the text carries
another authentic language, one document for that language with that language's articles and
its own title heading where the text has one: a French or German keyword query then meets
French or German words, not only the multilingual vectors. Without articles the whole text goes
in the original-language document. ``external_id`` is the bwb_id, so search results carry it.
A hit points to the article holding the passage shown (``locate``: ``/legal/…/#art-3``).
"""

from collections import defaultdict
from collections.abc import Iterator

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.search import chunking, registry
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
    by_language: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_language[article.language].append(article)
    path = act_path(act.bwb_id)
    facets = {
        "type": DOC_TYPE,
        "country": [code for code in act.parties if len(code) == 2],
        "theme": list(act.themes),
        "year": act.signed_on.year if act.signed_on else None,
    }
    parsed = parsing.split_articles(act.text, act.language)
    titles = parsing.section_titles(act.text, parsed, act.language)
    documents = []
    for language in [act.language, *(x for x in act.languages if x != act.language)]:
        own = by_language.get(language, [])
        if language == act.language:
            parts = [parsing.preamble(act.text)] if own else [act.text]
            parts += [_article_text(article) for article in own]
            title, where = act.title, path
        elif own:
            parts = [_article_text(article) for article in own]
            title = titles.get(language) or act.title
            where = f"{path}#{own[0].anchor}"
        else:
            continue
        documents.append(
            DocumentData(
                doc_type=DOC_TYPE,
                object_key=act.bwb_id,
                language=language,
                title=title,
                text="\n\n".join(part for part in parts if part.strip()),
                path=where,
                is_original=language == act.language,
                external_id=act.bwb_id,
                facets={**facets, "language": language},
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


def _words(text: str) -> str:
    return " ".join(chunking.plain_text(text).split())


def locate(bwb_id: str, language: str, passage: str) -> str | None:
    """The address of the article (in ``language``) that holds most of the passage's
    sentences, e.g. ``/legal/BWBV0002730/#art-10-fr``; None for the preamble."""
    sentences = [_words(s) for s in chunking.sentences(passage)]
    sentences = [s for s in sentences if len(s) >= 20]
    best, best_count = None, 0
    for anchor, number, heading, text in Article.objects.filter(
        act__bwb_id=bwb_id, language=language
    ).values_list("anchor", "number", "heading", "text"):
        body = _words(f"{number} {heading} {text}")
        count = sum(1 for sentence in sentences if sentence in body)
        if count > best_count:
            best, best_count = anchor, count
    return f"{act_path(bwb_id)}#{best}" if best else None


registry.register(
    DOC_TYPE,
    records=indexable,
    documents=documents_for,
    key=lambda act: act.bwb_id,
    label=_("Legal act"),
    locate=locate,
)

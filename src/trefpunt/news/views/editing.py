"""Writing articles: create, edit in the original language, translate, publish, archive."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trefpunt.lib.richtext import rich_text

from .. import access, operations
from ..forms import ArticleForm, TranslationForm
from ..models import CONTENT_LANGUAGES
from .reading import editable_article


@login_required
def article_create(request):
    if not access.can_add(request.user):
        raise PermissionDenied(_("Only editors of an organisation and curators write news."))
    form = ArticleForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            article = operations.create_article(user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The article is saved."))
            return redirect(article)
    return render(request, "news/article_form.html", {"form": form, "article": None})


@login_required
def article_edit(request, pk: int):
    article = editable_article(request, pk, full=True)
    form = ArticleForm(
        request.POST or None, request.FILES or None, user=request.user, article=article
    )
    if request.method == "POST" and form.is_valid():
        try:
            operations.update_article(
                article,
                user=request.user,
                version=form.cleaned_data["version"],
                **form.operation_kwargs(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(article)
    return render(request, "news/article_form.html", {"form": form, "article": article})


@login_required
def article_translate(request, pk: int, lang: str):
    article = editable_article(request, pk)
    if lang == article.language or lang not in dict(CONTENT_LANGUAGES):
        raise Http404(_("This article cannot be translated into “%(lang)s”.") % {"lang": lang})
    form = TranslationForm(
        request.POST or None,
        original=article,
        language=lang,
        user=request.user,
        translation=article.translation_in(lang),
    )
    if request.method == "POST" and form.is_valid():
        try:
            operations.save_article_translation(
                article, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(f"{article.get_absolute_url()}?lang={lang}")
    return render(
        request,
        "news/article_translate.html",
        {
            "article": article,
            "form": form,
            "summary": rich_text(article.summary),
            "body": rich_text(article.body),
        },
    )


@login_required
@require_POST
def article_publish(request, pk: int):
    article = operations.publish_article(editable_article(request, pk), user=request.user)
    messages.success(request, _("The article is published."))
    return redirect(article)


@login_required
@require_POST
def article_archive_action(request, pk: int):
    article = operations.archive_article(editable_article(request, pk), user=request.user)
    messages.success(request, _("The article is archived: it no longer appears in lists."))
    return redirect(article)


def add_errors(form, error: ValidationError) -> None:
    """An operation's errors beside the fields they name, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)

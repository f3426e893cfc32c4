"""Rich text of practices, meetings and news: cleaned on write (nh3), shown as HTML, indexed
and exported as plain text. One allow-list for the whole platform: structure and links,
nothing that runs or styles.

Forms edit it with ``RichTextarea``: a plain ``<textarea>`` marked ``data-richtext`` that
``static/js/richtext.js`` turns into a small editor (the vendored ``pell``) whose toolbar
offers only what the allow-list keeps. Without JavaScript the textarea works as before.
"""

import html
import re

import nh3
from django import forms
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


def sanitise(value: str | None) -> str:
    """Rich text without unsafe markup; plain text (no ``<``) is stored as typed."""
    value = (value or "").strip()
    if "<" not in value:
        return value
    return nh3.clean(
        value, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES
    ).strip()


def rich_text(value: str) -> SafeString:
    """Rich text as HTML; plain text (no ``<``) in paragraphs.

    Operations clean on write; cleaning again on the way out keeps a row written around them
    (a raw SQL fix, an old import) from reaching the page."""
    if not value:
        return mark_safe("")
    if "<" not in value:
        return mark_safe(linebreaks(value, autoescape=True))  # noqa: S308 (escaped)
    return mark_safe(sanitise(value))  # noqa: S308 (nh3 keeps only safe markup)


def plain_text(value: str) -> str:
    """Text of (already cleaned) rich text: tags become spaces, entities characters."""
    if "<" in value:
        value = html.unescape(_TAG.sub(" ", value))
    return _SPACES.sub(" ", value).strip()


# The editor's buttons (each one only makes markup the allow-list keeps) and their labels.
TOOLBAR = {
    "bold": _("Bold"),
    "italic": _("Italic"),
    "heading2": _("Heading"),
    "heading3": _("Subheading"),
    "paragraph": _("Paragraph"),
    "ulist": _("Bulleted list"),
    "olist": _("Numbered list"),
    "quote": _("Quotation"),
    "link": _("Link"),
}
EDITOR_LABELS = {
    "toolbar": _("Text formatting"),
    "link-prompt": _("Address of the link (https://…)"),
}


class RichTextarea(forms.Textarea):
    """A textarea that ``richtext.js`` enhances into a rich-text editor.

    The labels travel as ``data-label-*`` attributes, translated when the widget is rendered,
    so the script holds no text and needs no inline configuration (CSP: scripts from 'self')."""

    class Media:
        css = {"all": ("vendor/pell/pell.min.css",)}
        js = ("vendor/pell/pell.min.js", "js/richtext.js")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        extra = {"data-richtext": "1"}
        for key, label in {**TOOLBAR, **EDITOR_LABELS}.items():
            extra[f"data-label-{key}"] = str(label)
        context["widget"]["attrs"] = {**extra, **context["widget"]["attrs"]}
        return context

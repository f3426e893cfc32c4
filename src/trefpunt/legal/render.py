"""The imported Markdown as HTML for the act page, with an anchor on every article heading.

The texts use a small subset of Markdown (``##``/``###``/``####`` headings, paragraphs, ``**``,
``*``, links to other BWBV documents), so a dozen lines suffice instead of a dependency. All
text is escaped first; links to acts become links to their page in this library when the act is
present, plain text otherwise; no other link is kept.
"""

import html
import re

from django.utils.safestring import SafeString, mark_safe

from . import parsing

_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*$")


def _inline(text: str, act_urls: dict[str, str]) -> str:
    def link(match: re.Match) -> str:
        label = match.group(1)
        found = re.search(r"BWBV\d{7}", match.group(2))
        url = act_urls.get(found.group(0)) if found else None
        return f"\x00{url}\x01{label}\x02" if url else label

    text = html.escape(_LINK.sub(link, text), quote=False)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    text = _ITALIC.sub(r"<em>\1</em>", text)
    return re.sub(r"\x00([^\x01]*)\x01([^\x02]*)\x02", r'<a href="\1">\2</a>', text)


def render_text(text: str, act_urls: dict[str, str] | None = None, primary="nl") -> SafeString:
    """``text`` as HTML; article headings get ``id`` = the article's anchor and a self-link."""
    act_urls = {key: html.escape(value) for key, value in (act_urls or {}).items()}
    anchors = {a.line: a for a in parsing.split_articles(text, primary)}
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()

    for number, line in enumerate(text.split("\n")):
        if number in anchors:
            flush()
            article = anchors[number]
            label = html.escape(line.lstrip("#").strip(" *"))
            out.append(
                f'<h3 class="article-heading" id="{article.anchor}" lang="{article.language}">'
                f'<a href="#{article.anchor}">{label}</a></h3>'
            )
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)) + 1, 5)
            level = 4 if level > 3 else 3
            out.append(f"<h{level}>{_inline(heading.group(2), act_urls)}</h{level}>")
        elif not line.strip():
            flush()
        else:
            paragraph.append(_inline(line.strip(), act_urls))
    flush()
    return mark_safe("\n".join(out))  # noqa: S308 - every piece is escaped above

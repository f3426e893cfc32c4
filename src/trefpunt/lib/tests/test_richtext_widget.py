"""The rich-text widget: a textarea marked for the editor, with its labels and assets."""

from django import forms
from django.utils import translation

from trefpunt.lib.richtext import RichTextarea, sanitise


class _Form(forms.Form):
    body = forms.CharField(widget=RichTextarea(attrs={"rows": 4}), required=False)


def test_the_widget_is_a_textarea_marked_for_the_editor_with_translated_labels():
    with translation.override("fr"):
        html = str(_Form(initial={"body": "<p>Un <strong>texte</strong>.</p>"})["body"])

    assert html.startswith("<textarea ")
    assert 'data-richtext="1"' in html
    assert 'rows="4"' in html
    assert 'data-label-bold="Gras"' in html
    assert 'data-label-heading3="Intertitre"' in html
    assert 'data-label-toolbar="Mise en forme du texte"' in html
    # The current text is in the textarea, escaped, so the page works without JavaScript.
    assert "&lt;p&gt;Un &lt;strong&gt;texte&lt;/strong&gt;.&lt;/p&gt;</textarea>" in html


def test_the_widget_brings_the_vendored_editor_and_its_script():
    media = _Form().media

    assert str(media.render_js()) == str(
        [
            '<script src="/static/vendor/pell/pell.min.js"></script>',
            '<script src="/static/js/richtext.js"></script>',
        ]
    )
    assert list(media.render_css()) == [
        '<link href="/static/vendor/pell/pell.min.css" media="all" rel="stylesheet">'
    ]


def test_what_the_editor_makes_survives_cleaning_and_scripts_do_not():
    edited = (
        '<h2>Titel</h2><h3>Sub</h3><p><strong>vet</strong> <em>schuin</em> <a href="https://x.eu">'
        "link</a></p><ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>"
    )

    assert sanitise(edited) == edited.replace('">link', '" rel="noopener noreferrer">link')
    assert sanitise('<p onclick="x()">Tekst<script>alert(1)</script></p>') == "<p>Tekst</p>"

"""The admin writes through the operations: history, clean text, search index."""

from trefpunt.news.models import Article
from trefpunt.search.models import SearchDocument


def test_an_article_added_in_the_admin_goes_through_the_operations(client, make_user, menen):
    admin = make_user("admin")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)

    assert client.get("/en/admin/news/article/add/").status_code == 200
    response = client.post(
        "/en/admin/news/article/add/",
        {
            "language": "nl",
            "title": "Via de beheerpagina",
            "summary": "Kort.",
            "body": "<p>Tekst<script>x()</script></p>",
            "author": menen.pk,
            "image_alt": "",
            "translations-TOTAL_FORMS": "0",
            "translations-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(title="Via de beheerpagina")
    assert (article.status, article.body, article.history.count()) == (
        "draft",
        "<p>Tekst</p>",
        1,
    )
    assert article.history.get().history_user == admin
    assert not SearchDocument.objects.filter(doc_type="article").exists()
    assert client.get("/en/admin/news/article/").status_code == 200

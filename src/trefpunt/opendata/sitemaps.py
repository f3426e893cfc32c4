"""The sitemaps: public pages only, each in the four languages with hreflang alternates.

Served as an index (``/sitemap.xml``) of one section per kind of page; the territories
(11,000) are split into pages of ``limit`` addresses. Drafts, restricted meetings,
unpublished obstacles and the crisis pages are never listed.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from trefpunt.legal.models import LegalAct
from trefpunt.meetings.models import Meeting
from trefpunt.news.models import Article
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Organisation, Person
from trefpunt.places.models import Territory
from trefpunt.practices.models import Collection, Practice
from trefpunt.programme.models import Project


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000
    updated_field: str | None = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.updated_field) if self.updated_field else None


class PagesSitemap(PublicSitemap):
    """The lists and other pages without a record of their own."""

    updated_field = None
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "open_data",
            "atlas",
            "places:list",
            "organisations:list",
            "organisations:people",
            "organisations:relations",
            "practices:list",
            "practices:collections",
            "meetings:list",
            "meetings:calendar",
            "news:list",
            "legal:list",
            "obstacles:list",
            "programme:index",
            "programme:presidencies",
        ]

    def location(self, item):
        return reverse(item)


class TerritorySitemap(PublicSitemap):
    def items(self):
        return Territory.objects.only("code", "updated_at").order_by("code")


class OrganisationSitemap(PublicSitemap):
    updated_field = None

    def items(self):
        return Organisation.objects.active().only("slug").order_by("slug")


class PersonSitemap(PublicSitemap):
    updated_field = None

    def items(self):
        return Person.objects.filter(archived_at__isnull=True).only("slug").order_by("slug")


class PracticeSitemap(PublicSitemap):
    def items(self):
        return Practice.objects.published().only("pk", "updated_at").order_by("pk")


class CollectionSitemap(PublicSitemap):
    def items(self):
        return Collection.objects.only("slug", "updated_at").order_by("slug")


class MeetingSitemap(PublicSitemap):
    def items(self):
        return Meeting.objects.visible_to(None).only("pk", "updated_at").order_by("pk")


class ArticleSitemap(PublicSitemap):
    def items(self):
        return Article.objects.published().only("pk", "updated_at").order_by("pk")


class LegalActSitemap(PublicSitemap):
    def items(self):
        return LegalAct.objects.only("bwb_id", "updated_at").order_by("bwb_id")


class ObstacleSitemap(PublicSitemap):
    def items(self):
        return Obstacle.objects.published().only("pk", "updated_at").order_by("pk")


class ProjectSitemap(PublicSitemap):
    def items(self):
        return Project.objects.only("slug", "updated_at").order_by("slug")

    def location(self, item):
        return reverse("programme:project", args=[item.slug])


SITEMAPS = {
    "pages": PagesSitemap,
    "territories": TerritorySitemap,
    "organisations": OrganisationSitemap,
    "people": PersonSitemap,
    "practices": PracticeSitemap,
    "collections": CollectionSitemap,
    "meetings": MeetingSitemap,
    "news": ArticleSitemap,
    "legal-acts": LegalActSitemap,
    "obstacles": ObstacleSitemap,
    "projects": ProjectSitemap,
}

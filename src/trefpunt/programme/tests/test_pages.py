import pytest

from trefpunt.programme import demo, pdf
from trefpunt.programme.models import AnnualPlan


@pytest.fixture
def demo_programme(demo_directory):
    demo.load()


def test_the_french_programme_page_shows_the_plan_and_its_annual_plans(
    client, demo_programme, django_assert_max_num_queries
):
    # Measured: 7 queries (plans, objectives, annual plans, one progress sum per annual plan).
    with django_assert_max_num_queries(7):
        response = client.get("/fr/programme/")

    html = response.content.decode()
    assert "Plan pluriannuel 2025–2028" in html
    assert '<a href="/fr/programme/2025/">Annual plan 2025</a>' in html
    assert '<a href="/fr/programme/2026/">Annual plan 2026</a>' in html
    assert "présidence LU" in html


def test_the_annual_plan_page_lists_its_projects_with_progress(
    client, demo_programme, django_assert_max_num_queries
):
    # Measured: 11 queries, whatever the number of projects.
    with django_assert_max_num_queries(11):
        response = client.get("/en/programme/2025/")

    assert [(p.slug, progress) for p, progress, _overdue in response.context["projects"]] == [
        ("crisis-management-cooperation", 86.7),
        ("benelux-plus-energy-networks", 75.0),
        ("urbiscoop", 77.5),
    ]


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_annual_report_is_a_pdf(client, demo_programme, language):
    response = client.get(f"/{language}/programme/2025/report.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_annual_report_lists_every_project_of_the_year_with_its_progress(demo_programme):
    html = pdf.render_report_html(AnnualPlan.objects.get(year=2025), "nl")

    assert "Jaarverslag 2025" in html
    for title, progress in [
        ("Urbiscoop: cities learning from each other", "77,5 %"),
        ("Cross-border crisis management", "86,7 %"),
        ("Secretariat of the Benelux+ energy networks", "75,0 %"),
    ]:
        assert f"<td>{title}</td>" in html
        assert progress in html
    assert "Urbiscoop follow-up" not in html  # a project of 2026


def test_the_project_page_shows_phases_partners_and_overdue_deliverables(
    client, demo_programme, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get("/en/programme/projects/urbiscoop/")

    html = response.content.decode()
    assert response.context["progress"] == 77.5
    for phase in ("Inventory", "Knowledge exchange", "Expert meeting", "Final report and toolkit"):
        assert f"<li>{phase} (" in html
    assert "General Secretariat of the Benelux Union</a> — Process support" in html
    assert html.count('<strong class="overdue">overdue</strong>') == 1


def test_an_unknown_year_is_a_404(client, demo_programme):
    assert client.get("/en/programme/1999/").status_code == 404
    assert client.get("/en/programme/1999/report.pdf").status_code == 404


def test_the_demo_loads_once(demo_directory):
    first = demo.load()

    assert first == 31
    assert demo.load() == 0

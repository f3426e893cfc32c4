def test_comparable_api_returns_reasons_in_the_requested_language(
    demo_directory, client, django_assert_max_num_queries
):
    client.get("/api/v1/territories/BE-NIS:34027/comparable?across_border=true")  # warm the index
    with django_assert_max_num_queries(6):
        response = client.get(
            "/api/v1/territories/BE-NIS:34027/comparable",
            {"across_border": "true", "limit": 5, "lang": "fr"},
        )
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == len(body["items"]) == 5
    first = body["items"][0]
    assert set(first) == {"territory", "score", "reasons"}
    assert {item["territory"]["country"] for item in body["items"]} <= {"NL", "LU", "DE", "FR"}
    assert all(0 < item["score"] <= 1 for item in body["items"])
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)
    assert all(
        item["territory"]["url"].startswith("http://testserver/fr/") for item in body["items"]
    )


def test_comparable_api_refuses_bad_parameters_and_unknown_codes(demo_directory, client):
    response = client.get("/api/v1/territories/BE-NIS:34027/comparable", {"limit": 0})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["limit"]
    missing = client.get("/api/v1/territories/BE-NIS:99999/comparable")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "No territory has the code BE-NIS:99999."}

"""Posts (a meeting's chairs) typed by the person's or the organisation's name."""

import datetime

import pytest
from django import forms

from trefpunt.organisations.fields import PostField, directory_posts, post_label
from trefpunt.organisations.models import Post


def mayor(slug: str) -> Post:
    return Post.objects.current().get(organisation__slug=slug, role="mayor")


def test_posts_are_suggested_by_person_or_organisation(client, demo_directory):
    by_person = client.get("/en/posts/suggest/", {"q": "duhamel"}).json()
    by_place = client.get("/en/posts/suggest/", {"q": "halluin"}).json()

    label = post_label(mayor("halluin"))
    assert label.startswith("Marc Duhamel — Mayor, ") and label.endswith(
        f"(#{mayor('halluin').pk})"
    )
    assert {"value": label} in by_person["results"]
    assert {"value": label} in by_place["results"]


def test_ended_posts_are_not_suggested(client, demo_directory):
    Post.objects.filter(pk=mayor("halluin").pk).update(end=datetime.date(2020, 1, 1))

    values = [
        r["value"] for r in client.get("/en/posts/suggest/", {"q": "duhamel"}).json()["results"]
    ]

    assert not any(value.startswith("Marc Duhamel — Mayor") for value in values)


def test_the_field_reads_a_label_a_number_or_a_name_held_once(demo_directory):
    field = PostField(queryset=directory_posts(), required=False)
    halluin = mayor("halluin")

    assert field.clean(post_label(halluin)) == halluin
    assert field.clean(str(halluin.pk)) == halluin
    assert field.clean("Marc Duhamel") == halluin
    assert field.clean("") is None


def test_an_unknown_post_is_a_field_error_with_the_closest_ones(demo_directory):
    field = PostField(queryset=directory_posts(), required=False)

    with pytest.raises(forms.ValidationError) as error:
        field.clean("Duhamel Marcel")

    (message,) = error.value.messages
    assert message.startswith(
        "Nobody you may choose holds a post as “Duhamel Marcel”. Did you mean:"
    )
    assert post_label(mayor("halluin")) in message

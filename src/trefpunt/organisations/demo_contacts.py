"""Demo contact details, work contacts and competences (``demo_contacts.json``), loaded
through the directory's operations after the demo directory. Idempotent: a competence is keyed
by its owner, theme and text; contacts are set to the same values again."""

import json
from datetime import date
from pathlib import Path

from django.utils.text import slugify

from . import operations
from .models import Competence, Organisation, Post

CONTENT = Path(__file__).resolve().parent / "demo_contacts.json"


def _post(person_slug: str, role: str) -> Post:
    return Post.objects.select_related("organisation").get(person__slug=person_slug, role=role)


def load(upsert: operations.DirectoryUpsert, organisations: dict[str, Organisation]) -> int:
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    created = 0
    for spec in content["people"]:
        person = upsert.person(
            slugify(f"{spec['given']} {spec['family']}"),
            given_name=spec["given"],
            family_name=spec["family"],
            languages=spec["languages"],
            is_demo=True,
        )
        upsert.post(
            person,
            organisations[spec["organisation"]],
            spec["role"],
            title=spec["title"],
            start=date.fromisoformat(spec["start"]),
        )
    for spec in content["contacts"]:
        operations.set_work_contact(
            _post(spec["person"], spec["role"]),
            user=None,
            work_email=spec["email"],
            work_phone=spec["phone"],
            contact_visibility=spec["visibility"],
        )
    for slug, spec in content["organisations"].items():
        fields = {key: spec[key] for key in ("address", "phone", "email", "website") if key in spec}
        if "contact_point" in spec:
            fields["contact_post"] = _post(*spec["contact_point"])
        operations.update_organisation(organisations[slug], user=None, **fields)
    for spec in content["competences"]:
        post = _post(spec["person"], spec["role"]) if spec.get("person") else None
        organisation = None if post else organisations[spec["organisation"]]
        owner = post.organisation if post else organisation
        if Competence.objects.filter(
            post=post,
            organisation=organisation,
            theme=spec["theme"],
            description=spec["description"],
        ).exists():
            continue
        operations.add_competence(
            user=None,
            post=post,
            organisation=organisation,
            theme=spec["theme"],
            language=spec["language"],
            description=spec["description"],
            territory=owner.territory if spec["territory"] == "organisation" else None,
        )
        created += 1
    return created

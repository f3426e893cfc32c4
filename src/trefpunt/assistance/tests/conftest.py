import pytest

from trefpunt.accounts import operations as accounts
from trefpunt.assistance import demo, operations
from trefpunt.assistance.models import CapabilityKind
from trefpunt.assistance.nearest import forget_index
from trefpunt.legal.models import LegalAct

MENEN = (50.797, 3.122)


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_index()
    yield
    forget_index()


@pytest.fixture
def kinds(db):
    demo.load_kinds()
    return {k.slug: k for k in CapabilityKind.objects.all()}


@pytest.fixture
def crisis_staff(make_user):
    user = make_user("crisis.staff")
    accounts.grant_role(by=None, user=user, role="crisis_staff")
    return user


@pytest.fixture
def staff_api(crisis_staff, api_client_with_token):
    return api_client_with_token(crisis_staff)


@pytest.fixture
def be_nl_act(db):
    return LegalAct.objects.create(
        bwb_id="BWBV0002224",
        title="Overeenkomst NL–BE inzake wederzijdse bijstandsverlening",
    )


@pytest.fixture
def capability(kinds):
    """``capability(kind, lat, lon, **fields)``: a capability recorded by the system."""

    def make(kind="ambulance", lat=MENEN[0], lon=MENEN[1], **fields):
        values = {
            "name": f"{kind} at {lat},{lon}",
            "owner_name": "Test owner",
            "owner_type": "municipality",
            "country": "BE",
            "quantity": 5,
            "activation_minutes": 10,
        }
        values.update(fields)
        return operations.record_capability(
            user=None, kind=kinds[kind], latitude=lat, longitude=lon, **values
        )

    return make

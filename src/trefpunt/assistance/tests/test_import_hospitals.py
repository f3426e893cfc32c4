import pytest
from django.core.exceptions import ValidationError

from trefpunt.assistance import operations
from trefpunt.assistance.models import Capability

pytestmark = pytest.mark.django_db

FILES = ["BE", "NL", "LU", "DE", "FR"]


def _path(shared_data, cc):
    return shared_data / "eurostat-healthcare" / f"healthcare_{cc}.csv"


def test_belgium_gives_272_hospitals_129_with_an_emergency_department(shared_data, kinds):
    summary = operations.import_hospitals([_path(shared_data, "BE")])
    assert summary["countries"] == {"BE": {"hospitals": 272, "emergency": 129}}
    assert Capability.objects.of_kind("hospital").count() == 272
    assert Capability.objects.of_kind("hospital-emergency").count() == 129
    st_lucas = Capability.objects.of_kind("hospital").get(source_key="BE:1000")
    assert (st_lucas.name, st_lucas.quantity, st_lucas.region) == (
        "ALGEMEEN ZIEKENHUIS ST. LUCAS",
        419,
        "BE-VLG",
    )
    assert st_lucas.details["tel"] == "050/36.91.11"


def test_all_five_files_import_and_a_second_run_changes_nothing(shared_data, kinds):
    paths = [_path(shared_data, cc) for cc in FILES]
    first = operations.import_hospitals(paths)
    assert {cc: c["hospitals"] for cc, c in first["countries"].items()} == {
        "BE": 272,
        "NL": 245,
        "LU": 21,
        "DE": 593,
        "FR": 962,
    }
    assert first["created"] == 2222
    histories = Capability.history.count()
    again = operations.import_hospitals(paths)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2222)
    assert Capability.history.count() == histories


def test_noisy_fields_are_kept_as_given_and_flagged(shared_data, kinds):
    operations.import_hospitals([_path(shared_data, "LU")])
    chl = Capability.objects.get(source_key="LU:1")
    assert chl.details["postcode"] == " L-1210 "
    assert "postcode_spaces" in chl.flags
    assert "beds_missing" in chl.flags
    assert chl.quantity is None


def test_one_broken_line_writes_nothing(tmp_path, kinds):
    header = (
        "id,hospital_name,site_name,lat,lon,geo_qual,street,house_number,postcode,city,cc,"
        "country,cap_beds,cap_prac,cap_rooms,emergency,facility_type,public_private,list_specs,"
        "tel,email,url,ref_date,pub_date,comments\n"
    )
    good = "1,Good,,50.8,3.1,-1,,,8930,MENEN,BE,Belgium,100,,,yes,,,,,,,,,\n"
    bad = "2,Broken,,fifty,3.1,-1,,,8930,MENEN,BE,Belgium,100,,,yes,,,,,,,,,\n"
    path = tmp_path / "healthcare_BE.csv"
    path.write_text(header + good + bad, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        operations.import_hospitals([path])
    assert error.value.message_dict["file"] == [
        "healthcare_BE.csv: Line 3: lat is not a number ('fifty')."
    ]
    assert Capability.objects.count() == 0

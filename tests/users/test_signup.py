import pytest

from lms.users.models import TitlePrefix, User
from tests.factories import CentreFactory, UserFactory

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {
        "username": "somchai.j",
        "password1": "kaset-2567-nongkhai",
        "password2": "kaset-2567-nongkhai",
        "title_prefix": TitlePrefix.MR,
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "first_name_en": "Somchai",
        "last_name_en": "Jaidee",
        "birth_year": "2540",
        "phone": "081-234-5678",
        "email": "",
    }
    data.update(overrides)
    return data


def test_signup_without_email_creates_account_and_logs_in(client, home):
    centre = CentreFactory()
    response = client.post(
        "/accounts/signup/", form(province=centre.province.code, home_centre=centre.pk)
    )
    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    user = User.objects.get(username="somchai.j")
    assert user.birth_year == 1997  # 2540 B.E.
    assert user.phone == "0812345678"
    assert user.email == ""
    assert user.home_centre == centre
    assert user.display_name == "นายสมชาย ใจดี"
    assert user.display_name_en == "Mr. Somchai Jaidee"
    assert client.get("/learn/").status_code == 200


def test_username_taken_in_another_case_is_refused(client, home):
    UserFactory(username="somchai.j")
    response = client.post("/accounts/signup/", form(username="Somchai.J"))
    assert response.status_code == 200
    assert "already taken" in response.content.decode() or "ถูกใช้" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "สมชาย😀"),
        ("last_name", "<script>alert(1)</script>"),
        ("first_name", "ก" * 101),
        ("username", "สมชาย"),
        ("username", "a"),
        ("birth_year", "3000"),
        ("phone", "12345"),
        ("email", "not-an-address"),
        ("password2", "something-else-2567"),
        ("password1", "12345678"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(client, home, field, value):
    response = client.post("/accounts/signup/", form(**{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors, field
    assert not User.objects.exists()


def test_thai_names_keep_their_vowel_and_tone_marks(client, home):
    client.post("/accounts/signup/", form(first_name="กุ้ง", last_name="ศรีสุข์ วงศ์ใหญ่"))
    user = User.objects.get()
    assert user.first_name == "กุ้ง"
    assert user.last_name == "ศรีสุข์ วงศ์ใหญ่"


def test_province_step_without_javascript_lists_that_provinces_centres(client, home):
    here = CentreFactory(name_th="ศูนย์บ้านหนองคาย")
    elsewhere = CentreFactory(
        name_th="ศูนย์เชียงใหม่", province=here.province.__class__.objects.get(code="50")
    )
    response = client.post("/accounts/signup/", form(province="43", choose_province="1"))
    body = response.content.decode()
    assert response.status_code == 200
    assert here.name_th in body
    assert elsewhere.name_th not in body
    assert not User.objects.exists()


def test_centre_picker_json(client, home):
    centre = CentreFactory()
    data = client.get("/accounts/centres/", {"province": centre.province.code}).json()
    assert data == {"centres": [{"id": centre.pk, "name": centre.name_th}]}
    assert client.get("/accounts/centres/", {"province": "<x>"}).json() == {"centres": []}

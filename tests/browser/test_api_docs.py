"""The API's docs page runs in a real browser under the site's content security policy,
from the site's own files; the tokens page fits a phone."""

import pytest

from tests.browser.conftest import fits
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_the_docs_page_renders_without_policy_violations(live_server, phone, shots):
    problems, outside = [], []
    phone.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    phone.on("pageerror", lambda error: problems.append(str(error)))
    phone.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None
        ),
    )
    phone.goto(f"{live_server.url}/api/v1/docs")
    phone.wait_for_selector(".opblock-tag", timeout=20_000)
    shots(phone, "docs")
    assert phone.locator(".opblock-tag").count() >= 4  # catalogue, me, certificates, staff
    assert not problems, problems
    assert not outside, outside


@pytest.mark.django_db(transaction=True)
def test_the_tokens_page_fits_a_phone_and_shows_the_secret_once(live_server, phone, shots):
    user = UserFactory(username="somsri")
    user.set_password("a-long-pass-2566")
    user.save()
    phone.goto(f"{live_server.url}/accounts/login/")
    phone.fill("input[name=username]", "somsri")
    phone.fill("input[name=password]", "a-long-pass-2566")
    phone.locator("form button[type=submit]").last.click()
    phone.goto(f"{live_server.url}/api/tokens/")
    phone.fill("input[name=name]", "แอปเช็กชื่อของศูนย์")
    phone.locator("button[type=submit]", has_text="สร้างโทเค็น").click()
    secret = phone.locator(".token-secret__value").inner_text()
    assert secret.startswith("cdc_")
    shots(phone, "token-made")
    fits(phone)
    phone.goto(f"{live_server.url}/api/tokens/")
    assert phone.locator(".token-secret__value").count() == 0

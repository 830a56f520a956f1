"""Every learner and public page of the journeys has exactly one h1: the page's name, where
a screen reader's heading list starts."""

import re

import pytest

from lms.users.models import User
from tests.browser.test_accessibility import _pages
from tests.demo_data import demo_seed_for_test

pytestmark = pytest.mark.django_db


def test_each_page_has_one_h1(client):
    result = demo_seed_for_test()
    public, learner = _pages(result)
    problems = []
    for signed_in, paths in ((False, public), (True, learner)):
        if signed_in:
            client.force_login(User.objects.get(username="demo-learner"))
        for path in paths:
            response = client.get(path, follow=True)
            count = len(re.findall(r"<h1[\s>]", response.content.decode()))
            if count != 1:
                problems.append(f"{path}: {count} h1")
    assert not problems, problems

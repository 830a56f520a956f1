"""Staff reach the centre pages from the Wagtail admin's Centre menu."""

from django.urls import reverse


def menu_html(client) -> str:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_centre_menu_for_trainers_and_admins(world, login):
    trainer = menu_html(login(world.trainer_a))
    assert reverse("centres:cohort_list") in trainer
    assert reverse("centres:early_childhood_create") in trainer
    assert reverse("centres:report") not in trainer  # centre admins only
    admin = menu_html(login(world.admin_a))
    for name in ("centres:report", "centres:import_upload", "centres:learner_list"):
        assert reverse(name) in admin
    assert reverse("centres_admin_import") not in admin
    assert reverse("centres_admin_import") in menu_html(login(world.national))

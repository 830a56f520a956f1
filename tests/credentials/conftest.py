# The certificate fixtures (learner, course completed, staff roles) are shared.
from tests.certificates.conftest import (  # noqa: F401
    centre,
    centre_admin,
    certificate_files,
    certified,
    complete_course,
    learner,
    national_admin,
    other_centre,
    other_learner,
)

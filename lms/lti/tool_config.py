"""pylti1p3's view of our registrations: the `ToolConfAbstract` that reads `Platform`
and `ToolKey` rows, so that the library's launch, login, deep-linking and grade
services work from what national admins enter in the admin."""

from pylti1p3.deployment import Deployment
from pylti1p3.exception import LtiException
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from .models import Platform, ToolKey


def signing_key() -> ToolKey | None:
    """The newest active key: it signs deep-linking responses and service tokens."""
    return ToolKey.objects.filter(is_active=True).order_by("-created_at", "-pk").first()


def registration_for(platform: Platform) -> Registration:
    registration = (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_login_url(platform.auth_login_url)
        .set_auth_token_url(platform.auth_token_url)
        .set_key_set_url(platform.key_set_url)
    )
    key = signing_key()
    if key is not None:
        registration.set_tool_private_key(key.private_key).set_tool_public_key(key.public_key)
    return registration


class PlatformToolConf(ToolConfAbstract):
    """Each issuer may have several client ids (one per tool registered in a Moodle)."""

    def __init__(self):
        super().__init__()
        self._platforms: dict[tuple[str, str | None], Platform] = {}

    def platform(self, iss: str, client_id: str | None) -> Platform:
        cache_key = (iss, client_id)
        if cache_key not in self._platforms:
            platforms = Platform.objects.active().filter(issuer=iss)
            if client_id is not None:
                platforms = platforms.filter(client_id=client_id)
            found = list(platforms[:2])
            # Without a client id the issuer must name exactly one registration.
            if len(found) != 1:
                raise LtiException(f"iss {iss} [client_id={client_id}] is not registered")
            self._platforms[cache_key] = found[0]
        return self._platforms[cache_key]

    def check_iss_has_one_client(self, iss):
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        return registration_for(self.platform(iss, None))

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        return registration_for(self.platform(iss, client_id))

    def find_deployment(self, iss, deployment_id):
        return None

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        if deployment_id not in self.platform(iss, client_id).deployment_id_list:
            return None
        return Deployment().set_deployment_id(deployment_id)

"""Rate limits per token (or per signed-in person, or per address for the anonymous).

A fixed window counted in Django's cache (Redis in production, so every web node counts
together). The limits come from settings.LMS_API_RATE_LIMITS, e.g. {"token": "600/min"}.
"""

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from ninja.throttling import BaseThrottle

PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()]


class ApiRateThrottle(BaseThrottle):
    def __init__(self) -> None:
        self._local = threading.local()

    def _identity(self, request: HttpRequest) -> tuple[str, str]:
        token = getattr(request, "api_token", None)
        if token is not None:
            return "token", str(token.pk)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return "user", str(user.pk)
        return "anon", self.get_ident(request) or "unknown"

    def allow_request(self, request: HttpRequest) -> bool:
        kind, ident = self._identity(request)
        limit, period = parse_rate(settings.LMS_API_RATE_LIMITS[kind])
        now = time.time()
        window = int(now // period)
        key = f"api-rate:{kind}:{ident}:{window}"
        cache.add(key, 0, timeout=period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add and incr
            cache.set(key, 1, timeout=period + 1)
            count = 1
        self._local.wait = (window + 1) * period - now
        return count <= limit

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)

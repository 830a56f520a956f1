def username_for_throttling(request, credentials=None) -> str:
    """One lockout counter per account, however the learner capitalises the username."""
    source = credentials if credentials else getattr(request, "POST", {})
    return (source.get("username") or "").strip().casefold()

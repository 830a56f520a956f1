"""Certificate codes: 100 random bits written in Crockford's base32.

The alphabet leaves out I, L, O and U, so a code read aloud or typed from paper
cannot be mistaken; when reading a typed code, I and L count as 1 and O as 0,
spaces, dashes and lower case are ignored.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 20 symbols × 5 bits = 100 bits
GROUP = 5
_TYPO = str.maketrans({"I": "1", "L": "1", "O": "0"})
_SEPARATORS = re.compile(r"[\s\-_.·]+")
_VALID = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}\Z")


def code_generate() -> str:
    """A new code (compact form, 20 symbols)."""
    bits = secrets.randbits(CODE_LENGTH * 5)
    symbols = []
    for _ in range(CODE_LENGTH):
        symbols.append(ALPHABET[bits & 31])
        bits >>= 5
    return "".join(symbols)


def code_normalise(typed: str) -> str | None:
    """The compact code for what someone typed, or None if it cannot be a code."""
    if not typed or len(typed) > 64:
        return None
    compact = _SEPARATORS.sub("", typed).upper().translate(_TYPO)
    return compact if _VALID.match(compact) else None


def code_display(code: str) -> str:
    """`7KQ2M-XW9PA-3RT8H-V6NBC`: groups of five, as printed and in links."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))

"""How close two words are as a Thai reader types them.

People type the same Thai word in several ways: with or without a tone mark
(รหัสผาน for รหัสผ่าน), with a long or short vowel, with ค for ก or ท for ต in
loanwords (แพ็ค, สเปรดชีท), with a different consonant of the same final sound,
in Thai or Arabic digits (๑๔๔๑, 1441). `variant_key` folds those differences
away so that variants of a word share one key (used to find candidates fast);
`edit_cost` is an edit distance whose costs follow the same idea: a forgotten
tone mark costs little, a wrong unrelated letter costs a whole edit.
"""

import re
import unicodedata
from functools import lru_cache

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

TONE_MARKS = set("\u0e48\u0e49\u0e4a\u0e4b")  # ่ ้ ๊ ๋
# Marks that change little for a searcher: mai taikhu (แพ็ก/แพก), thanthakhat
# (ลิงก์/ลิงก), nikhahit and yamakkan.
LIGHT_MARKS = TONE_MARKS | set("\u0e47\u0e4c\u0e4d\u0e4e")

# Letters that make one sound at the start of a syllable (ค/ฆ/ข, ท/ธ/ถ, ศ/ษ/ส/ซ)...
_INITIAL_GROUPS = [
    "ขคฆ",
    "ทธถฐฑฒ",
    "ตฏ",
    "ดฎ",
    "พภผ",
    "ฟฝ",
    "สศษซ",
    "ชฌฉ",
    "นณ",
    "ยญ",
    "ลฬ",
    "หฮ",
]
# ...and at its end, where loanwords are spelt either way (แพ็ค/แพ็ก, สเปรดชีท/สเปรดชีต).
_FINAL_GROUPS = ["กขคฆ", "ตทดธถฎฏฐฑฒจชซศษส", "บปพฟภ", "นณญรลฬ"]
# Vowels of another length, and the two ai.
_VOWEL_GROUPS = ["ิี", "ุู", "ึื", "ะาั", "ไใ"]
_INITIAL_OF = {char: group for group in _INITIAL_GROUPS for char in group}
_FINAL_OF = {char: group for group in _FINAL_GROUPS for char in group}
_VOWEL_OF = {char: group for group in _VOWEL_GROUPS for char in group}
# Candidate keys fold every group together; `edit_cost` tells them apart.
_KEY_GROUPS = [
    "กขคฆ",
    "ตทดธถฎฏฑฒฐสศษซชฌฉจ",
    "บปพภผ",
    "ฟฝ",
    "นณลฬรญ",
    *_VOWEL_GROUPS,
]
_GROUP_OF = {char: group[0] for group in _KEY_GROUPS for char in group}
_CONSONANTS = set("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ")
_CONSONANTS_AND_VOWELS = {chr(code) for code in range(0x0E01, 0x0E46)}
# Near letters that are still a real change for a short word: ท/ต in loanwords
# (อินเทอร์เน็ต/อินเตอร์เน็ต), ร/ล as many speak them.
_NEAR_PAIRS = {frozenset("ทต"), frozenset("รล"), frozenset("กค")}


def fold(text: str) -> str:
    """NFC, lower case, Thai digits as Arabic, ํา written as ำ, no zero-width characters."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u200b", "").replace("\ufeff", "")
    return text.translate(THAI_DIGITS).casefold()


@lru_cache(maxsize=65536)
def variant_key(word: str) -> str:
    """The word with tone and light marks dropped and similar letters made one.

    Variants a Thai reader would accept as the same word get the same key:
    สเปรดชีท and สเปรดชีต, แพ็ค and แพ็ก, ลิงค์ and ลิ้งค์ and ลิงก์, รหัสผาน and รหัสผ่าน.
    """
    out = []
    for char in fold(word):
        if char in LIGHT_MARKS:
            continue
        char = _GROUP_OF.get(char, char)
        if out and out[-1] == char and char in _CONSONANTS_AND_VOWELS:
            continue  # a doubled Thai letter (ลิงค์ค)
        out.append(char)
    return "".join(out)


def _finals(word: str) -> list[bool]:
    """Which characters of `word` close a syllable: a consonant followed by another
    consonant (marks aside) or ending the word."""
    letters = [index for index, char in enumerate(word) if char not in LIGHT_MARKS]
    out = [False] * len(word)
    for position, index in enumerate(letters):
        if word[index] in _CONSONANTS and position > 0:
            following = letters[position + 1] if position + 1 < len(letters) else None
            out[index] = following is None or word[following] in _CONSONANTS
    return out


def _substitution(a: str, b: str, final: bool) -> float:
    if a == b:
        return 0.0
    if a in LIGHT_MARKS and b in LIGHT_MARKS:
        return 0.2
    if final and _FINAL_OF.get(a) and _FINAL_OF.get(a) == _FINAL_OF.get(b):
        return 0.3
    if _VOWEL_OF.get(a) and _VOWEL_OF.get(a) == _VOWEL_OF.get(b):
        return 0.4
    if _INITIAL_OF.get(a) and _INITIAL_OF.get(a) == _INITIAL_OF.get(b):
        return 0.5
    if frozenset((a, b)) in _NEAR_PAIRS:
        return 0.6
    return 1.0


def _indel(char: str) -> float:
    return 0.2 if char in LIGHT_MARKS else 1.0


@lru_cache(maxsize=65536)
def edit_cost(a: str, b: str) -> float:
    """Damerau-Levenshtein distance with Thai-aware costs (0 means the same word).

    Adding, dropping or swapping a tone or light mark costs 0.2; a final
    consonant of the same final sound 0.3, a vowel of another length 0.4; an
    initial consonant of the same sound 0.5; ท/ต, ก/ค or ร/ล 0.6; two
    neighbouring characters typed in the wrong order 0.5; anything else 1.
    """
    if a == b:
        return 0.0
    rows = len(a) + 1
    finals_a, finals_b = _finals(a), _finals(b)
    previous_previous: list[float] = []
    previous = [0.0] * (len(b) + 1)
    for j in range(1, len(b) + 1):
        previous[j] = previous[j - 1] + _indel(b[j - 1])
    for i in range(1, rows):
        current = [previous[0] + _indel(a[i - 1])] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            cost = min(
                previous[j] + _indel(a[i - 1]),
                current[j - 1] + _indel(b[j - 1]),
                previous[j - 1]
                + _substitution(a[i - 1], b[j - 1], finals_a[i - 1] and finals_b[j - 1]),
            )
            if (
                i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
                and a[i - 1] != a[i - 2]
            ):
                cost = min(cost, previous_previous[j - 2] + 0.5)
            current[j] = cost
        previous_previous, previous = previous, current
    return previous[-1]


_THAI = re.compile(r"[\u0e00-\u0e7f]")


def allowed_cost(word: str) -> float:
    """How far a typed word may be from an indexed one and still count as it.

    Two-letter words must be exact (a stray syllable would match anything),
    three-letter ones nearly so (a mark, a final consonant), so that ตา does not
    become ตาก; longer words may also carry one real typo.
    """
    letters = sum(1 for char in word if char not in LIGHT_MARKS)
    if _THAI.search(word):
        if letters <= 2:
            return 0.0
        if letters <= 3:
            return 0.3
        if letters <= 5:
            return 0.8
        return 1.25
    if letters <= 4:
        return 0.0
    if letters <= 7:
        return 1.0
    return 2.0


def deletes(key: str) -> set[str]:
    """The key with any one character left out (finds a typo in one lookup)."""
    return {key[:index] + key[index + 1 :] for index in range(len(key))}

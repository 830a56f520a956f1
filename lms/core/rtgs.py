"""Thai in Latin letters by the Royal Thai General System (RTGS): one place for slugs and usernames.

RTGS writes how a word sounds, so a reader has to know the vowels Thai leaves unwritten
(ถนน → thanon, เกษตรกร → kasettrakon), the letters it silences (ไลน์ → lai, สร้าง → sang)
and how a final consonant sounds (หลักสูตร → laksut). PyThaiNLP's rule-based `royin`
engine reads letters, not sounds, and gets about two words in three right on the list in
`tests/core/rtgs_cases.py`; TLTK's `th2roman` (Chulalongkorn University, BSD licence) goes
through its grapheme-to-phoneme model first and gets 95 % of the same list right, so it is
the engine here. On top of it:

1. the text is split into words with PyThaiNLP's dictionary (`newmm`), so a slug keeps a
   hyphen between words ("khai-khong-onlai"), and digits, Latin words and ๆ are handled here
   (TLTK drops digits and leaves ๆ as it is): ๆ repeats the word before it, Thai digits
   become Arabic ones;
2. `CORRECTIONS`, words the engine reads wrongly, with their RTGS spelling;
3. should TLTK fail on a word, PyThaiNLP's `royin` reads its syllables, with silenced
   letters removed.

TLTK is imported on first use: it takes about two seconds and a few hundred megabytes,
which only processes that make slugs or usernames pay.
"""

import re
import threading
import unicodedata
from functools import lru_cache

from lms.core.clean import text_clean

# Words the engine reads wrongly (checked against the Royal Institute's rules), and
# common name parts, so a username reads the way the person says their name.
CORRECTIONS: dict[str, str] = {
    # Loanwords: TLTK reads some by their English sound or stops early.
    "เฟซบุ๊ก": "fetbuk",
    "เฟสบุ๊ก": "fetbuk",
    "ออนไลน์": "onlai",
    "อัปโหลด": "aplot",
    "แพลตฟอร์ม": "phlaetfom",
    "แอป": "aep",
    "วิดีโอ": "widio",
    "คณิตศาสตร์": "khanitsat",
    "เกษตรกร": "kasettrakon",
    "เกษตรกรรม": "kasettrakam",
    "ฉะเชิงเทรา": "chachoengsao",
    # Name parts the engine reads as ordinary words.
    "ศรี": "si",
    "ศรีหาญ": "sihan",
    "จันทร์": "chan",
    "พงษ์": "phong",
    "พงศ์": "phong",
    "ทิพวรรณ": "thipphawan",
    "ณัฐ": "nat",
    "ภูมิ": "phum",
}

_THAI_RUN = re.compile(r"([\u0e00-\u0e7f]+)")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_REPEAT = "\u0e46"  # ๆ
# A letter silenced by a thanthakhat (์), with the vowel it may carry: "จน์" reads as "จ".
_SILENT = re.compile(r"[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")
_NOT_LATIN = re.compile(r"[^a-z]+")

_engine_lock = threading.Lock()


def _tltk(word: str) -> str:
    # TLTK keeps module-level state while it reads; one word at a time.
    with _engine_lock:
        from tltk.nlp import th2roman

        return th2roman(word)


def _royin(word: str) -> str:
    from pythainlp.tokenize import syllable_tokenize
    from pythainlp.transliterate import romanize

    latin = []
    for syllable in syllable_tokenize(word, engine="dict") or [word]:
        spoken = _SILENT.sub("", syllable) or syllable
        latin.append(romanize(spoken, engine="royin"))
    return "".join(latin)


def _engine(text: str) -> str:
    try:
        return _NOT_LATIN.sub("", _tltk(text).replace("<s/>", "").lower())
    except Exception:  # noqa: BLE001 - any failure of the engine falls back to royin
        return ""


def _syllables(word: str) -> list[str]:
    from pythainlp.tokenize import syllable_tokenize

    return syllable_tokenize(word, engine="dict") or [word]


@lru_cache(maxsize=20_000)
def romanise_word(word: str) -> str:
    """One Thai word in RTGS, lower-case ASCII letters only ("" if nothing is left)."""
    if word in CORRECTIONS:
        return CORRECTIONS[word]
    latin = _engine(word)
    letter_by_letter = _NOT_LATIN.sub("", _royin(word).lower())
    # TLTK stops where it cannot parse a word ("สุรศักดิ์" → "su", "เฟซบุ๊ก" → "fe"): a
    # reading much shorter than the letters is read again syllable by syllable.
    if len(latin) < 0.7 * len(letter_by_letter):
        latin = "".join(
            CORRECTIONS.get(syllable)
            or _engine(syllable)
            or _NOT_LATIN.sub("", _royin(syllable).lower())
            for syllable in _syllables(word)
        )
    return latin or letter_by_letter


# A consonant standing alone (with a tone mark or ์) is a piece the dictionary could not
# place, such as the final ป of "แอป": it belongs to the word before it.
_LONE_CONSONANT = re.compile(r"^[\u0e01-\u0e2e][\u0e48-\u0e4c]?$")


def _thai_words(run: str, *, split: bool) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    if not split:
        return [run]
    words: list[str] = []
    for word in word_tokenize(run, engine="newmm", keep_whitespace=False):
        if words and _LONE_CONSONANT.match(word) and words[-1] != _REPEAT:
            words[-1] += word
        else:
            words.append(word)
    return words


def romanise_words(text: str, *, split: bool = True) -> list[str]:
    """Text in RTGS as a list of words: Thai words romanised, others kept as they are.

    "บทที่ 1 จัดแสงและมุมกล้อง" → ["bot", "thi", "1", "chat", "saeng", "lae", "mum",
    "klong"]; ๆ repeats the word before it ("ง่าย ๆ" → ["ngai", "ngai"]); Thai digits
    become Arabic ones; Latin words keep their case and punctuation stays with them.
    With `split=False` each run of Thai letters is read as one word (a name: the
    dictionary would cut "ทิพวรรณ" into ทิพ + วรรณ and lose the vowel between them).
    """
    text = unicodedata.normalize("NFC", text_clean(text or "")).translate(_THAI_DIGITS)
    words: list[str] = []
    for run in _THAI_RUN.split(text):
        if not run:
            continue
        if not _THAI_RUN.fullmatch(run):
            words.extend(run.split())
            continue
        for word in _thai_words(run, split=split):
            if set(word) == {_REPEAT}:
                if words:
                    words.append(words[-1])
                continue
            latin = romanise_word(word.replace(_REPEAT, ""))
            if latin:
                words.append(latin)
                if _REPEAT in word:
                    words.append(latin)
    return words


def romanise(text: str) -> str:
    """Text in RTGS, words separated by spaces: "ขายของออนไลน์" → "khaikhong onlai"."""
    return " ".join(romanise_words(text))

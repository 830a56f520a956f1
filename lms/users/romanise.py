"""Thai names in Latin letters by the Royal Thai General System (RTGS), for usernames.

PyThaiNLP's `romanize(engine="royin")` is the base (its neural engines need
downloads or torch, which a server here does not have). Alone it stumbles on
names: it keeps letters that a thanthakhat (์) silences ("ไพโรจน์" → phairo) and
misses the vowels Thai writes without a letter ("กาญจนา" → kantna). So a name is
read in three steps, the first that knows it wins:

1. `NAME_PARTS`: common given names, surnames and name syllables with their RTGS
   spelling, as a Thai reader pronounces them;
2. the name's syllables (PyThaiNLP's syllable dictionary), each looked up in
   `NAME_PARTS` or romanised with the silenced letters removed;
3. the royin engine on the whole word.

Page slugs use the better reading of `lms.core.rtgs` (TLTK). Names do not: a people
import makes a username for every row of a file of up to 10,000, and TLTK reads a new
word in about 60 ms where these rules take 0.2 ms; ten minutes of checking a file was
too long to wait for a username that only needs to be readable and typeable.
"""

import re
from functools import lru_cache

from lms.core.clean import text_clean

# RTGS of common name words and syllables. A username only needs to be readable and
# typeable, so one spelling per word is enough.
NAME_PARTS: dict[str, str] = {
    "ไพโรจน์": "phairot",
    "โรจน์": "rot",
    "อัญชลี": "anchali",
    "ชลี": "chali",
    "เยาวลักษณ์": "yaowalak",
    "เยาว": "yao",
    "ลักษณ์": "lak",
    "ลักษณา": "laksana",
    "เกษม": "kasem",
    "ศรี": "si",
    "ประเสริฐ": "prasoet",
    "เสริฐ": "soet",
    "กาญจนา": "kanchana",
    "ณัฐ": "nat",
    "ณัฐพล": "natthaphon",
    "ณัฐวุฒิ": "natthawut",
    "ณัฐธิดา": "natthida",
    "จันทร์": "chan",
    "อำนาจ": "amnat",
    "รัตนา": "rattana",
    "รัตน์": "rat",
    "สุรศักดิ์": "surasak",
    "ศักดิ์": "sak",
    "อภิชาติ": "aphichat",
    "ชาติ": "chat",
    "ทิพวรรณ": "thipphawan",
    "วรรณ": "wan",
    "วิทยา": "witthaya",
    "ภูมิ": "phum",
    "สุนทร": "sunthon",
    "สุวรรณ": "suwan",
    "ธนพล": "thanaphon",
    "ธีรพงษ์": "thiraphong",
    "พงษ์": "phong",
    "พงศ์": "phong",
    "วงศ์": "wong",
    "ประยุทธ": "prayut",
    "สมพร": "somphon",
    "พร": "phon",
    "ชนะ": "chana",
    "นิภา": "nipha",
    "ประภา": "prapha",
    "จิตร": "chit",
    "จิตรา": "chittra",
    "อรุณ": "arun",
    "ปัญญา": "panya",
    "บุญ": "bun",
    "เพ็ญ": "phen",
    "สุข": "suk",
    "ทรัพย์": "sap",
    "ศิริ": "siri",
    "กิตติ": "kitti",
    "อนุชา": "anucha",
    "วัฒนา": "watthana",
    "วัฒน์": "wat",
    "พัฒน์": "phat",
    "ฤทธิ์": "rit",
    "เกียรติ": "kiat",
    "สมบัติ": "sombat",
    "ชาตรี": "chatri",
    "นันท์": "nan",
    "ทรง": "song",
    "สรร": "san",
    "หาญ": "han",
    "ศรีหาญ": "sihan",
    "สุขเกษม": "sukkasem",
    "เจริญ": "charoen",
    "เดช": "det",
    "ภัทร": "phat",
    "กมล": "kamon",
    "มนตรี": "montri",
    "ยุทธ": "yut",
    "ฤดี": "ruedi",
    "อนันต์": "anan",
    "ธน": "thana",
    "ปวี": "pawi",
    "ศุภ": "supha",
    "ศุภชัย": "supphachai",
    "สุดา": "suda",
}

# A letter silenced by a thanthakhat (์), with the vowel it may carry: "จน์" reads as "จ".
_SILENT = re.compile(r"[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")
_THAI = re.compile(r"[\u0e01-\u0e5b]")


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z]+", "", text.casefold())


@lru_cache(maxsize=20_000)
def _word(word: str) -> str:
    from pythainlp.tokenize import syllable_tokenize

    if word in NAME_PARTS:
        return NAME_PARTS[word]
    syllables = syllable_tokenize(word, engine="dict")
    if "".join(syllables) != word or len(syllables) < 2:
        syllables = [word]
    return "".join(NAME_PARTS.get(syllable) or _syllable(syllable) for syllable in syllables)


def _syllable(syllable: str) -> str:
    from pythainlp.transliterate import romanize

    spoken = _SILENT.sub("", syllable) or syllable
    latin = romanize(spoken, engine="royin")
    # A final ร is read n in RTGS (ประยูร → prayun); the engine writes r.
    if spoken.endswith("\u0e23") and len(spoken) > 2 and latin.endswith("r"):
        latin = latin[:-1] + "n"
    return latin


def romanise_name(name: str) -> str:
    """A Thai (or English) name in plain lower-case ASCII letters: คำพอง → khamphong."""
    name = text_clean(name)
    words = []
    for word in name.split():
        words.append(_word(word) if _THAI.search(word) else word)
    return _ascii("".join(words))

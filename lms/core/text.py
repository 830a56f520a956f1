"""Text handling that works for Thai, which is written without spaces between words."""

import re
import unicodedata
from functools import lru_cache

from pythainlp.corpus import thai_words, tnc
from pythainlp.tokenize import word_tokenize
from pythainlp.tokenize.tcc import tcc_pos
from pythainlp.util import Trie

from .loanwords import loanword_spellings

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_SEPARATORS = re.compile(r"[\s\u200b]+")


def normalise(text: str) -> str:
    """NFC, lower case, one space between words, zero-width spaces removed."""
    text = unicodedata.normalize("NFC", text or "")
    return _SEPARATORS.sub(" ", text).strip().casefold()


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    """PyThaiNLP's word list plus the Thai spellings of common English loanwords
    (สเปรดชีต, เอ็กเซล), which it lacks and would otherwise cut into syllables."""
    words = set(thai_words())
    words.update(word for word in loanword_spellings() if _THAI.search(word) and " " not in word)
    return Trie(words)


@lru_cache(maxsize=4096)
def _segment(chunk: str) -> tuple[str, ...]:
    return tuple(
        word_tokenize(chunk, engine="newmm", custom_dict=_dictionary(), keep_whitespace=False)
    )


def tokenize(text: str) -> list[str]:
    """Split text into words, segmenting runs of Thai with PyThaiNLP's dictionary.

    "การขายสินค้าออนไลน์" becomes ["การ", "ขาย", "สินค้า", "ออนไลน์"]; English is
    split on spaces and punctuation. Tokens are normalised and keep only letters,
    marks and digits.
    """
    words: list[str] = []
    for chunk in normalise(text).split(" "):
        pieces = _segment(chunk) if _THAI.search(chunk) else (chunk,)
        for piece in pieces:
            for token in re.split(r"[^\w\u0E00-\u0E7F]+", piece):
                if token:
                    words.append(token)
    return words


# A word this frequent in the Thai National Corpus is a word in its own right
# even inside a longer one (มือ, ถือ, โทร); rarer ones (ออน, ไลน์) are syllables there.
COMMON_WORD_FREQUENCY = 1000


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(word for word, count in tnc.word_freqs() if count >= COMMON_WORD_FREQUENCY)


@lru_cache(maxsize=8192)
def is_made_of_common_words(word: str) -> bool:
    """Whether `word` is a common word or a run of them (มือถือ = มือ + ถือ)."""
    common = _common_words()
    if word in common:
        return True
    reachable = {0}
    for end in range(1, len(word) + 1):
        if any(word[begin:end] in common for begin in reachable if begin < end):
            reachable.add(end)
    return len(word) in reachable


# Dictionary words shorter than this are left to the segmenter: two-letter words
# such as "ขา" or "ตา" would otherwise match inside "ขาย" or "ตาก".
MIN_ALTERNATIVE_WORD = 3


def _alternative_words(run: str) -> set[str]:
    """Dictionary words that some complete reading of a run of Thai contains.

    A segmenter picks one reading: "ช่องทางการขาย" becomes ช่อง|ทางการ|ขาย, so a
    search for "ช่องทาง" would miss it. Build the lattice of every dictionary word
    that starts and ends on a Thai character-cluster boundary, plus the
    segmenter's own tokens (which cover names and other unknown words), and keep
    the words that lie on a path through the whole run. "วัด" inside "จังหวัด" is
    on no such path ("จังห" is not a word), so it is not indexed.
    """
    boundaries = tcc_pos(run) | {0, len(run)}
    trie = _dictionary()
    edges: set[tuple[int, int]] = set()
    for begin in boundaries:
        for word in trie.prefixes(run[begin:]):
            if begin + len(word) in boundaries:
                edges.add((begin, begin + len(word)))
    position = 0
    whole_words = []
    for token in _segment(run):
        edges.add((position, position + len(token)))
        if token in trie:
            whole_words.append((position, position + len(token)))
        position += len(token)
    # A rare word strictly inside one dictionary word is a syllable of it, not a
    # reading: ไลน์ (the LINE app) inside ออนไลน์, ออน too. Common words inside a
    # compound stay findable: มือถือ inside โทรศัพท์มือถือ.
    edges = {
        (begin, end)
        for begin, end in edges
        if is_made_of_common_words(run[begin:end])
        or not any(
            low <= begin and end <= high and (low, high) != (begin, end)
            for low, high in whole_words
        )
    }
    forward, backward = {0}, {len(run)}
    for begin, end in sorted(edges):
        if begin in forward:
            forward.add(end)
    for begin, end in sorted(edges, key=lambda edge: -edge[1]):
        if end in backward:
            backward.add(begin)
    return {
        run[begin:end]
        for begin, end in edges
        if begin in forward and end in backward and end - begin >= MIN_ALTERNATIVE_WORD
    }


def index_tokens(text: str) -> list[str]:
    """Words to index `text` under: its segmentation plus the alternative readings."""
    words = dict.fromkeys(tokenize(text))
    for chunk in normalise(text).split(" "):
        if _THAI.search(chunk):
            for run in re.findall(r"[\u0E00-\u0E7F]+", chunk):
                words.update(dict.fromkeys(sorted(_alternative_words(run))))
    return list(words)


def slugify_unicode(value: str, max_length: int = 100) -> str:
    """A URL slug that keeps Thai intact.

    Django's `slugify(allow_unicode=True)` drops Thai vowel and tone marks
    (they are not `\\w`), turning "สินค้า" into "สนคา". Keep letters, marks and
    digits of every script; everything else becomes a hyphen.
    """
    value = unicodedata.normalize("NFC", value or "").casefold()
    out = []
    for char in value:
        category = unicodedata.category(char)
        out.append(char if category[0] in "LMN" else "-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    return slug[:max_length].rstrip("-")


def is_dictionary_word(word: str) -> bool:
    """Whether `word` is in the segmenter's dictionary (PyThaiNLP's plus loanwords)."""
    return word in _dictionary()


def segment_thai(run: str) -> list[str]:
    """A run of Thai letters cut into words by the same segmenter as the index."""
    return list(_segment(run))

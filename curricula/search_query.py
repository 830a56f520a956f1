"""What a searcher meant: a typed query turned into weighted index words.

A query is read against the words the index actually holds (its vocabulary),
not against a dictionary alone, because people type words the dictionary lacks
and spell them their own way. Each run of Thai is cut at character-cluster
boundaries into the spans that best match indexed words (exactly, as a spelling
variant, or with a small typo), so ขายของออนไลน์ reads as ขาย|ของ|ออนไลน์ and
สเปรดชีท as one word close to สเปรดชีต. Every span becomes a `Concept`: the index
words that stand for it, each with a weight (1 for the word itself, less for a
variant, a loanword form or a synonym).
"""

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pythainlp.corpus import thai_stopwords
from pythainlp.tokenize.tcc import tcc_pos

from lms.core.loanwords import loanword_forms
from lms.core.text import is_dictionary_word, is_made_of_common_words
from lms.core.thai_match import allowed_cost, deletes, edit_cost, fold, variant_key

MAX_QUERY_LENGTH = 200
MAX_CONCEPTS = 10
MAX_SPAN = 24  # characters: longer than any word people type
LOANWORD_WEIGHT = 0.95
SYNONYM_WEIGHT = 0.8
PREFIX_WEIGHT = 0.6
MAX_PREFIX_TERMS = 12

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
_WORDS = re.compile(r"[\u0e00-\u0e7f]+|[^\W_]+(?:[-'][^\W_]+)*")


def english_stem(word: str) -> str:
    """A rough English stem (selling → sell, photos → photo), enough for matching."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + keep
            if suffix in ("ing", "ed") and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # shopping → shop
            return stem
    return word


class Vocabulary:
    """The indexed words of one language with how many pages hold each, and
    lookup tables for finding a typed word's variants quickly."""

    def __init__(self, frequencies: dict[str, int], pages: int, average_length: float):
        self.frequencies = frequencies
        self.pages = pages
        self.average_length = average_length or 1.0
        self.by_key: dict[str, set[str]] = {}
        self.by_deleted_key: dict[str, set[str]] = {}
        for term in frequencies:
            self._add_key(term)
        self.sorted_terms = sorted(frequencies)

    def _add_key(self, term: str) -> None:
        key = variant_key(term)
        terms = self.by_key.get(key)
        if terms is None:
            self.by_key[key] = {term}
            if len(key) >= 3:
                for shorter in deletes(key):
                    self.by_deleted_key.setdefault(shorter, set()).add(key)
        else:
            terms.add(term)

    def apply(self, changes: dict[str, int], *, pages: int, average_length: float) -> None:
        """Take in changed page counts (0: no page holds the word any more)."""
        self.pages = pages
        self.average_length = average_length or 1.0
        added = []
        for term, count in changes.items():
            if count <= 0:
                if self.frequencies.pop(term, None) is not None:
                    # The key may stay behind in by_deleted_key: it then leads nowhere.
                    self.by_key.get(variant_key(term), set()).discard(term)
                    index = bisect.bisect_left(self.sorted_terms, term)
                    if index < len(self.sorted_terms) and self.sorted_terms[index] == term:
                        del self.sorted_terms[index]
                continue
            if term not in self.frequencies:
                added.append(term)
                self._add_key(term)
            self.frequencies[term] = count
        if len(added) > 100:
            self.sorted_terms = sorted(self.frequencies)
        else:
            for term in added:
                bisect.insort(self.sorted_terms, term)

    def __contains__(self, term: str) -> bool:
        return term in self.frequencies

    def _candidate_keys(self, key: str, reach: int) -> set[str]:
        keys = {key}
        if reach >= 1 and len(key) >= 3:
            once = deletes(key)
            keys |= once
            keys |= self.by_deleted_key.get(key, set())
            for shorter in once:
                keys |= self.by_deleted_key.get(shorter, set())
            if reach >= 2:
                for shorter in once:
                    if len(shorter) >= 3:
                        for twice in deletes(shorter):
                            keys.add(twice)
                            keys |= self.by_deleted_key.get(twice, set())
        return keys

    def close_words(self, word: str, limit: float | None = None) -> dict[str, float]:
        """Indexed words within the allowed Thai-aware cost of `word`, with their cost."""
        limit = allowed_cost(word) if limit is None else limit
        found: dict[str, float] = {}
        if word in self.frequencies:
            found[word] = 0.0
        key = variant_key(word)
        reach = 0 if limit < 1 else (1 if limit < 2 else 2)
        for candidate_key in self._candidate_keys(key, reach):
            for term in self.by_key.get(candidate_key, ()):
                if term in found:
                    continue
                cost = edit_cost(word, term)
                if cost <= limit:
                    found[term] = cost
        return found

    def completions(self, prefix: str) -> list[str]:
        """Indexed words that start with `prefix` (for a word still being typed)."""
        start = bisect.bisect_left(self.sorted_terms, prefix)
        out = []
        for term in self.sorted_terms[start : start + 200]:
            if not term.startswith(prefix):
                break
            if term != prefix:
                out.append(term)
        out.sort(key=lambda term: -self.frequencies[term])
        return out[:MAX_PREFIX_TERMS]


@dataclass
class Concept:
    """One thing the searcher asked for and the index words that stand for it."""

    text: str
    terms: dict[str, float] = field(default_factory=dict)
    corrected: str = ""  # the nearest indexed spelling when the text itself is not indexed
    stop: bool = False  # a little word (อยาก, ยังไง) that says little about the page

    def add(self, term: str, weight: float) -> None:
        if weight > self.terms.get(term, 0.0):
            self.terms[term] = weight


def _variant_weight(cost: float) -> float:
    return max(0.5, 1.0 - cost * 0.4)


def _thai_spans(run: str, vocabulary: Vocabulary, known: frozenset[str]) -> list[str]:
    """Cut a run of Thai into the spans that best match indexed words.

    A shortest-path over character-cluster boundaries: a span that is an
    indexed word (or a close variant of one, or a word the synonym and loanword
    lists know) costs one step plus its spelling cost; a dictionary word the
    index lacks costs a little more; leftover clusters cost most. So the path
    prefers a few well-matched words to many fragments.
    """
    boundaries = sorted(tcc_pos(run) | {0, len(run)})
    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    for end_index, end in enumerate(boundaries):
        if end == 0:
            continue
        choices = []
        for begin in boundaries[:end_index]:
            if end - begin > MAX_SPAN or begin not in best:
                continue
            span = run[begin:end]
            if span in vocabulary or span in known:
                step = 1.0
            else:
                close = vocabulary.close_words(span)
                if close:
                    step = 1.0 + min(close.values())
                elif is_dictionary_word(span):
                    step = 1.6
                else:
                    step = 2.5 * max(1, boundaries.index(end) - boundaries.index(begin))
            cost, spans = best[begin]
            choices.append((cost + step, len(spans) + 1, spans + [span]))
        if choices:
            cost, _count, spans = min(choices, key=lambda choice: (choice[0], choice[1]))
            best[end] = (cost, spans)
    return best.get(len(run), (0.0, [run]))[1]


def _merge_unknown(spans: list[str], vocabulary: Vocabulary, known: frozenset[str]) -> list[str]:
    """Join neighbouring fragments that match nothing, so "did you mean" sees a word."""
    merged: list[str] = []
    for span in spans:
        matched = span in vocabulary or span in known or vocabulary.close_words(span)
        if not matched and merged and merged[-1].startswith("\0"):
            merged[-1] += span
        else:
            merged.append(span if matched else "\0" + span)
    return [span.lstrip("\0") for span in merged]


def _parts(word: str, vocabulary: Vocabulary) -> list[str]:
    """A compound query word as indexed words of two letters or more (ขายของ → ขาย, ของ).

    The page may say the same thing without the compound ("ขายสินค้า"), so each
    part is looked for on its own as well.
    """
    reachable: dict[int, list[str]] = {0: []}
    for end in range(2, len(word) + 1):
        for begin in sorted(reachable):
            span = word[begin:end]
            shorter = end not in reachable or len(reachable[begin]) + 1 < len(reachable[end])
            if 2 <= len(span) < len(word) and span in vocabulary and shorter:
                reachable[end] = reachable[begin] + [word[begin:end]]
    parts = reachable.get(len(word), [])
    if len(parts) < 2:
        return []
    # ออนไลน์ is not ออน + ไลน์: an indexed word is taken apart only when it is
    # a compound of everyday words.
    if word in vocabulary and not all(is_made_of_common_words(part) for part in parts):
        return []
    return parts


def read_query(
    query: str, vocabulary: Vocabulary, known: frozenset[str]
) -> tuple[list[str], list[str]]:
    """The words of a query as the index reads them, and its phrases: the runs
    of Thai typed without spaces that hold more than one word."""
    words: list[str] = []
    phrases: list[str] = []
    for piece in _WORDS.findall(fold(query[:MAX_QUERY_LENGTH])):
        if THAI_RUN.fullmatch(piece):
            spans = _merge_unknown(_thai_spans(piece, vocabulary, known), vocabulary, known)
            words += spans
            if len(spans) >= 2:
                phrases.append(piece)
        else:
            words.append(piece)
    return words[:MAX_CONCEPTS], phrases


def query_words(query: str, vocabulary: Vocabulary, known: frozenset[str]) -> list[str]:
    """The words of a query as the index reads them."""
    return read_query(query, vocabulary, known)[0]


def _expansions(word: str, synonyms: dict[str, frozenset[str]]) -> Iterable[tuple[str, float]]:
    """Other words that stand for `word`: loanword spellings, synonyms, and theirs."""
    seen = {word}
    for form in loanword_forms(word):
        seen.add(form)
        yield form, LOANWORD_WEIGHT
    for form in list(seen):
        for synonym in synonyms.get(form, ()):
            if synonym not in seen:
                seen.add(synonym)
                yield synonym, SYNONYM_WEIGHT
                for loan in loanword_forms(synonym):
                    if loan not in seen:
                        seen.add(loan)
                        yield loan, SYNONYM_WEIGHT * LOANWORD_WEIGHT


def _is_stop(word: str, synonyms: dict) -> bool:
    return word in _stopwords() and word not in synonyms


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(thai_stopwords())


def query_concepts(
    query: str,
    *,
    vocabulary: Vocabulary,
    synonyms: dict[str, frozenset[str]],
) -> tuple[list[Concept], list[str]]:
    """Turn a query into concepts, each with the index words that stand for it,
    and return them with the query's phrases."""
    known = frozenset(synonyms)
    words, phrases = read_query(query, vocabulary, known)
    typing = bool(query) and not query[-1].isspace()
    concepts = []
    for index, word in enumerate(words):
        parts = _parts(word, vocabulary) if THAI_RUN.fullmatch(word) else []
        if parts:
            if word not in vocabulary and word not in phrases:
                phrases.append(word)
            whole = [(word, 1.0), *_expansions(word, synonyms)]
            for part in parts:
                concept = Concept(text=part, stop=_is_stop(part, synonyms))
                for other, weight in whole:
                    if other in vocabulary:
                        concept.add(other, weight)
                for term, cost in vocabulary.close_words(part).items():
                    concept.add(term, _variant_weight(cost))
                for other, weight in _expansions(part, synonyms):
                    if other in vocabulary:
                        concept.add(other, weight)
                concepts.append(concept)
            continue
        concept = Concept(text=word, stop=_is_stop(word, synonyms))
        stems = {word}
        if word.isascii():
            stems.add(english_stem(word))
        for form in stems:
            for term, cost in vocabulary.close_words(form).items():
                concept.add(term, _variant_weight(cost))
            for other, weight in _expansions(form, synonyms):
                for term, cost in vocabulary.close_words(
                    other, min(0.4, allowed_cost(other))
                ).items():
                    concept.add(term, weight * _variant_weight(cost))
        if index == len(words) - 1 and typing and len(word) >= 3 and word not in vocabulary:
            for term in vocabulary.completions(word):
                concept.add(term, PREFIX_WEIGHT)
        if word not in vocabulary and concept.terms:
            concept.corrected = max(concept.terms, key=concept.terms.get)
        concepts.append(concept)
    if all(concept.stop for concept in concepts):
        for concept in concepts:
            concept.stop = False
    return concepts, phrases


def _loose_limit(word: str) -> float:
    return max(1.5, len(word) * 0.4)


def _nearest(word: str, vocabulary: Vocabulary) -> str:
    close = vocabulary.close_words(word, limit=_loose_limit(word))
    if not close:
        return ""
    return min(close, key=lambda term: (close[term], -vocabulary.frequencies[term]))


def did_you_mean(query: str, *, vocabulary: Vocabulary, synonyms: dict) -> str:
    """A nearby query made of indexed words, or "" when there is none.

    Each piece the searcher typed is first tried whole (ไปรสนี → ไปรษณีย์), then
    word by word.
    """
    known = frozenset(synonyms)
    out = []
    changed = False
    for piece in _WORDS.findall(fold(query[:MAX_QUERY_LENGTH]))[:MAX_CONCEPTS]:
        if piece in vocabulary or piece in known:
            out.append(piece)
            continue
        whole = _nearest(piece, vocabulary)
        if whole:
            out.append(whole)
            changed = True
            continue
        words = []
        for word in query_words(piece, vocabulary, known):
            nearest = "" if word in vocabulary or word in known else _nearest(word, vocabulary)
            words.append(nearest or word)
            changed = changed or bool(nearest)
        out.append("".join(words) if THAI_RUN.fullmatch(piece) else " ".join(words))
    return " ".join(out) if changed else ""

"""Search finds what villagers type: recall and precision in the first five results
over the demo content (`make search-eval` prints the per-query table)."""

import pytest

from curricula.search_synonyms import search_synonyms_ensure_defaults
from tests.curricula.search_eval import QUERIES, evaluate, report
from tests.demo_data import demo_seed_for_test

pytestmark = pytest.mark.django_db

RECALL_TARGET = 0.9
PRECISION_TARGET = 0.8


def test_the_query_set_is_large_and_varied():
    assert len(QUERIES) >= 40
    assert any(not expected for _query, expected, _why in QUERIES)  # must-not-match cases
    assert any(query.startswith("en:") for query, _expected, _why in QUERIES)


def test_recall_and_precision_at_five_meet_the_targets():
    demo_seed_for_test()
    search_synonyms_ensure_defaults()  # a flushed database (transactional tests) has none
    recall, precision, outcomes = evaluate()
    print("\n" + report(recall, precision, outcomes))
    assert recall >= RECALL_TARGET, report(recall, precision, outcomes)
    assert precision >= PRECISION_TARGET, report(recall, precision, outcomes)

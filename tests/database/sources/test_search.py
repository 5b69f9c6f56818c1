"""Records reach the search index in batches when a command asks for it, and at once otherwise."""

import pytest
from wagtail.search.backends import get_search_backend

from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.database.sources.search import deferred_search_index, search_index_add

pytestmark = pytest.mark.django_db


def found(title: str) -> bool:
    return any(s.title == title for s in get_search_backend().search(title, Source))


def saved(title: str) -> Source:
    source = Source(kind=SourceKind.REPORT, title=title)
    source.full_clean()
    source.save()
    return source


def test_saves_inside_a_batch_reach_the_index_when_it_is_flushed_or_left():
    with deferred_search_index(Source) as batch:
        saved("Zebrafinch Survey")
        assert not found("Zebrafinch Survey")
        batch.flush()
        assert found("Zebrafinch Survey")
        saved("Quagga Survey")
        assert not found("Quagga Survey")
    assert found("Quagga Survey")
    saved("Okapi Survey")  # after the batch, saving indexes at once again
    assert found("Okapi Survey")


def test_records_written_in_bulk_are_added_at_once_or_with_the_batch():
    [direct] = Source.objects.bulk_create([Source(kind=SourceKind.REPORT, title="Pangolin Survey")])
    search_index_add(Source, [direct])
    assert found("Pangolin Survey")
    with deferred_search_index(Source):
        [later] = Source.objects.bulk_create([Source(kind=SourceKind.REPORT, title="Tapir Survey")])
        search_index_add(Source, [later])
        assert not found("Tapir Survey")
    assert found("Tapir Survey")


def test_a_record_gone_before_the_batch_is_indexed_is_skipped_and_an_error_restores_indexing():
    with pytest.raises(RuntimeError, match="on purpose"), deferred_search_index(Source):
        saved("Aardwolf Survey")
        Source.objects.filter(title="Aardwolf Survey").delete()
        raise RuntimeError("on purpose")
    assert not found("Aardwolf Survey")
    saved("Narwhal Survey")
    assert found("Narwhal Survey")


def test_batches_do_not_nest():
    with deferred_search_index(Source), pytest.raises(RuntimeError, match="already"):
        with deferred_search_index(Source):
            pass


def test_a_record_added_then_saved_again_is_indexed_as_saved():
    with deferred_search_index(Source):
        [source] = Source.objects.bulk_create([Source(kind=SourceKind.REPORT, title="Ibex Survey")])
        search_index_add(Source, [source])
        source.title = "Markhor Survey"
        source.save()
    assert found("Markhor Survey")
    assert not found("Ibex Survey")

"""Writing sources: one `Source` per thing cited, however many footnotes cite it.

`find_or_create_sources` turns the citations read from footnotes into Sources, reusing the one
with the same fingerprint; `merge_sources` joins two records of the same source that slipped through
(different spellings, a parser that read one citation two ways), moving everything that points
at the duplicate to the one kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry

from landmine_monitor.database.sources.citations import Citation, fingerprint
from landmine_monitor.foundation.bulk import insert_rows

from .models import MergedFingerprint, Source
from .search import search_index_add

# Fields a merge may copy from the duplicate into the kept source when the kept one has none.
FILLABLE = ("title", "person", "organisation", "date", "date_text", "place", "url")


def find_or_create_source(citation: Citation) -> tuple[Source, bool]:
    """The Source for `citation` and whether it was created (see `find_or_create_sources`)."""
    [(source, created)] = find_or_create_sources([citation])
    return source, created


def source_with_fingerprint(key: str) -> Source | None:
    """The Source footnotes citing with that fingerprint are linked to (also one that absorbed,
    by a merge, a source with that fingerprint), or None."""
    return _by_fingerprints({key}).get(key) if key else None


def find_or_create_sources(citations: Sequence[Citation]) -> list[tuple[Source, bool]]:
    """The Source for each citation, in order, and whether it was created.

    An existing Source with the same fingerprint is returned unchanged (also one that absorbed,
    by a merge, a source with that fingerprint); citations that share a fingerprint share one
    Source, made from the first of them. The others are new: each is checked with full_clean,
    with the date as written kept in `date_text`, without the locator (it belongs to the
    footnote's citation) and with a note recording the footnote text it was read from.

    However many citations there are, the lookup is two queries, and the new sources are
    inserted, logged in Wagtail's audit log and added to the search index in one batch each:
    a report's hundred citations cost a handful of queries, not hundreds.
    """
    keys = [fingerprint(citation) for citation in citations]
    found = _by_fingerprints(set(keys))
    new: dict[str, Source] = {}
    results = []
    for citation, key in zip(citations, keys, strict=True):
        if key in found:
            results.append((found[key], False))
        elif key in new:
            results.append((new[key], False))
        else:
            new[key] = _new_source(citation, key)
            results.append((new[key], True))
    if new:
        _create(list(new.values()))
    return results


@transaction.atomic
def merge_sources(keep: Source, duplicate: Source, *, user=None) -> Source:
    """Merge `duplicate` into `keep` and delete it, in one transaction; returns `keep`.

    Every row of every model that points at `duplicate` — foreign keys, one-to-ones and
    many-to-manys, found by walking Source's reverse relations, so models added later are covered
    — is made to point at `keep`; so are the revisions (drafts, history) of pages and snippets
    that store such rows, and Wagtail's reference index. Empty fields of `keep` are filled from
    `duplicate`; `keep`'s note records the merge, and the duplicate's fingerprints (its own and
    those of sources merged into it) become `keep`'s `merged_fingerprints`, so that a later import
    citing it the same way finds `keep`. The merge is logged in Wagtail's audit log.

    Raises ValidationError when merging a source with itself, an unsaved source, or when a
    relation allows one row per source and both sources have one.
    """
    if keep.pk is None or duplicate.pk is None:
        raise ValidationError("Only saved sources can be merged.")
    if keep.pk == duplicate.pk:
        raise ValidationError("A source cannot be merged with itself.")
    locked = {s.pk: s for s in Source.objects.select_for_update().filter(pk__in=[keep.pk, duplicate.pk])}
    if len(locked) != 2:
        raise ValidationError("One of the sources to merge no longer exists.")
    kept, gone = locked[keep.pk], locked[duplicate.pk]

    moved = {}
    for relation in relations_to_source():
        count = _repoint(relation, kept, gone)
        if count:
            label = relation.related_model._meta.label
            moved[label] = moved.get(label, 0) + count
    for field in Source._meta.many_to_many:  # many-to-manys declared on Source itself
        getattr(kept, field.name).add(*getattr(gone, field.name).all())
    revisions = _repoint_revisions(kept.pk, gone.pk)
    _repoint_reference_index(kept.pk, gone.pk)

    filled = []
    for name in FILLABLE:
        if getattr(kept, name) in ("", None) and getattr(gone, name) not in ("", None):
            setattr(kept, name, getattr(gone, name))
            filled.append(name)
    if not kept.fingerprint and gone.fingerprint:
        kept.fingerprint = gone.fingerprint
    line = f"Merged with source #{gone.pk}: {gone.citation}"
    if gone.fingerprint and gone.fingerprint != kept.fingerprint:
        line += f" [fingerprint: {gone.fingerprint}]"
    if gone.note:
        line += f"\nIts note: {gone.note}"
    MergedFingerprint.objects.filter(source=gone).update(source=kept)
    if gone.fingerprint and gone.fingerprint != kept.fingerprint:
        MergedFingerprint.objects.create(source=kept, fingerprint=gone.fingerprint)
    kept.note = f"{kept.note}\n{line}" if kept.note else line
    key = gone.key

    data = {
        "merged_source": {"id": gone.pk, "citation": gone.citation, "fingerprint": gone.fingerprint},
        "moved": moved,
        "revisions": revisions,
        "filled": filled,
    }
    log(gone, "wagtail.delete", user=user, data={"merged_into": kept.pk})
    gone.delete()
    if key and not kept.key:  # the bundled reference data finds its sources by key
        kept.key = key
    kept.full_clean()
    kept.save()
    log(kept, "wagtail.edit", user=user, data=data)
    keep.refresh_from_db()
    return keep


# --------------------------------------------------------------------------------------------


def _by_fingerprints(keys: set[str]) -> dict[str, Source]:
    """The Source for each fingerprint known: the oldest with that fingerprint, else the oldest
    that a source with that fingerprint was merged into."""
    found: dict[str, Source] = {}
    for source in Source.objects.filter(fingerprint__in=keys).order_by("pk"):
        found.setdefault(source.fingerprint, source)
    missing = keys - found.keys()
    if missing:
        merged = MergedFingerprint.objects.filter(fingerprint__in=missing).select_related("source")
        for row in merged.order_by("source_id", "pk"):
            found.setdefault(row.fingerprint, row.source)
    return found


def _new_source(citation: Citation, key: str) -> Source:
    source = Source(
        kind=citation.kind,
        title=_fit("title", citation.title),
        person=_fit("person", citation.person),
        organisation=_fit("organisation", citation.organisation),
        date=citation.date,
        date_text=_fit("date_text", citation.date_text),
        place=_fit("place", citation.place),
        fingerprint=key,
    )
    notes = [f"As first cited: {citation.raw}"] if citation.raw else []
    if citation.url and _valid_url(citation.url):
        source.url = citation.url
    elif citation.url:
        notes.append(f"URL as cited: {citation.url}")
    source.note = "\n".join(notes)
    return source


@transaction.atomic
def _create(sources: list[Source]) -> None:
    """Insert new sources in one statement, then do in bulk what saving each would have done:
    the audit log's "wagtail.create" entry and the search index. (Nothing else listens for a new
    source: no record cites it yet.)"""
    for source in sources:
        source.full_clean()
    Source.objects.bulk_create(sources)
    _log_created(sources)
    search_index_add(Source, sources)


def _log_created(sources: list[Source]) -> None:
    """The entries `wagtail.log_actions.log(source, "wagtail.create", data=…)` writes, in one
    `executemany`: with a few dozen entries of a dozen columns, `bulk_create` spends more time
    compiling each value into its statement than the database spends writing them. Each value is
    prepared by its field (`get_db_prep_save`), as `bulk_create` would; nothing reads the
    entries' keys."""
    entry_model = log_registry.get_log_model_for_model(Source)
    if entry_model is None:
        return
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(Source, for_concrete_model=False)
    now = timezone.now()
    entries = [
        entry_model(
            content_type=content_type,
            object_id=str(source.pk),
            label=entry_model.objects.get_instance_title(source),
            action="wagtail.create",
            timestamp=now,
            data={"fingerprint": source.fingerprint},
            user=context.user,
            uuid=context.uuid,
        )
        for source in sources
    ]
    fields = [f for f in entry_model._meta.concrete_fields if not f.primary_key]
    insert_rows(
        entry_model,
        fields,
        ([f.get_db_prep_save(f.pre_save(entry, True), connection) for f in fields] for entry in entries),
    )


def _fit(name: str, value: str) -> str:
    limit = Source._meta.get_field(name).max_length
    value = value or ""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _valid_url(url: str) -> bool:
    if len(url) > Source._meta.get_field("url").max_length:
        return False
    try:
        URLValidator()(url)
    except ValidationError:
        return False
    return True


def relations_to_source() -> list[models.ForeignObjectRel]:
    """Every foreign key and one-to-one that points at Source, hidden ones included
    (`related_name="+"`, and the tables behind many-to-manys)."""
    return [
        f
        for f in Source._meta.get_fields(include_hidden=True)
        if f.auto_created
        and not f.concrete
        and (f.one_to_many or f.one_to_one)
        and f.related_model is not MergedFingerprint  # moved by merge_sources itself
    ]


def _repoint(relation: models.ForeignObjectRel, keep: Source, duplicate: Source) -> int:
    model = relation.related_model
    name = relation.field.name
    rows = model._base_manager.filter(**{name: duplicate})
    if not rows.exists():
        return 0
    if model._meta.auto_created:
        # the table behind a many-to-many: a row linking the same object to both sources goes
        others = [f.name for f in model._meta.concrete_fields if f.is_relation and f.name != name]
        for row in rows:
            if model._base_manager.filter(
                **{name: keep}, **{o: getattr(row, f"{o}_id") for o in others}
            ).exists():
                row.delete()
        rows = model._base_manager.filter(**{name: duplicate})
    try:
        with transaction.atomic():
            return rows.update(**{name: keep})
    except IntegrityError as error:
        raise ValidationError(
            f"Cannot merge: {model._meta.verbose_name_plural} allow one row per source and both sources "
            f"have one ({error})."
        ) from error


def _revisable_models_citing_sources() -> list[type[models.Model]]:
    from wagtail.models import RevisionMixin

    return [
        m
        for m in apps.get_models()
        if issubclass(m, RevisionMixin) and not m._meta.abstract and _stores_source(m, set())
    ]


def _stores_source(model: type[models.Model], seen: set) -> bool:
    if model in seen:
        return False
    seen.add(model)
    if any(f.is_relation and f.related_model is Source for f in model._meta.fields):
        return True
    if any(f.related_model is Source for f in get_all_child_m2m_relations(model)):
        return True
    return any(_stores_source(r.related_model, seen) for r in get_all_child_relations(model))


def _repoint_revisions(keep: int, duplicate: int) -> int:
    """Rewrite the stored revisions (drafts and history) whose content points at the duplicate,
    so that publishing a draft or reverting never brings the deleted source back."""
    from wagtail.models import Revision

    changed = 0
    for model in _revisable_models_citing_sources():
        content_types = ContentType.objects.get_for_models(model, for_concrete_models=False).values()
        for revision in Revision.objects.filter(content_type__in=content_types).iterator():
            if _walk(model, revision.content, keep, duplicate):
                revision.save(update_fields=["content"])
                changed += 1
    return changed


def _walk(model: type[models.Model], data: dict, keep: int, duplicate: int) -> bool:
    if not isinstance(data, dict):
        return False
    changed = False
    for field in model._meta.fields:
        if (
            field.is_relation
            and field.related_model is Source
            and data.get(field.name) in (duplicate, str(duplicate))
        ):
            data[field.name] = keep
            changed = True
    for field in get_all_child_m2m_relations(model):
        ids = data.get(field.name)
        if field.related_model is Source and isinstance(ids, list) and duplicate in ids:
            data[field.name] = list(dict.fromkeys(keep if i == duplicate else i for i in ids))
            changed = True
    for relation in get_all_child_relations(model):
        for child in data.get(relation.get_accessor_name()) or []:
            changed = _walk(relation.related_model, child, keep, duplicate) or changed
    return changed


def _repoint_reference_index(keep: int, duplicate: int) -> None:
    """Wagtail's usage index ("where is this source used?") follows the rows moved."""
    from wagtail.models import ReferenceIndex

    source_type = ContentType.objects.get_for_model(Source)
    ReferenceIndex.objects.filter(to_content_type=source_type, to_object_id=str(duplicate)).update(
        to_object_id=str(keep)
    )

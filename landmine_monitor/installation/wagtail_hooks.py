"""The database in the Wagtail admin, where editors correct and extend it."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.facts.models import Fact, Indicator
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.models import Treaty, TreatyAction
from landmine_monitor.database.unga.models import Resolution, Vote
from landmine_monitor.network.selectors import sources_seen_by
from landmine_monitor.network.viewsets import ScopedViewSet


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "iso3", "region", "kind", "un_member_from"]
    list_filter = ["region", "kind"]
    # Searched through the model's search index (names, other names, ISO codes, slug).
    ordering = ["name"]


class TreatyViewSet(SnippetViewSet):
    model = Treaty
    icon = "doc-full"
    list_display = ["short_name", "entry_into_force_on", "entry_into_force_threshold"]


class TreatyActionFilters(WagtailFilterSet):
    class Meta:
        model = TreatyAction
        fields = ["treaty", "kind", "country"]


class TreatyActionViewSet(SnippetViewSet):
    model = TreatyAction
    icon = "date"
    menu_label = "Treaty actions"
    list_display = ["country", "treaty", "kind", "date", "locator"]
    filterset_class = TreatyActionFilters
    search_fields = ["country__name", "locator", "note"]


class ResolutionViewSet(SnippetViewSet):
    model = Resolution
    icon = "list-ul"
    menu_label = "UN resolutions"
    list_display = ["symbol", "title", "adopted_on", "recorded_yes", "recorded_no", "recorded_abstain"]
    search_fields = ["symbol", "title"]


class VoteViewSet(SnippetViewSet):
    model = Vote
    icon = "tick"
    menu_label = "UN votes"
    list_display = ["resolution", "country", "vote", "in_dataset"]
    list_filter = ["resolution", "vote", "in_dataset"]
    search_fields = ["country__name"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = "Reference data"
    menu_icon = "globe"
    menu_order = 200
    items = (CountryViewSet, TreatyViewSet, TreatyActionViewSet, ResolutionViewSet, VoteViewSet)


class SourceViewSet(ScopedViewSet):
    """Sources, limited for researchers and coordinators to those they may see
    (`network.selectors.sources_seen_by`); any view of another answers 403."""

    model = Source
    related = ()
    icon = "link"
    list_display = ["title", "kind", "person", "organisation", "date"]
    list_filter = ["kind"]
    search_fields = ["title", "person", "organisation"]

    def scoped(self, user, queryset):
        return queryset.filter(pk__in=sources_seen_by(user).values("pk"))


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "form"
    list_display = ["name", "unit", "value_type", "theme"]
    list_filter = ["theme", "value_type"]
    search_fields = ["name", "slug"]


class FactViewSet(SnippetViewSet):
    model = Fact
    icon = "table"
    list_display = ["country", "indicator", "display_value", "point_in_time", "edition", "rank"]
    list_filter = ["indicator", "rank", "edition"]
    search_fields = ["country__name", "indicator__name", "text", "note"]


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "doc-full-inverse"
    list_display = ["year", "title", "state", "release_at"]


class DatabaseGroup(SnippetViewSetGroup):
    menu_label = "Facts and sources"
    menu_icon = "table"
    menu_order = 210
    items = (FactViewSet, IndicatorViewSet, SourceViewSet, EditionViewSet)


register_snippet(ReferenceDataGroup)
register_snippet(DatabaseGroup)

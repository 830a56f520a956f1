"""The synonym list that national admins keep for search, under Snippets."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym
from .search import SEARCH_INDEX_VERSION


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]


register_snippet(SearchSynonymViewSet)


# Search caches its reading of the synonym list; a changed list must show at once.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def _synonyms_changed(request, instances_or_instance):
    instances = (
        instances_or_instance
        if isinstance(instances_or_instance, list | tuple)
        else [instances_or_instance]
    )
    if any(isinstance(instance, SearchSynonym) for instance in instances):
        SEARCH_INDEX_VERSION.changed()

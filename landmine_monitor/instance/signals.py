"""Keep the cached menu in step with what is published."""

from django.core.cache import cache
from wagtail.signals import page_published, page_unpublished

from .context_processors import MENU_CACHE_KEY


def forget_menu(**kwargs) -> None:
    cache.delete(MENU_CACHE_KEY)


page_published.connect(forget_menu, dispatch_uid="forget-menu-on-publish")
page_unpublished.connect(forget_menu, dispatch_uid="forget-menu-on-unpublish")

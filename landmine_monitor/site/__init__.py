"""The public site: content pages and the menu, country pages, the map, the search page and the
cache of public pages."""

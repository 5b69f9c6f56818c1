"""The installation: `setup` and `serve`, the site's first pages and account, and the editors'
admin of the central database. The top of the order: it may import every element."""

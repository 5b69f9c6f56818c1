"""Facts saved in the admin go through the same actions as those recorded from code."""

from wagtail import hooks

from .services import register_actions

hooks.register("register_actions", register_actions)

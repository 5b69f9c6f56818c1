"""Treaty actions saved in the admin go through the same actions as the command line's."""

from wagtail import hooks

from .services import register_actions

hooks.register("register_actions", register_actions)

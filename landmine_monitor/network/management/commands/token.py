"""`landmine-monitor token create USERNAME [--name NAME]` | `token list [USERNAME]` | `token revoke ID`.

The API accepts a token as `Authorization: Bearer <token>` and then answers as its user,
drafts included where that user may see them. A token is printed once, when it is created.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table
from wagtail.models import APIToken

from landmine_monitor.network.selectors import tokens_of
from landmine_monitor.network.tokens import create_token, revoke_token


def _when(moment) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "—"


class Command(BaseCommand):
    help = "Create, list and revoke API tokens."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="create|list|revoke")
        create = actions.add_parser("create", help="Create a token for USERNAME and print it, once.")
        create.add_argument("username")
        create.add_argument("--name", default="", help="What the token is for.")
        listing = actions.add_parser("list", help="List tokens, of USERNAME or of everyone.")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="Revoke token ID (as `token list` shows it).")
        revoke.add_argument("id", type=int)

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _user(self, username: str):
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None

    def _create(self, username: str, name: str, **options):
        record, token = create_token(self._user(username), name=name)
        self.stdout.write(token)
        self.stderr.write(
            f"Token {record.pk} ({record.name}) for {record.user.get_username()}. It is shown only "
            "this once; send it as `Authorization: Bearer <token>`."
        )

    def _list(self, username: str | None, **options):
        tokens = tokens_of(self._user(username) if username else None)
        console = Console(file=self.stdout, highlight=False, width=120)
        table = Table(show_header=True, header_style="bold")
        for column in ("id", "user", "name", "begins", "created", "last used", "revoked"):
            table.add_column(column)
        for t in tokens:
            table.add_row(
                str(t.pk),
                t.user.get_username(),
                t.name,
                f"{t.prefix}…",
                _when(t.created),
                _when(t.last_used_at),
                _when(t.revoked_at),
            )
        console.print(table)

    def _revoke(self, id: int, **options):
        record = APIToken.objects.select_related("user").filter(pk=id).first()
        if record is None:
            raise CommandError(f"No API token {id} (`landmine-monitor token list` shows them).")
        if record.revoked_at is not None:
            raise CommandError(f"Token {id} was already revoked on {record.revoked_at:%Y-%m-%d}.")
        revoke_token(record)
        self.stdout.write(f"Token {id} ({record.name}) of {record.user.get_username()} revoked.")

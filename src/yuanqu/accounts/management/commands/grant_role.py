from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from yuanqu.accounts.services import ROLES, role_add, role_remove


class Command(BaseCommand):
    """Operators give or take roles: `yuanqu grant-role 13812345678 moderator`. The roles are
    publisher, trusted (published without waiting for review), moderator, administrator."""

    help = "Give a user a role (publisher, trusted, moderator, administrator), or take it away."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLES))
        parser.add_argument("--remove", action="store_true", help="Take the role away.")
        parser.add_argument("--dry-run", action="store_true", help="Check, change nothing.")

    def handle(self, *args, username, role, remove, dry_run, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"没有用户 {username}")
        if not dry_run:
            (role_remove if remove else role_add)(user, role)
        verb = "移除" if remove else "授予"
        self.stdout.write(
            f"{'（试运行）' if dry_run else ''}已{verb} {username} 角色：{ROLES[role][0]}"
        )

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    """Create or migrate the database. Idempotent: a second run changes nothing."""

    help = "Create or migrate the database (regions are loaded by a migration)."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=max(0, options["verbosity"] - 1))
        from yuanqu.search.services import registry_sync

        registry_sync()  # the parks and enterprises new to the search index (all, the first time)
        self.stdout.write(self.style.SUCCESS(_("The database is ready.")))

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    """Create or migrate the database, then load the data every installation starts with (the
    regions, the park registry, the roles, the search index of parks; see `yuanqu.seed`).
    Idempotent: a second run changes nothing."""

    help = "Create or migrate the database and load the regions, parks and roles."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=max(0, options["verbosity"] - 1))
        from yuanqu.seed import seed_all

        seed_all()
        self.stdout.write(self.style.SUCCESS(_("The database is ready.")))

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """Everything a newcomer needs: database, demo corpus, server."""

    help = "Create or migrate the database, load the demo corpus and serve the portal."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, host, port, **options):
        call_command("init", stdout=self.stdout)
        call_command("load_demo", stdout=self.stdout)
        call_command("serve", host=host, port=port, stdout=self.stdout)

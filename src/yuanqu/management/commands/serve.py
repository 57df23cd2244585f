import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    """Serve the portal with a production WSGI server (gunicorn) and its own static files."""

    help = "Serve the portal: collect static files, then run gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=max(2, min(4, os.cpu_count() or 2)))

    def handle(self, *args, host, port, workers, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        address = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
        self.stdout.write(
            self.style.SUCCESS(
                _("yuanqu is serving at %(address)s (Ctrl+C to stop)") % {"address": address}
            )
        )
        self.stdout.flush()
        run_gunicorn(bind=f"{host}:{port}", workers=workers, debug=settings.DEBUG)


def run_gunicorn(*, bind: str, workers: int, debug: bool) -> None:
    from gunicorn.app.base import BaseApplication

    from yuanqu.wsgi import application

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", bind)
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", "-" if debug else None)
            self.cfg.set("timeout", 60)

        def load(self):
            return application

    Server().run()

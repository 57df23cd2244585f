"""What the import commands share: running an import, optionally as a dry run, and reporting it."""

from contextlib import nullcontext

from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from yuanqu.news.services import ImportReport, articles_import


class DryRunRollback(Exception):
    """Raised inside a dry run's transaction so that nothing it wrote is kept."""


def run_import(command, records, *, total: int, dry_run: bool, progress: bool) -> ImportReport:
    bar = tqdm(total=total, unit="art", disable=not progress, file=command.stderr._out)
    report = ImportReport()
    try:
        # Each article commits on its own; only a dry run needs one transaction to roll back.
        with transaction.atomic() if dry_run else nullcontext():
            articles_import(records, progress=bar, report=report)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    finally:  # interrupted or not, the summary says what was done
        bar.close()
        _summary(command, report, dry_run=dry_run)
    return report


def _summary(command, report: ImportReport, *, dry_run: bool) -> None:
    for where, reason in report.rejected:
        command.stderr.write(
            _("Rejected %(where)s: %(reason)s") % {"where": where, "reason": reason}
        )
    for where, reason in report.skipped:
        command.stderr.write(
            _("Skipped %(where)s: %(reason)s") % {"where": where, "reason": reason}
        )
    summary = _(
        "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
        "%(skipped)d skipped, %(rejected)d rejected."
    ) % {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": len(report.skipped),
        "rejected": len(report.rejected),
    }
    if dry_run:
        summary = _("Dry run, nothing written: %(summary)s") % {"summary": summary}
    command.stdout.write(summary)

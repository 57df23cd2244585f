"""The one rule for what is read from an article and what editors decided about it: reading the
article again makes the automatic rows what the text says now, and never undoes an editor."""

from collections.abc import Callable, Hashable, Iterable

from django.db import models

from yuanqu.news.models import Article


def rows_sync(
    model: type[models.Model],
    *,
    article: Article,
    wanted: dict[Hashable, dict],
    key: Callable[[models.Model], Hashable],
    decided: Callable[[models.Model], bool],
    refresh: Iterable[str] | None = (),
    on_gone: Callable[[models.Model], None] | None = None,
) -> dict[Hashable, models.Model]:
    """Make the article's rows of `model` what was read now (`wanted`, {key: fields}).

    New keys are created. A row nobody decided on takes the fields read now, and is deleted when
    they are no longer read. A row an editor decided on (`decided`: made by an editor, removed
    by one, a figure confirmed or corrected) keeps the decision: only the fields named in
    `refresh` follow the text (None: all of them, the decision being kept in fields of its own),
    and when it is no longer read it stays, passed to `on_gone` if given. Returns the rows as
    they were, by key.
    """
    existing = {key(row): row for row in model.objects.filter(article=article)}
    for row_key, fields in wanted.items():
        row = existing.get(row_key)
        if row is None:
            model.objects.create(article=article, **fields)
            continue
        if decided(row):
            fields = fields if refresh is None else {n: fields[n] for n in refresh if n in fields}
        changes = {name: value for name, value in fields.items() if getattr(row, name) != value}
        if changes:
            model.objects.filter(pk=row.pk).update(**changes)
    for row_key, row in existing.items():
        if row_key in wanted:
            continue
        if not decided(row):
            row.delete()
        elif on_gone is not None:
            on_gone(row)
    return existing


def by_editor(row: models.Model) -> bool:
    """A link or a row an editor made or removed."""
    return row.origin == "editor" or row.removed

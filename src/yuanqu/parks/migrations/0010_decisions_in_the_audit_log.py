"""Editors' decisions move to the one audit trail: each recorded fact decision and each
membership, recognition, platform or project an editor removed or restored becomes an audit
entry (who, when, why), then the model and the columns that held them go."""

from django.db import migrations

ROWS = ("membership", "recognition", "platform", "project")


def to_audit_log(apps, schema_editor):
    entry = apps.get_model("audit", "AuditEntry")
    entries = []
    for change in apps.get_model("parks", "ParkFactChange").objects.select_related("fact"):
        before = {("fact_status" if k == "status" else k): v for k, v in change.before.items()}
        after = {("fact_status" if k == "status" else k): v for k, v in change.after.items()}
        entries.append(
            entry(
                event=change.action,
                actor_id=change.actor_id,
                target_type="parkfact",
                target_id=change.fact_id,
                article_id=change.fact.article_id,
                reason=change.reason,
                before=before,
                after=after,
                created_at=change.created_at,
            )
        )
    for name in ROWS:
        for row in apps.get_model("parks", name).objects.exclude(decided_at=None):
            action = "removed" if row.removed else "restored"
            entries.append(
                entry(
                    event=f"parks.{name}.{action}",
                    actor_id=row.decided_by_id,
                    target_type=name,
                    target_id=row.pk,
                    article_id=row.article_id,
                    reason=row.reason,
                    before={"removed": not row.removed},
                    after={"removed": row.removed},
                    created_at=row.decided_at,
                )
            )
    entry.objects.bulk_create(entries)


class Migration(migrations.Migration):
    dependencies = [
        ("parks", "0009_seed_industries"),
        ("audit", "0002_own_table"),
    ]

    operations = [
        migrations.RunPython(to_audit_log, migrations.RunPython.noop),
        migrations.DeleteModel(name="ParkFactChange"),
        *(
            migrations.RemoveField(model_name=name, name=field)
            for name in ROWS
            for field in ("decided_by", "decided_at", "reason")
        ),
    ]

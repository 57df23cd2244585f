"""Seed data used to be loaded here by importing live code; it is loaded by `yuanqu init` now,
through the services (`yuanqu.seed`). The migration stays, empty, for the graph's sake."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("news", "0002_self_publishing"),
        ("moderation", "0001_initial"),
        ("parks", "0009_seed_industries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []

"""Seed data used to be loaded here by importing live code; it is loaded by `yuanqu init` now,
through the services (`yuanqu.seed`). The migration stays, empty, for the graph's sake."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = []

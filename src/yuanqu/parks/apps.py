from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParksConfig(AppConfig):
    name = "yuanqu.parks"
    verbose_name = "园区"

    def ready(self):
        from yuanqu.audit import labels

        from . import listeners  # noqa: F401  (reads published articles)
        from .models import ParkFact

        labels.register(
            events={
                "parks.fact.confirmed": _("figure confirmed"),
                "parks.fact.corrected": _("figure corrected"),
                "parks.fact.rejected": _("figure rejected"),
                "parks.articlepark.added": _("park link added"),
                "parks.articlepark.removed": _("park link removed"),
                "parks.articlepark.restored": _("park link restored"),
                "parks.membership.removed": _("membership removed"),
                "parks.membership.restored": _("membership restored"),
                "parks.recognition.removed": _("recognition removed"),
                "parks.recognition.restored": _("recognition restored"),
                "parks.platform.removed": _("platform removed"),
                "parks.platform.restored": _("platform restored"),
                "parks.project.removed": _("project removed"),
                "parks.project.restored": _("project restored"),
            },
            targets={
                "parkfact": _("figure"),
                "articlepark": _("park link"),
                "membership": _("membership"),
                "recognition": _("recognition"),
                "platform": _("platform"),
                "project": _("project"),
            },
            fields={
                "fact_status": _("decision"),
                "value": _("value"),
                "period": _("period"),
                "park": _("park"),
                "linked": _("linked"),
                "removed": _("removed"),
                "item": _("item"),
            },
            values={"fact_status": dict(ParkFact.Status.choices)},
            groups={"parks": ("parks.", _("knowledge base edits"))},
        )

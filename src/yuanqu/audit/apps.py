from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "yuanqu.audit"
    verbose_name = "审计日志"

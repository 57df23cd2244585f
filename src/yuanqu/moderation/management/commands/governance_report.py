import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from yuanqu.moderation.governance import governance_report

LABELS = {
    "reports": "举报",
    "cases": "举报案件",
    "submissions": "投稿审核",
    "takedowns": "删除",
    "notices": "权利人通知",
    "appeals": "申诉",
    "accounts": "账户处置",
    "total": "合计",
    "by_category": "按类型",
    "opened": "立案",
    "upheld": "成立/维持",
    "dismissed": "不成立",
    "open": "未办结",
    "closed": "已办结",
    "median_hours": "办结用时中位数（小时）",
    "p90_hours": "办结用时90分位（小时）",
    "overdue": "超时办结",
    "submitted": "提交",
    "approved": "通过",
    "rejected": "未通过",
    "after_notices": "依通知删除",
    "by_moderators": "审核员删除",
    "restored": "恢复",
    "received": "收到",
    "accepted": "删除",
    "countered": "反通知后恢复",
    "refused": "不予受理",
    "published": "公示",
    "filed": "提出",
    "overturned": "撤销原决定",
    "warned": "警告",
    "suspended": "暂停",
}


class Command(BaseCommand):
    """The annual governance report the content-ecosystem rules expect a platform to keep:
    reports by category and outcome, time to close, takedowns, notices, appeals, sanctions."""

    help = "Print the governance report of a year (the current year by default)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, year, format, **options):
        report = governance_report(year)
        if format == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{year}年度内容治理报告")
        for section, values in report.items():
            if section == "year":
                continue
            self.stdout.write(f"\n{LABELS[section]}")
            for key, value in values.items():
                if isinstance(value, dict):
                    self.stdout.write(f"  {LABELS[key]}：")
                    for label, count in value.items():
                        self.stdout.write(f"    {label}  {count}")
                else:
                    self.stdout.write(f"  {LABELS[key]}  {'—' if value is None else value}")

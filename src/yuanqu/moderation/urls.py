from django.urls import path

from .views import public, staff

app_name = "moderation"

urlpatterns = [
    path("report/", public.report, name="report"),
    path("report/<str:ticket>/", public.report_status, name="report_status"),
    path("notice/", public.notice, name="notice"),
    path("notice/<str:ticket>/", public.notice_status, name="notice_status"),
    path("notice/<str:ticket>/confirm/<str:token>/", public.notice_confirm, name="notice_confirm"),
    path("notice/<str:ticket>/counter/", public.counter_notice, name="counter_notice"),
    path("notices/", public.public_notices, name="public_notices"),
    path("appeal/<id:pk>/", public.appeal, name="appeal"),
    path("moderation/", staff.queue, name="queue"),
    path("moderation/articles/<id:pk>/", staff.article_moderation, name="article"),
    path("moderation/cases/<id:pk>/", staff.case_detail, name="case_detail"),
    path("moderation/notices/<id:pk>/", staff.notice_detail, name="notice_detail"),
    path("moderation/appeals/<id:pk>/", staff.appeal_detail, name="appeal_detail"),
    path("moderation/audit/", staff.audit, name="audit"),
    path("moderation/files/<slug:kind>/<id:pk>/", staff.evidence, name="evidence"),
    path("moderation/words/", staff.words, name="words"),
    path("moderation/policy/", staff.policy, name="policy"),
    path("moderation/users/<id:user_id>/sanction/", staff.sanction, name="sanction"),
]

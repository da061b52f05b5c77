"""Portal routes of 咨询: 留言咨询 and the FAQ."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import consultations

urlpatterns: list[URLPattern | URLResolver] = [
    path("consult/", consultations.consultation_list, name="consultation_list"),
    path("consult/new/", consultations.consultation_submit, name="consultation_submit"),
    path("consult/thanks/", consultations.consultation_thanks, name="consultation_thanks"),
    path("consult/<int:pk>/", consultations.consultation_detail, name="consultation_detail"),
    path("faq/", consultations.faq, name="faq"),
    path("faq/<int:pk>/", consultations.faq_detail, name="faq_detail"),
]

"""Back-office routes of 咨询: register, fast entry, daily tallies, topics, FAQ."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import consultations as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("consultations/", views.ConsultationListView.as_view(), name="consultation_list"),
    path("consultations/fast/", views.FastEntryView.as_view(), name="consultation_fast_entry"),
    path("consultations/new/", views.ConsultationCreateView.as_view(), name="consultation_create"),
    path(
        "consultations/<int:pk>/",
        views.ConsultationDetailView.as_view(),
        name="consultation_detail",
    ),
    path(
        "consultations/<int:pk>/edit/",
        views.ConsultationEditView.as_view(),
        name="consultation_edit",
    ),
    path(
        "consultations/<int:pk>/convert/",
        views.ConsultationConvertView.as_view(),
        name="consultation_convert",
    ),
    path(
        "consultations/<int:pk>/faq/",
        views.ConsultationMakeFaqView.as_view(),
        name="consultation_make_faq",
    ),
    path("consultations/tallies/", views.TallyListView.as_view(), name="consultation_tally_list"),
    path(
        "consultations/tallies/new/",
        views.TallyCreateView.as_view(),
        name="consultation_tally_create",
    ),
    path(
        "consultations/tallies/<int:pk>/",
        views.TallyDetailView.as_view(),
        name="consultation_tally_detail",
    ),
    path(
        "consultations/tallies/<int:pk>/correct/",
        views.TallyCorrectView.as_view(),
        name="consultation_tally_correct",
    ),
    path("consultations/topics/", views.TopicListView.as_view(), name="consultation_topic_list"),
    path(
        "consultations/topics/new/",
        views.TopicCreateView.as_view(),
        name="consultation_topic_create",
    ),
    path(
        "consultations/topics/<int:pk>/edit/",
        views.TopicEditView.as_view(),
        name="consultation_topic_edit",
    ),
    path("consultations/faq/", views.FaqListView.as_view(), name="consultation_faq_list"),
    path("consultations/faq/new/", views.FaqCreateView.as_view(), name="consultation_faq_create"),
    path(
        "consultations/faq/<int:pk>/", views.FaqDetailView.as_view(), name="consultation_faq_detail"
    ),
    path(
        "consultations/faq/<int:pk>/edit/",
        views.FaqEditView.as_view(),
        name="consultation_faq_edit",
    ),
]

"""API routes of the 政务资讯大厅 and the portal's page views."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import reading_room as views

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "library/documents/", views.LibraryDocumentListApi.as_view(), name="library_document_list"
    ),
    path(
        "library/documents/<int:pk>/",
        views.LibraryDocumentDetailApi.as_view(),
        name="library_document_detail",
    ),
    path(
        "library/databases/", views.LibraryDatabaseListApi.as_view(), name="library_database_list"
    ),
    path(
        "staff/reading-room/visiting-groups/",
        views.StaffVisitingGroupListApi.as_view(),
        name="staff_visiting_group_list",
    ),
    path(
        "staff/reading-room/visitor-tallies/",
        views.StaffVisitorTallyListApi.as_view(),
        name="staff_visitor_tally_list",
    ),
    path("staff/reading-room/loans/", views.StaffLoanListApi.as_view(), name="staff_loan_list"),
    path(
        "staff/reading-room/loans/<int:pk>/return/",
        views.StaffLoanReturnApi.as_view(),
        name="staff_loan_return",
    ),
    path(
        "staff/reading-room/statistics/",
        views.StaffReadingRoomStatisticsApi.as_view(),
        name="staff_reading_room_statistics",
    ),
    path("staff/page-views/", views.StaffPageViewsApi.as_view(), name="staff_page_views"),
]

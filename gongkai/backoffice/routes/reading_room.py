"""Back-office routes of the 政务资讯大厅 registers."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import reading_room as views

REGISTER_PATHS = {
    "document": "documents",
    "database": "databases",
    "group": "groups",
    "visitor": "visitors",
    "periodical": "periodicals",
    "loan": "loans",
    "terminal": "terminals",
}

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "reading-room/loans/overdue/",
        views.OverdueLoanListView.as_view(),
        name="reading_room_loan_overdue",
    ),
    path(
        "reading-room/loans/<int:pk>/return/",
        views.LoanReturnView.as_view(),
        name="reading_room_loan_return",
    ),
    path(
        "reading-room/databases/<int:pk>/check/",
        views.DatabaseCheckView.as_view(),
        name="reading_room_database_check",
    ),
]
for _key, _segment in REGISTER_PATHS.items():
    urlpatterns += [
        path(
            f"reading-room/{_segment}/",
            views.RegisterListView.as_view(register_key=_key),
            name=f"reading_room_{_key}_list",
        ),
        path(
            f"reading-room/{_segment}/new/",
            views.RegisterCreateView.as_view(register_key=_key),
            name=f"reading_room_{_key}_create",
        ),
        path(
            f"reading-room/{_segment}/<int:pk>/",
            views.RegisterDetailView.as_view(register_key=_key),
            name=f"reading_room_{_key}_detail",
        ),
    ]
    if _key != "loan":
        urlpatterns.append(
            path(
                f"reading-room/{_segment}/<int:pk>/edit/",
                views.RegisterEditView.as_view(register_key=_key),
                name=f"reading_room_{_key}_edit",
            )
        )

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import catalogue, staff

urlpatterns: list[URLPattern | URLResolver] = [
    # Public reads.
    path("catalogue/items/", catalogue.ItemListApi.as_view(), name="item_list"),
    path("catalogue/items/<int:pk>/", catalogue.ItemDetailApi.as_view(), name="item_detail"),
    path("catalogue/categories/", catalogue.CategoryListApi.as_view(), name="category_list"),
    path("search/", catalogue.SearchApi.as_view(), name="search"),
    path("organisations/", catalogue.OrganisationListApi.as_view(), name="organisation_list"),
    path(
        "organisations/<int:pk>/",
        catalogue.OrganisationDetailApi.as_view(),
        name="organisation_detail",
    ),
    # Staff writes (token authentication).
    path(
        "staff/catalogue/items/",
        staff.StaffItemListCreateApi.as_view(),
        name="staff_item_list",
    ),
    path(
        "staff/catalogue/items/<int:pk>/",
        staff.StaffItemDetailApi.as_view(),
        name="staff_item_detail",
    ),
    path(
        "staff/catalogue/items/<int:pk>/submit/",
        staff.StaffItemSubmitApi.as_view(),
        name="staff_item_submit",
    ),
    path(
        "staff/catalogue/items/<int:pk>/return/",
        staff.StaffItemReturnApi.as_view(),
        name="staff_item_return",
    ),
    path(
        "staff/catalogue/items/<int:pk>/publish/",
        staff.StaffItemPublishApi.as_view(),
        name="staff_item_publish",
    ),
    path(
        "staff/catalogue/items/<int:pk>/withdraw/",
        staff.StaffItemWithdrawApi.as_view(),
        name="staff_item_withdraw",
    ),
    path(
        "staff/catalogue/items/<int:pk>/attachments/",
        staff.StaffAttachmentUploadApi.as_view(),
        name="staff_attachment_upload",
    ),
]

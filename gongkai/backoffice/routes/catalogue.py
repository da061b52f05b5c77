from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import catalogue, imports

urlpatterns: list[URLPattern | URLResolver] = [
    path("catalogue/", catalogue.ItemListView.as_view(), name="item_list"),
    path("catalogue/new/", catalogue.ItemCreateView.as_view(), name="item_create"),
    path("catalogue/import/", imports.ImportView.as_view(), name="import"),
    path(
        "catalogue/import/template.csv",
        imports.ImportTemplateView.as_view(),
        name="import_template",
    ),
    path("catalogue/<int:pk>/", catalogue.ItemDetailView.as_view(), name="item_detail"),
    path("catalogue/<int:pk>/edit/", catalogue.ItemEditView.as_view(), name="item_edit"),
    path("catalogue/<int:pk>/submit/", catalogue.ItemSubmitView.as_view(), name="item_submit"),
    path("catalogue/<int:pk>/return/", catalogue.ItemReturnView.as_view(), name="item_return"),
    path("catalogue/<int:pk>/publish/", catalogue.ItemPublishView.as_view(), name="item_publish"),
    path(
        "catalogue/<int:pk>/withdraw/", catalogue.ItemWithdrawView.as_view(), name="item_withdraw"
    ),
    path(
        "catalogue/<int:pk>/attachments/",
        catalogue.AttachmentUploadView.as_view(),
        name="attachment_upload",
    ),
    path(
        "catalogue/<int:pk>/attachments/<int:attachment_pk>/",
        catalogue.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
    path(
        "catalogue/<int:pk>/attachments/<int:attachment_pk>/remove/",
        catalogue.AttachmentRemoveView.as_view(),
        name="attachment_remove",
    ),
]

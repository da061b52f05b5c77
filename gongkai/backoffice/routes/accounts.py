from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import accounts, audit, dashboard

urlpatterns: list[URLPattern | URLResolver] = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", accounts.LogoutView.as_view(), name="logout"),
    path("account/", accounts.AccountView.as_view(), name="account"),
    path("account/token/", accounts.ApiTokenRegenerateView.as_view(), name="api_token_regenerate"),
    path("account/token/revoke/", accounts.ApiTokenRevokeView.as_view(), name="api_token_revoke"),
    path("audit/", audit.AuditLogView.as_view(), name="audit_log"),
]

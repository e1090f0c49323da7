from django.urls import path

from coproduce.payments import views

app_name = "payments"

urlpatterns = [
    path("", views.your_payments, name="yours"),
    path("offers/<int:pk>/", views.offer_detail, name="offer"),
    path("offers/<int:pk>/jobcentre-letter.pdf", views.jobcentre_letter, name="jobcentre_letter"),
    path("involvements/<int:pk>/claim/", views.claim, name="claim"),
    path("involvements/<int:pk>/claim/add-expense/", views.expense_add, name="expense_add"),
    path("expenses/<int:pk>/remove/", views.expense_remove, name="expense_remove"),
    path("expenses/<int:pk>/receipt/", views.receipt, name="receipt"),
    path("statements/<int:pk>/<int:year>.pdf", views.statement_pdf, name="statement_pdf"),
    path("statements/<int:pk>/<int:year>.csv", views.statement_csv_download, name="statement_csv"),
    path("activities/<int:pk>/", views.activity_payments_page, name="activity"),
    path("claims/", views.claims, name="claims"),
    path("claims/<int:pk>/", views.claim_review, name="claim_review"),
    path("claims/<int:pk>/paid/", views.claim_paid, name="claim_paid"),
    path("export/", views.finance_export, name="export"),
    path("rate-cards/", views.rate_card_list, name="rate_cards"),
    path("rate-cards/new/", views.rate_card_create, name="rate_card_create"),
]

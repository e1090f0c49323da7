from django.urls import path

from coproduce.payments.views import approval, bank_details, claims, offers, rates, statements

app_name = "payments"

urlpatterns = [
    path("", offers.your_payments, name="yours"),
    path("offers/<int:pk>/", offers.offer_detail, name="offer"),
    path("offers/<int:pk>/jobcentre-letter.pdf", offers.jobcentre_letter, name="jobcentre_letter"),
    path("involvements/<int:pk>/claim/", claims.claim, name="claim"),
    path("involvements/<int:pk>/claim/add-expense/", claims.expense_add, name="expense_add"),
    path("expenses/<int:pk>/remove/", claims.expense_remove, name="expense_remove"),
    path("expenses/<int:pk>/receipt/", claims.receipt, name="receipt"),
    path("statements/<int:pk>/<int:year>.pdf", statements.statement_pdf, name="statement_pdf"),
    path("statements/<int:pk>/<int:year>.csv", statements.statement_csv_download, name="statement_csv"),
    path("activities/<int:pk>/", offers.activity_payments_page, name="activity"),
    path("involvements/<int:pk>/offer/", offers.offer_one, name="offer_one"),
    path("claims/", approval.claims, name="claims"),
    path("claims/<int:pk>/", approval.claim_review, name="claim_review"),
    path("claims/<int:pk>/paid/", approval.claim_paid, name="claim_paid"),
    path("people/<int:pk>/bank-details/", bank_details.bank_details, name="bank_details"),
    path("export/", statements.finance_export, name="export"),
    path("rate-cards/", rates.rate_card_list, name="rate_cards"),
    path("rate-cards/new/", rates.rate_card_create, name="rate_card_create"),
]

from django.urls import path

from coproduce.easyread import views

app_name = "easyread"

urlpatterns = [
    path("", views.index, name="index"),
    path("write/", views.documents, name="documents"),
    path("write/new/", views.document_create, name="create"),
    path("write/<int:pk>/", views.document_edit, name="edit"),
    path("write/<int:pk>/rows/new/", views.row_add, name="add_row"),
    path("write/rows/<int:pk>/", views.row_edit, name="edit_row"),
    path("write/rows/<int:pk>/move/", views.row_move, name="move_row"),
    path("write/rows/<int:pk>/delete/", views.row_delete, name="delete_row"),
    path("write/<int:pk>/publish/", views.document_publish, name="publish"),
    path("<int:pk>/", views.document_read, name="read"),
    path("<int:pk>/easy-read.pdf", views.document_pdf, name="pdf"),
    path("pictures/<int:pk>/", views.picture, name="picture"),
]

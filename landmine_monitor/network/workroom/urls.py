"""The workroom's admin URLs, under /admin/workroom/ (namespace "workroom")."""

from django.urls import path

from . import views

app_name = "workroom"
urlpatterns = [
    path("", views.WorkspaceView.as_view(), name="workspace"),
    path("upload/", views.UploadView.as_view(), name="upload"),
    path("board/", views.BoardView.as_view(), name="board"),
    path("board.csv", views.BoardCsvView.as_view(), name="board_csv"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path(
        "reports/<int:page_id>/previous-edition/",
        views.PreviousEditionView.as_view(),
        name="previous_edition",
    ),
]

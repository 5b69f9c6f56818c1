from django.urls import path

from . import views

app_name = "maps"

urlpatterns = [
    path("", views.world_map_view, name="world"),
]

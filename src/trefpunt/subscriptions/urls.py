from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("follow/", views.subscribe, name="subscribe"),
    path("<int:pk>/frequency/", views.change, name="change"),
    path("<int:pk>/remove/", views.remove, name="remove"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

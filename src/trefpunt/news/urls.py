app_name = "news"
urlpatterns = []

from django.conf import settings


def site(request):
    return {"MAP_TILES": settings.TREFPUNT_MAP_TILES}

from django.http import HttpResponse


def act_list(request):
    return HttpResponse("")


def act_detail(request, bwb_id):
    return HttpResponse("")

from ninja import Router

from trefpunt.accounts.operations import authenticate_token

from .. import access


def crisis_staff(request):
    """The crisis-staff user behind the call (bearer token, else session), or 404 — raised
    before any parameter is validated, so nothing about a route shows to others."""
    header = request.headers.get("Authorization", "")
    user = request.user
    if header[:7].lower() == "bearer ":
        user = authenticate_token(header[7:].strip())
    access.require(user)
    return user


router = Router(tags=["assistance"], auth=crisis_staff)

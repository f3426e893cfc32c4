"""Token authentication for the API: ``Authorization: Bearer <token>``."""

from ninja.security import HttpBearer

from .operations import authenticate_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = authenticate_token(token)
        if user is not None:
            request.user = user
        return user


token_auth = TokenAuth()

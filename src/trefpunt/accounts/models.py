"""Identity: platform roles and API tokens (memberships of organisations live in
``organisations``)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlatformRole(models.TextChoices):
    CURATOR = "curator", _("Secretariat curator")
    CRISIS_STAFF = "crisis_staff", _("Crisis-centre staff")


class PlatformGrant(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants"
    )
    role = models.CharField(_("role"), max_length=16, choices=PlatformRole.choices)

    class Meta:
        verbose_name = _("platform role")
        verbose_name_plural = _("platform roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="grant_unique")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 is stored, the raw value is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    label = models.CharField(_("label"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.label} ({self.prefix}…)"

    @staticmethod
    def generate() -> str:
        return "tp_" + secrets.token_urlsafe(32)


class Profile(models.Model):
    """A user's own settings: the language of the mails Trefpunt writes to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(
        _("language of my mails"), max_length=2, choices=settings.LANGUAGES, default="en"
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)


def preferred_language(user) -> str:
    """The language to write to ``user`` in: their profile's, else English."""
    profile = Profile.objects.filter(user=user).only("language").first()
    return profile.language if profile is not None else "en"


class MailCategory(models.TextChoices):
    MEETING_NOTICES = "meeting_notices", _("Changes and reminders of my meetings")


class MailOptOut(models.Model):
    """An address that asked (with a one-click unsubscribe link) not to receive a category of
    mails any more."""

    email = models.EmailField(_("email"))
    category = models.CharField(_("category"), max_length=32, choices=MailCategory.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mail opt-out")
        verbose_name_plural = _("mail opt-outs")
        constraints = [
            models.UniqueConstraint(fields=["email", "category"], name="mail_opt_out_unique")
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.get_category_display()}"

"""Errors that services raise; each carries a message a user can read (in Swedish)."""


class ServiceError(Exception):
    """A refusal a person can act on. `field` names the form field it is about, if one."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(ServiceError):
    """The input was not acceptable; nothing was changed."""


class StaleEdit(ValidationError):
    """Someone else saved the same thing since it was opened; nothing was changed."""


class AccessDenied(ServiceError):
    def __init__(self, message: str = "Du har inte behörighet att göra detta."):
        super().__init__(message)


class NotFound(ServiceError):
    pass

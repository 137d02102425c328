"""Errors that services raise; each carries a message a user can read (in Swedish)."""


class ServiceError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(ServiceError):
    """The input was not acceptable; nothing was changed."""


class AccessDenied(ServiceError):
    def __init__(self, message: str = "Du har inte behörighet att göra detta."):
        super().__init__(message)


class NotFound(ServiceError):
    pass

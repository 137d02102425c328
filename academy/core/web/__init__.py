"""The web side of core: the login held by a tab, the base state of every page, downloads.

Only modules under a `web/` package, `academy/ui` and the app module import Reflex.
"""

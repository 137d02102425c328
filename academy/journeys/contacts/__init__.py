"""Kontaktanalys in the app: stored contact imports, their figures, and their links to
journey steps. The pure engine is `journeys.contacts`; this package stores and scopes."""

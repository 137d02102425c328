"""Kundresor in the app: stored journeys, the editor and its pages (the engine is `journeys`)."""

"""The Kundresor pages, states and downloads."""
